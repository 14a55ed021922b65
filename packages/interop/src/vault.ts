import { keepValid } from './entityChecks.ts';
import { asFieldName } from './flatAttributes.ts';
import { readFrontMatter } from './frontMatter.ts';
import type { ImportIssue, ImportResult, UnresolvedLink } from './importResult.ts';
import type { PortableEntity, PortableFieldValue, PortableRelation } from './portableGraph.ts';
import { findWikiLinks, parseWikiLink, type WikiLink } from './wikiLinks.ts';

/** One file of a vault: its path inside the vault (`/`-separated) and its text. */
export interface VaultFile {
  path: string;
  text: string;
}

/** Options of {@link importVault}. */
export interface VaultImportOptions {
  /** The kind of a note whose front matter names none (`kind:` or `type:`). */
  kind: string;
  /** Front matter values → kinds, e.g. `{ person: 'member' }`. */
  kinds?: Record<string, string>;
  /** The relation a body `[[link]]` makes; `mentions` by default, as the editor's links do. */
  linkType?: string;
}

const isNote = (path: string) => /\.md$/i.test(path);
const stem = (path: string) => path.replace(/\.md$/i, '');
const baseName = (path: string) => stem(path).split('/').pop() ?? path;
const folderOf = (path: string) => path.split('/').slice(0, -1).join('/');

/** Front matter keys that say what a note is rather than being fields of it. */
const OWN_KEYS = new Set([
  'title',
  'kind',
  'type',
  'aliases',
  'alias',
  'id',
  'relations',
  'created',
  'updated',
]);

/**
 * Finds notes the way Obsidian does: by path from the vault root (with or without `.md`), else
 * by file name or alias — preferring a note in the linking note's own folder, then the one with
 * the shortest path, when several share a name.
 */
class NoteResolver {
  private readonly byPath = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();

  constructor(notes: readonly { path: string; aliases: string[] }[]) {
    for (const note of notes) {
      this.byPath.set(stem(note.path).toLowerCase(), note.path);
      for (const name of [baseName(note.path), ...note.aliases]) {
        const key = name.toLowerCase();
        this.byName.set(key, [...(this.byName.get(key) ?? []), note.path]);
      }
    }
    for (const paths of this.byName.values())
      paths.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  }

