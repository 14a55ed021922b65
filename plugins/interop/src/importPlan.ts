import { coerceFields, entityIdFor, type ImportResult } from '@repertoire/interop';
import type { EntityInfo, EntityKindInfo, GraphEdit, JsonObject } from '@repertoire/plugin-api';
import { type LinkTarget, linksAsChips, type NoteDocument } from './noteDocuments.ts';

/** The edits an import makes, the edits that take it back, and what it will do. */
export interface ImportPlan {
  edits: GraphEdit[];
  undo: GraphEdit[];
  created: number;
  updated: number;
  linked: number;
  /** The note texts to write as the new entities' documents, `[[links]]` as chips. */
  documents: NoteDocument[];
}

/** The graph's id of each imported entity, from the source's name and the entity's source id. */
export function importIds(result: ImportResult, source: string): Map<string, string> {
  return new Map(result.graph.entities.map((e) => [e.id, entityIdFor(`${source}/${e.id}`)]));
}

/**
 * Plans an import as one batch of edits. Each entity's id comes from the source's own id (and
 * the source's name), so importing the same source again updates what it made before instead of
 * adding copies. Values are turned into the kind's field types. The undo batch deletes what was
 * created, restores what was updated and removes only the relations the import added.
 */
export function planImport(
  result: ImportResult,
  source: string,
  existing: ReadonlyMap<string, EntityInfo>,
  existingRelations: ReadonlySet<string>,
  kinds: readonly EntityKindInfo[],
): ImportPlan {
  const shapes = new Map(
    kinds.map((k) => [
      k.kind,
      k.fields.map((f) => ({ name: String(f.name), type: String(f.type) })),
    ]),
  );
  const ids = importIds(result, source);
  const edits: GraphEdit[] = [];
  const undo: GraphEdit[] = [];
  let created = 0;
  let updated = 0;
  for (const e of result.graph.entities) {
    const id = ids.get(e.id) as string;
    const fields = coerceFields(e.fields, shapes.get(e.kind) ?? []) as JsonObject;
    const before = existing.get(id);
    if (before) {
      edits.push({ op: 'updateEntity', id, patch: { title: e.title, fields } });
      const restore: JsonObject = { ...before.fields };
      for (const name of Object.keys(fields)) if (!(name in before.fields)) restore[name] = null;
      undo.push({ op: 'updateEntity', id, patch: { title: before.title, fields: restore } });
      updated += 1;
    } else {
      const document = e.document !== undefined && e.document.trim() !== '';
      edits.push({
        op: 'createEntity',
        ref: `new:${id}`,
        entity: { id, kind: e.kind, title: e.title, fields, ...(document ? { document } : {}) },
      });
      undo.push({ op: 'deleteEntity', id });
      created += 1;
    }
  }
  let linked = 0;
  for (const r of result.graph.relations) {
    const from = ids.get(r.from) as string;
    const to = ids.get(r.to) as string;
    edits.push({ op: 'link', from, type: r.type, to, attributes: r.attributes });
    if (!existingRelations.has(`${from}|${r.type}|${to}`)) {
      linked += 1;
      // Relations of deleted entities go with them; unlink the rest.
      if (existing.has(from) && existing.has(to))
        undo.push({ op: 'unlink', from, type: r.type, to });
    }
  }
  // A new entity's note text becomes its document; an existing one keeps what members wrote.
  const bySource = new Map(result.graph.entities.map((e) => [e.id, e]));
  const documents: NoteDocument[] = [];
  for (const e of result.graph.entities) {
    const id = ids.get(e.id) as string;
    if (existing.has(id) || e.document === undefined || e.document.trim() === '') continue;
    const targets: LinkTarget[] = [];
    for (const r of result.graph.relations) {
      const to = r.from === e.id ? bySource.get(r.to) : undefined;
      if (to)
        targets.push({
          id: ids.get(to.id) as string,
          kind: to.kind,
          title: to.title,
          sourceId: to.id,
        });
    }
    documents.push({ id, markdown: linksAsChips(e.document, targets) });
  }
  return { edits, undo, created, updated, linked, documents };
}
