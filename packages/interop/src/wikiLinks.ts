import MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** One `[[link]]` or `![[embed]]` as Obsidian writes them. */
export interface WikiLink {
  /** The note it names: `Folder/Note` in `[[Folder/Note#Heading|Alias]]`. Empty for `[[#Heading]]`. */
  target: string;
  /** `Heading` in `[[Note#Heading]]`. */
  heading?: string;
  /** `id` in `[[Note^id]]`. */
  block?: string;
  /** `Alias` in `[[Note|Alias]]`. */
  alias?: string;
  /** `![[…]]`: shows the target's content instead of linking to it. */
  embed: boolean;
  /** 1-based line in the Markdown it was found in. */
  line: number;
}

/** Splits the inside of `[[…]]` into target, heading, block and alias. */
export function parseWikiLink(inner: string, embed: boolean, line: number): WikiLink {
  const bar = inner.indexOf('|');
  const path = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
  const alias = bar >= 0 ? inner.slice(bar + 1).trim() : undefined;
  const caret = path.indexOf('^');
  const hash = path.indexOf('#');
  const cut = [caret, hash].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? path.length;
  const link: WikiLink = { target: path.slice(0, cut).trim(), embed, line };
  if (hash >= 0) {
    const end = caret > hash ? caret : path.length;
    link.heading = path.slice(hash + 1, end).trim();
  }
  if (caret >= 0) link.block = path.slice(caret + 1).trim();
  if (alias) link.alias = alias;
  return link;
}

/**
 * markdown-it's inline rule for `[[…]]` and `![[…]]`. Being an inline rule, it never sees code
 * blocks or code spans, which CommonMark parses first: a link written inside code is not a link.
 */
function wikiLinkRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const embed = state.src.charCodeAt(start) === 0x21; /* ! */
  const open = embed ? start + 1 : start;
  if (!state.src.startsWith('[[', open)) return false;
  const close = state.src.indexOf(']]', open + 2);
  if (close < 0) return false;
  const inner = state.src.slice(open + 2, close);
  if (inner.includes('\n') || inner.includes('[[') || inner.trim() === '') return false;
  if (!silent) {
    const token = state.push('wikilink', '', 0);
    token.content = inner;
    token.meta = { embed, offset: start };
  }
  state.pos = close + 2;
  return true;
}

const markdown = new MarkdownIt('commonmark').use((md) => {
  md.inline.ruler.before('link', 'wikilink', wikiLinkRule);
});

/** Every wiki link and embed in a Markdown text, outside code, with its line. */
export function findWikiLinks(text: string, firstLine = 1): WikiLink[] {
  const links: WikiLink[] = [];
  const visit = (tokens: Token[], blockLine: number, source: string) => {
    for (const token of tokens) {
      const line = token.map ? token.map[0] + firstLine : blockLine;
      if (token.type === 'wikilink') {
        const offset = (token.meta as { offset: number }).offset;
        const within = source.slice(0, offset).split('\n').length - 1;
        links.push(
          parseWikiLink(
            token.content,
            (token.meta as { embed: boolean }).embed,
            blockLine + within,
          ),
        );
      }
      if (token.children) visit(token.children, line, token.content);
    }
  };
  visit(markdown.parse(text, {}), firstLine, text);
  return links;
}
