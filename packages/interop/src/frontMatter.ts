import { parse, stringify } from 'yaml';

/** A note split into its front matter and its body. */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** The 1-based line of the file where the body starts. */
  bodyLine: number;
}

// The closing `---` starts a line of its own: `id: ---` inside the YAML does not close it.
const BLOCK = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Splits Obsidian-style front matter (`---` YAML `---` at the top) from the body and parses it
 * with `yaml`. gray-matter does the same but needs Node's `Buffer`, and this runs in the browser
 * too. A YAML error is thrown with its `linePos`, counted from the file's first line.
 */
export function readFrontMatter(text: string): FrontMatter {
  const match = BLOCK.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  const value: unknown = parse(match[1] ?? '');
  const data =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  return {
    data,
    body: text.slice(match[0].length),
    bodyLine: match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1),
  };
}

/** A note with front matter, as Obsidian writes it. */
export function writeFrontMatter(body: string, data: Record<string, unknown>): string {
  return `---\n${stringify(data)}---\n${body}`;
}
