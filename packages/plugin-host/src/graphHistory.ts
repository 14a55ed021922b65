import {
  type GraphSnapshot,
  type GraphState,
  graphAtSnapshot,
  snapshotGraph,
} from '@repertoire/core';
import type { Relation } from '@repertoire/schema';
import type * as Y from 'yjs';

/** A state of the graph some history kept, and when it was kept. */
export interface KeptGraphState {
  /** When the state was kept (the snapshot's time). */
  readonly at: Date;
  /** The graph then: entities, and the relations whose ends both existed. */
  readonly state: GraphState;
}

/**
 * Where a host keeps the graph's past, for the plugin API's `graph.at`: the latest state kept at
 * or before a date. The web app reads the server's snapshots; tests and scripts keep Yjs snapshots
 * of the workspace's graph doc ({@link SnapshotHistory}).
 */
export interface GraphHistory {
  /** The latest state kept at or before `date`; undefined before the first one. */
  stateAt(date: Date): KeptGraphState | undefined | Promise<KeptGraphState | undefined>;
}

/**
 * Dated Yjs snapshots of a workspace's graph doc, kept in memory: `take()` records the graph as it
 * is now. The doc must keep deleted content (`createGraphDoc()`), as the core's workspaces do.
 */
export class SnapshotHistory implements GraphHistory {
  readonly #doc: Y.Doc;
  readonly #snapshots: { at: number; snapshot: GraphSnapshot }[] = [];

  /** A history of `doc`, empty until the first {@link SnapshotHistory.take}. */
  constructor(doc: Y.Doc) {
    if (doc.gc) throw new Error('SnapshotHistory: the graph doc must be created with gc: false');
    this.#doc = doc;
  }

  /** Snapshots the graph as it is now, dated `at` (default: now); returns the date. */
  take(at: Date = new Date()): Date {
    this.add(at, snapshotGraph(this.#doc));
    return at;
  }

  /** Records a snapshot of this doc taken elsewhere (e.g. stored with the workspace). */
  add(at: Date, snapshot: GraphSnapshot): void {
    const time = at.getTime();
    if (Number.isNaN(time)) throw new Error('SnapshotHistory: invalid snapshot date');
    this.#snapshots.push({ at: time, snapshot });
    this.#snapshots.sort((a, b) => a.at - b.at);
  }

  /** The graph at the latest snapshot taken at or before `date`. */
  stateAt(date: Date): KeptGraphState | undefined {
    let chosen: { at: number; snapshot: GraphSnapshot } | undefined;
    for (const s of this.#snapshots) if (s.at <= date.getTime()) chosen = s;
    return (
      chosen && { at: new Date(chosen.at), state: graphAtSnapshot(this.#doc, chosen.snapshot) }
    );
  }
}

/**
 * The graph on `date` from what is known: the state kept at or before it (`kept`), plus what
 * exists now (`live`) and was created after that state up to the date. Without a kept state that
 * is creation stamps alone. What was deleted between the kept state and the date cannot be known
 * and still shows; what was created and deleted in that span does not.
 */
export function pastGraphState(
  live: GraphState,
  kept: KeptGraphState | undefined,
  date: Date,
): GraphState {
  const until = date.getTime();
  const since = kept ? kept.at.getTime() : Number.NEGATIVE_INFINITY;
  const createdBetween = (createdAt: number) => createdAt > since && createdAt <= until;
  const entities = new Map(kept?.state.entities);
  for (const [id, entity] of live.entities)
    if (!entities.has(id) && createdBetween(entity.createdAt)) entities.set(id, entity);
  const relations = new Map(kept?.state.relations);
  const attached = (r: Relation) => entities.has(r.from) && entities.has(r.to);
  for (const [id, relation] of live.relations)
    if (!relations.has(id) && createdBetween(relation.createdAt) && attached(relation))
      relations.set(id, relation);
  return { entities, relations };
}
