import {
  type GraphSnapshot as CoreSnapshot,
  type GraphState,
  graphAtSnapshot,
  graphStateFromUpdate,
  readGraphState,
  type Workspace,
} from '@repertoire/core';
import type * as Y from 'yjs';
import type { GraphAtDate, GraphEntity, GraphSnapshot } from './graphSource.ts';

const iso = (at: number): string | undefined => (at > 0 ? new Date(at).toISOString() : undefined);

/** The core's plain graph state (entities and attached relations) as the view's snapshot. */
export function snapshotFromState(state: GraphState): GraphSnapshot {
  const entities: GraphEntity[] = [];
  for (const e of state.entities.values()) {
    const createdAt = iso(e.createdAt);
    entities.push(
      createdAt
        ? { id: e.id, kind: e.kind, title: e.title, createdAt }
        : { id: e.id, kind: e.kind, title: e.title },
    );
  }
  const relations = [...state.relations.values()].map((r) => ({
    id: r.id,
    from: r.from,
    type: r.type,
    to: r.to,
  }));
  return { entities, relations };
}

/** One dated snapshot of the graph doc, as the core's `snapshotGraph` makes them. */
export interface DatedSnapshot {
  readonly at: Date | string | number;
  readonly snapshot: CoreSnapshot;
}

/**
 * History for the time slider from the core's Yjs snapshots of the graph doc (which must keep
 * deleted content: `createGraphDoc()`): a date shows the latest snapshot taken at or before it,
 * and an empty graph before the first one.
 */
export function graphAtFromSnapshots(doc: Y.Doc, snapshots: readonly DatedSnapshot[]): GraphAtDate {
  const sorted = snapshots
    .map((s) => ({ at: new Date(s.at).getTime(), snapshot: s.snapshot }))
    .sort((a, b) => a.at - b.at);
  for (const s of sorted)
    if (Number.isNaN(s.at)) throw new Error('graphAtFromSnapshots: a snapshot has an invalid "at"');
  return (date) => {
    let chosen: CoreSnapshot | undefined;
    for (const s of sorted) if (s.at <= date.getTime()) chosen = s.snapshot;
    return chosen
      ? snapshotFromState(graphAtSnapshot(doc, chosen))
      : { entities: [], relations: [] };
  };
}

/** The graph held by a Yjs update of a graph doc (bytes, or base64 as the server sends it). */
export function snapshotFromUpdate(update: Uint8Array | string): GraphSnapshot {
  return snapshotFromState(graphStateFromUpdate(update));
}

/** Options of {@link serverGraphAt}. */
export interface ServerHistoryOptions {
  /** The workspace whose graph history is read. */
  workspaceId: string;
  /** Where the server is (default: this page's origin, where the session cookie goes). */
  origin?: string;
  /** For tests or custom auth (default: the global `fetch`, sending the session cookie). */
  fetch?: typeof fetch;
}

/**
 * History for the time slider from the server (`GET /api/workspaces/:id/history/graph/state?at=`):
 * each date shows the latest snapshot the server took at or before it. Answers are cached per
 * snapshot, so scrubbing the slider does not rebuild the same graph twice.
 */
export function serverGraphAt(options: ServerHistoryOptions): GraphAtDate {
  if (!options.workspaceId) throw new Error('serverGraphAt: workspaceId is required');
  const get = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.origin ?? '';
  const bySnapshot = new Map<string, GraphSnapshot>();
  return async (date) => {
    const url = `${base}/api/workspaces/${encodeURIComponent(options.workspaceId)}/history/graph/state?at=${encodeURIComponent(date.toISOString())}`;
    const res = await get(url, { credentials: 'include' });
    if (!res.ok) throw new Error(`graph history: the server answered ${res.status} for ${url}`);
    const body = (await res.json()) as { snapshot: { id: string } | null; update: string };
    const key = body.snapshot?.id ?? '';
    const cached = bySnapshot.get(key);
    if (cached) return cached;
    const snapshot = snapshotFromUpdate(body.update);
    bySnapshot.set(key, snapshot);
    return snapshot;
  };
}

/**
 * History for the time slider read from the live workspace alone, with no snapshots: a date
 * shows the entities and relations created by then (from their creation stamps). It cannot show
 * what was deleted since; use {@link serverGraphAt} or {@link graphAtFromSnapshots} for that.
 */
export function graphAtFromCreationDates(workspace: Workspace): GraphAtDate {
  return (date) => {
    const t = date.getTime();
    const state = readGraphState(workspace.doc);
    for (const [id, e] of state.entities) if (e.createdAt > t) state.entities.delete(id);
    for (const [id, r] of state.relations)
      if (r.createdAt > t || !state.entities.has(r.from) || !state.entities.has(r.to))
        state.relations.delete(id);
    return snapshotFromState(state);
  };
}
