import { createGraphDoc, readGraphState, Workspace } from '@repertoire/core';
import {
  coerceFields,
  entityIdFor,
  type ImportIssue,
  type PortableGraph,
} from '@repertoire/interop';
import { registerBuiltinKinds } from '@repertoire/plugin-sample-community';
import { asEntityId } from '@repertoire/schema';
import * as Y from 'yjs';

/**
 * The graph document's content as a portable graph: every entity with its fields and stamps, and
 * every relation that does not dangle. `documentText` supplies a co-edited document's Markdown
 * where the caller can render one.
 */
export function portableFromGraphUpdate(
  update: Uint8Array,
  documentText: (entityId: string) => string | undefined = () => undefined,
): PortableGraph {
  const doc = createGraphDoc();
  Y.applyUpdate(doc, update);
  const state = readGraphState(doc);
  return {
    entities: [...state.entities.values()].map((e) => {
      const document = e.document ? documentText(e.id) : undefined;
      return {
        id: e.id,
        kind: e.kind,
        title: e.title,
        fields: e.fields,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
        createdBy: e.createdBy,
        updatedBy: e.updatedBy,
        ...(document !== undefined ? { document } : {}),
      };
    }),
    relations: [...state.relations.values()].map((r) => ({
      from: r.from,
      type: r.type,
      to: r.to,
      attributes: r.attributes,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
    })),
  };
}

/** What {@link graphUpdateFromPortable} made, or why it made nothing. */
export interface BuiltGraph {
  update: Uint8Array;
  entities: number;
  relations: number;
  /** Entity id in the graph for each source id, to write documents under. */
  ids: Map<string, string>;
  issues: ImportIssue[];
}

/**
 * Builds a new graph document from a portable graph, checking every entity and relation against
 * the built-in kinds as the live workspace does. Each item is stamped with the importing account
 * and the date the source gave it (now otherwise), so the time slider replays the source's history.
 * With `skipInvalid` the items that fail are left out and listed; without it any failure means
 * no document at all (`update` is empty) and the issues say why.
 */
export function graphUpdateFromPortable(
  graph: PortableGraph,
  options: { user: string; workspaceId: string; skipInvalid?: boolean },
): BuiltGraph {
  const doc = createGraphDoc();
  let clock = Date.now();
  const workspace = new Workspace(doc, {
    user: options.user,
    id: options.workspaceId,
    now: () => clock,
  });
  registerBuiltinKinds(workspace);
  const issues: ImportIssue[] = [];
  const ids = new Map<string, string>();
  let entities = 0;
  let relations = 0;
  const now = Date.now();
  workspace.transact(() => {
    for (const e of graph.entities) {
      clock = e.createdAt ?? now;
      try {
        const id = entityIdFor(e.id);
        workspace.createEntity({
          id,
          kind: e.kind,
          title: e.title,
          fields: coerceFields(
            e.fields,
            [...(workspace.kinds.entityKind(e.kind)?.fields.values() ?? [])].map(
              (f) => f.definition,
            ),
          ),
          ...(e.document !== undefined ? { document: true } : {}),
        });
        ids.set(e.id, id);
        entities += 1;
      } catch (error) {
        issues.push({ message: `entity '${e.id}' (${e.title}): ${(error as Error).message}` });
      }
    }
    for (const r of graph.relations) {
      const from = ids.get(r.from);
      const to = ids.get(r.to);
      if (!from || !to) continue; // an end was refused above, and is already listed
      clock = r.createdAt ?? now;
      try {
        workspace.link(asEntityId(from), r.type, asEntityId(to), { attributes: r.attributes });
        relations += 1;
      } catch (error) {
        issues.push({
          message: `relation ${r.from} —${r.type}→ ${r.to}: ${(error as Error).message}`,
        });
      }
    }
  });
  const refused = issues.length > 0 && !options.skipInvalid;
  return {
    update: refused ? new Uint8Array() : Y.encodeStateAsUpdate(doc),
    entities: refused ? 0 : entities,
    relations: refused ? 0 : relations,
    ids,
    issues,
  };
}
