import { writeFrontMatter } from './frontMatter.ts';
import type { PortableEntity, PortableGraph } from './portableGraph.ts';
import type { VaultFile } from './vault.ts';

/** Options of {@link exportVault}. */
export interface VaultExportOptions {
  /** The folder of a kind's notes, e.g. `member` → `Members`; the kind's name by default. */
  folder?: (kind: string) => string;
}

/** Characters no file name may hold on Windows, macOS or Linux, and Obsidian's link syntax. */
const UNSAFE = /[\\/:*?"<>|#^[\]]/g;

function fileNames(graph: PortableGraph, folder: (kind: string) => string): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const entity of graph.entities) {
    const name = entity.title
      .replace(UNSAFE, '-')
      .replace(/^[.\s]+/, '')
      .trim();
    const base = `${folder(entity.kind)}/${name || entity.id}`;
    let path = base;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${base} (${n})`;
    taken.add(path.toLowerCase());
    out.set(entity.id, path);
  }
  return out;
}

/**
 * Writes the graph as a Markdown vault Obsidian opens: one note per entity in a folder per kind,
 * its fields, kind, id and dates as front matter, its typed relations as front matter links
 * (`relations: {practises: ["[[Practices/Peer observation|Peer observation]]"]}`), and its
 * document's text as the note. {@link importVault} reads it back to the same graph.
 */
export function exportVault(graph: PortableGraph, options: VaultExportOptions = {}): VaultFile[] {
  const paths = fileNames(graph, options.folder ?? ((kind) => kind));
  const titles = new Map(graph.entities.map((e) => [e.id, e.title]));
  const outgoing = new Map<string, Record<string, string[]>>();
  for (const r of graph.relations) {
    const target = paths.get(r.to);
    if (!target || !paths.has(r.from)) continue;
    const byType = outgoing.get(r.from) ?? {};
    byType[r.type] = [...(byType[r.type] ?? []), `[[${target}|${titles.get(r.to)}]]`];
    outgoing.set(r.from, byType);
  }
  return graph.entities.map((entity: PortableEntity) => {
    const data: Record<string, unknown> = { id: entity.id, title: entity.title, kind: entity.kind };
    if (entity.createdAt !== undefined) data.created = new Date(entity.createdAt).toISOString();
    if (entity.updatedAt !== undefined) data.updated = new Date(entity.updatedAt).toISOString();
    Object.assign(data, entity.fields);
    const relations = outgoing.get(entity.id);
    if (relations) data.relations = relations;
    const body = entity.document ?? '';
    return { path: `${paths.get(entity.id)}.md`, text: writeFrontMatter(body, data) };
  });
}
