import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import {
  decodeUtf8,
  exportCanvas,
  exportCsv,
  exportGexf,
  exportGraphml,
  exportJson,
  exportVault,
  type ImportResult,
  importCounts,
  importCsv,
  importCsvExport,
  importGexf,
  importGraphml,
  importJson,
  importVault,
  type PortableGraph,
  readZip,
  suggestCsvMapping,
  type VaultFile,
  withPosition,
  writeZip,
} from '@repertoire/interop';
import type { DocumentStore, WorkspaceStore } from '@repertoire/server';
import { layoutForCanvas } from '../interop/canvasLayout.ts';
import { graphUpdateFromPortable, portableFromGraphUpdate } from '../interop/portableWorkspace.ts';

/** The formats `workspace export|import --format` speaks besides the full JSON archive. */
export const FORMATS = ['json', 'csv', 'gexf', 'graphml', 'canvas', 'markdown'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

export function asFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new Error(`--format: '${value}' is not one of ${FORMATS.join(', ')}`);
}

interface Stores {
  workspaces: WorkspaceStore;
  documents: DocumentStore;
}

/** Writes files under `out`: a folder, or one zip when `out` ends in `.zip`. */
function writeFiles(out: string, files: readonly VaultFile[]): string {
  if (out.toLowerCase().endsWith('.zip')) {
    writeFileSync(out, writeZip(files));
    return out;
  }
  for (const file of files) {
    const path = join(out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return out;
}

/**
 * Exports a workspace's graph in another tool's format. Multi-file formats (csv, markdown) need
 * `--out`, a folder or a `.zip`; single-file ones go to `--out` or stdout.
 */
export async function exportInFormat(
  stores: Stores,
  workspaceId: string,
  format: Exclude<Format, 'json'>,
  out: string | undefined,
  options: { static?: boolean; documentText?: (entityId: string) => string | undefined } = {},
): Promise<string> {
  if ((await stores.workspaces.name(workspaceId)) === null)
    throw new Error(`no workspace '${workspaceId}'`);
  const graph = portableFromGraphUpdate(
    (await stores.documents.load(`${workspaceId}/graph`)) ?? new Uint8Array(),
    options.documentText,
  );
  const summary = `${graph.entities.length} entities and ${graph.relations.length} relations`;
  const single = (text: string) => {
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return out ? `Exported ${summary} to ${out}` : '';
  };
  switch (format) {
    case 'csv': {
      if (!out) throw new Error('--format csv writes two files: give --out <folder or .zip>');
      const files = exportCsv(graph);
      writeFiles(out, [
        { path: 'entities.csv', text: files.entities },
        { path: 'relations.csv', text: files.relations },
      ]);
      return `Exported ${summary} to ${out} (entities.csv, relations.csv)`;
    }
    case 'markdown': {
      if (!out) throw new Error('--format markdown writes a vault: give --out <folder or .zip>');
      const files = exportVault(graph);
      writeFiles(out, files);
      return `Exported ${files.length} notes to ${out}`;
    }
    case 'gexf':
      return single(exportGexf(graph, { dynamic: !options.static }));
    case 'graphml':
      return single(exportGraphml(graph));
    case 'canvas':
      return single(exportCanvas(graph, { placements: layoutForCanvas(graph) }));
  }
}

/** Every file under a folder, as vault files with `/`-separated paths. */
function readFolder(root: string): VaultFile[] {
  const out: VaultFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const rel = relative(root, path).split('\\').join('/');
        out.push({
          path: rel,
          text: /\.(md|markdown|csv|json)$/i.test(name) ? decodeUtf8(readFileSync(path), rel) : '',
        });
      }
    }
  };
  walk(root);
  return out;
}

/** The files of a source: a folder, a zip, or one file. */
function readSource(source: string): VaultFile[] {
  if (!existsSync(source)) throw new Error(`${source}: no such file or folder`);
  if (statSync(source).isDirectory()) return readFolder(source);
  const bytes = readFileSync(source);
  if (source.toLowerCase().endsWith('.zip')) return readZip(bytes);
  return [{ path: basename(source), text: decodeUtf8(bytes, basename(source)) }];
}

