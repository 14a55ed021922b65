import {
  type GraphIndex,
  graphMaps,
  type IndexChangeEvent,
  type Stamp,
  type Workspace,
} from '@repertoire/core';
import type {
  Disposable,
  GraphChange,
  GraphEntity,
  GraphRelation,
  GraphSource,
} from './graphSource.ts';

/** Stamps are milliseconds since the epoch; the view wants ISO dates (0 means unknown). */
function isoOrUndefined(at: number | undefined): string | undefined {
  return at !== undefined && at > 0 ? new Date(at).toISOString() : undefined;
}

/**
 * The live workspace graph as a {@link GraphSource}: entities and relations come from the core's
 * incremental `GraphIndex` (which never reports a relation with a missing end), creation dates
 * from the `Workspace`, and each index change is passed on with exactly the ids it touched, so the
 * view updates only those elements. Dispose the view before the index.
 */
export function workspaceGraphSource(workspace: Workspace, index: GraphIndex): GraphSource {
  // Only the creation stamp is read from the document (not the whole entity with its fields).
  const stored = graphMaps(workspace.doc).entities;
  const entity = (id: string): GraphEntity | undefined => {
    const e = index.entity(id);
    if (!e) return undefined;
    const stamp = stored.get(e.id)?.get('created') as Stamp | undefined;
    const createdAt = isoOrUndefined(stamp?.at);
    return createdAt ? { id: e.id, kind: e.kind, title: e.title, createdAt } : { ...e };
  };
  return {
    *entities() {
      for (const e of index.entities()) {
        const full = entity(e.id);
        if (full) yield full;
      }
    },
    relations: (): Iterable<GraphRelation> => index.relations(),
    getEntity: entity,
    getRelation: (id) => index.relation(id),
    onDidChange(listener: (change: GraphChange) => void): Disposable {
      return index.onDidChange((e: IndexChangeEvent) => listener(e));
    },
  };
}