  resolve(target: string, from: string): string | undefined {
    const clean = target
      .replace(/^\.?\//, '')
      .replace(/\.md$/i, '')
      .toLowerCase();
    const relative = [folderOf(from), clean].filter(Boolean).join('/').toLowerCase();
    const direct = this.byPath.get(relative) ?? this.byPath.get(clean);
    if (direct) return direct;
    const candidates = this.byName.get(clean.split('/').pop() ?? clean) ?? [];
    const suffixed = candidates.filter((p) => stem(p).toLowerCase().endsWith(clean));
    const pool = suffixed.length > 0 ? suffixed : clean.includes('/') ? [] : candidates;
    return pool.find((p) => folderOf(p) === folderOf(from)) ?? pool[0];
  }
}

function fieldValue(value: unknown): PortableFieldValue | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.map(String);
  return undefined;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

const timeOf = (value: unknown) => {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? Date.parse(value)
        : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

interface ReadNote {
  path: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  aliases: string[];
}

/** Front matter and body of one note; a broken front matter is reported, not guessed at. */
function readNote(file: VaultFile, issues: ImportIssue[]): ReadNote | undefined {
  try {
    const parsed = readFrontMatter(file.text);
    return {
      path: file.path,
      data: parsed.data,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
      aliases: [...asList(parsed.data.aliases), ...asList(parsed.data.alias)],
    };
  } catch (error) {
    // yaml's positions count from the front matter's first line, the file's second.
    const at = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    issues.push({
      file: file.path,
      ...(at ? { line: at.line + 1, column: at.col } : {}),
      message: `has front matter that is not valid YAML (${String((error as Error).message).split('\n')[0]})`,
    });
    return undefined;
  }
}

/**
 * Reads a Markdown or Obsidian vault. Each note becomes an entity (its front matter its fields,
 * its text its co-edited document); `[[links]]` with `|alias`, `#heading` and `^block` become
 * relations; front matter `relations: {type: ["[[Note]]"]}` becomes typed relations;
 * `![[embeds]]` are counted apart; links to nothing are listed with their file and line.
 * Link cycles are normal in a vault and import as they are; an embed cycle (notes embedding
 * each other) is reported, since no editor could show it.
 */
export function importVault(
  files: readonly VaultFile[],
  options: VaultImportOptions,
): ImportResult {
  const issues: ImportIssue[] = [];
  const notes = files
    .filter((f) => isNote(f.path) && !f.path.split('/').some((part) => part.startsWith('.')))
    .map((f) => readNote(f, issues))
    .filter((n): n is ReadNote => n !== undefined);
  const assets = new Set(files.filter((f) => !isNote(f.path)).map((f) => f.path.toLowerCase()));
  const resolver = new NoteResolver(notes);
  const idOf = (note: ReadNote) => {
    const declared = note.data.id;
    return typeof declared === 'string' && declared !== '' ? declared : stem(note.path);
  };
  const ids = new Map(notes.map((n) => [n.path, idOf(n)]));

  const entities: PortableEntity[] = [];
  const relations: PortableRelation[] = [];
  const unresolved: UnresolvedLink[] = [];
  const embedsOf = new Map<string, string[]>();
  let embeds = 0;
  const linkTo = (note: ReadNote, link: WikiLink, type: string) => {
    if (link.target === '') return; // [[#Heading]] points inside the note itself
    const target = resolver.resolve(link.target, note.path);
    const from = ids.get(note.path) as string;
    if (link.embed) {
      embeds += 1;
      if (target) embedsOf.set(note.path, [...(embedsOf.get(note.path) ?? []), target]);
      else if (!assets.has(link.target.toLowerCase()) && !/\.\w+$/.test(link.target))
        unresolved.push({ from, target: link.target, file: note.path, line: link.line });
      return;
    }
    if (!target) {
      unresolved.push({ from, target: link.target, file: note.path, line: link.line });
      return;
    }
    const to = ids.get(target) as string;
    if (to !== from) relations.push({ from, type, to, attributes: {} });
  };

  for (const note of notes) {
    const { data } = note;
    const named =
      typeof data.kind === 'string'
        ? data.kind
        : typeof data.type === 'string'
          ? data.type
          : undefined;
    const kind = named ? (options.kinds?.[named] ?? named) : options.kind;
    const fields: Record<string, PortableFieldValue> = {};
    for (const [key, value] of Object.entries(data)) {
      if (OWN_KEYS.has(key)) continue;
      const name = /^[a-z][a-zA-Z0-9-]*$/.test(key) ? key : asFieldName(key);
      const v = fieldValue(value);
      if (name && v !== undefined) fields[name] = v;
      else
        issues.push({
          file: note.path,
          message: `front matter '${key}' is not a text, number, yes/no or list; left out`,
        });
    }
    const entity: PortableEntity = {
      id: ids.get(note.path) as string,
      kind,
      title: typeof data.title === 'string' ? data.title : baseName(note.path),
      fields,
      document: note.body.replace(/^\n+/, ''),
    };
    const createdAt = timeOf(data.created);
    const updatedAt = timeOf(data.updated);
    if (createdAt !== undefined) entity.createdAt = createdAt;
    if (updatedAt !== undefined) entity.updatedAt = updatedAt;
    entities.push(entity);

    const typed = data.relations;
    if (typeof typed === 'object' && typed !== null && !Array.isArray(typed))
      for (const [type, targets] of Object.entries(typed as Record<string, unknown>))
        for (const text of asList(targets)) {
          const inner = /^!?\[\[(.*)\]\]$/.exec(text.trim())?.[1] ?? text;
          linkTo(note, parseWikiLink(inner, false, 1), type);
        }
    for (const link of findWikiLinks(note.body, note.bodyLine))
      linkTo(note, link, options.linkType ?? 'mentions');
  }

  for (const cycle of embedCycles(embedsOf))
    issues.push({
      file: cycle[0],
      message: `embeds itself through ${cycle.join(' → ')}; no editor can show that`,
    });
  const graph = keepValid({ entities, relations }, (message, at) =>
    issues.push({
      message,
      ...(at.entity ? { file: notes.find((n) => ids.get(n.path) === at.entity)?.path } : {}),
    }),
  );
  return { graph, issues, unresolved, embeds };
}

/** Each cycle of notes embedding one another, once, as a path that returns to its start. */
function embedCycles(edges: ReadonlyMap<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