function csvImport(files: VaultFile[], kind: string): ImportResult {
  const entities = files.find((f) => f.path.endsWith('entities.csv'));
  const relations = files.find((f) => f.path.endsWith('relations.csv'));
  if (entities && relations)
    return importCsvExport({ entities: entities.text, relations: relations.text });
  const sheet = files.find((f) => f.path.toLowerCase().endsWith('.csv'));
  if (!sheet) throw new Error('no .csv file in the source');
  const header = sheet.text.split(/\r?\n/, 1)[0] ?? '';
  return importCsv(
    sheet.text,
    suggestCsvMapping(
      header.split(',').map((c) => c.trim().replace(/^"|"$/g, '')),
      kind,
    ),
  );
}

/** Reads a source in a format into an import: nothing is stored yet. */
export function readImport(source: string, format: Format, kind: string): ImportResult {
  const files = readSource(source);
  const only = () => {
    const [file] = files;
    if (!file || files.length > 1) throw new Error(`--format ${format} reads one file`);
    return file.text;
  };
  switch (format) {
    case 'json':
      return importJson(only());
    case 'csv':
      return csvImport(files, kind);
    case 'gexf':
      return importGexf(only(), { kinds: { fallback: kind } });
    case 'graphml':
      return importGraphml(only(), { kinds: { fallback: kind } });
    case 'markdown':
      return importVault(files, { kind });
    case 'canvas':
      throw new Error('JSON Canvas is an export format; import the vault or graph file instead');
  }
}

/** One line per problem, with where it is. */
export function describeIssues(result: ImportResult, limit = 20): string[] {
  const lines = result.issues.slice(0, limit).map((i) => `  ${withPosition(i.message, i)}`);
  if (result.issues.length > limit) lines.push(`  … and ${result.issues.length - limit} more`);
  return lines;
}

/** A summary line of what an import holds, as the preview shows it. */
export function describeCounts(result: ImportResult): string {
  const c = importCounts(result);
  return `${c.entities} entities, ${c.relations} relations, ${c.documents} documents, ${c.unresolvedLinks} unresolved links, ${c.embeds} embeds, ${c.errors} errors`;
}

/**
 * Imports a source as a new workspace. Nothing is written unless every entity and relation is
 * valid (or `skipInvalid` leaves the invalid ones out); the caller prints the preview first.
 */
export async function importAsWorkspace(
  stores: Stores,
  result: ImportResult,
  options: {
    name: string;
    ownerId: string | null;
    skipInvalid: boolean;
    dryRun: boolean;
    /** Writes a note's Markdown as a co-edited document (the headless editor); none: no text. */
    writeDocument?: (markdown: string) => Uint8Array;
  },
): Promise<{ id?: string; entities: number; relations: number; refused: string[] }> {
  const refused = [...describeIssues(result)];
  if (refused.length > 0 && !options.skipInvalid) return { entities: 0, relations: 0, refused };
  const graph: PortableGraph = options.writeDocument
    ? result.graph
    : {
        ...result.graph,
        entities: result.graph.entities.map(({ document: _, ...entity }) => entity),
      };
  const built = graphUpdateFromPortable(graph, {
    user: options.ownerId ?? 'import',
    // The graph document does not record its workspace's id, so the store's new id can follow.
    workspaceId: 'import',
    skipInvalid: options.skipInvalid,
  });
  if (built.issues.length > 0 && !options.skipInvalid)
    return { entities: 0, relations: 0, refused: built.issues.map((i) => `  ${i.message}`) };
  if (options.dryRun) return { entities: built.entities, relations: built.relations, refused: [] };
  const workspace = await stores.workspaces.create(options.name, options.ownerId);
  await stores.documents.put(`${workspace.id}/graph`, built.update);
  for (const entity of graph.entities) {
    const id = built.ids.get(entity.id);
    if (id && entity.document !== undefined && options.writeDocument)
      await stores.documents.put(
        `${workspace.id}/doc/${id}`,
        options.writeDocument(entity.document),
      );
  }
  return { id: workspace.id, entities: built.entities, relations: built.relations, refused: [] };
}

/** A workspace name from the source's file name: `e-learning-committee.gexf` → that. */
export function nameFromSource(source: string): string {
  return basename(source, extname(source)) || 'Imported community';
}

export type { PortableGraph };
export { exportJson };
