import type { Disposable } from '@repertoire/base';

// The one Disposable every layer shares; re-exported because the graph's interfaces speak of it.
export type { Disposable };

/** What the graph view needs to know about one entity; a subset of the core's `Entity`. */
export interface GraphEntity {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  /** ISO date the entity was created; used to place it on the time line. */
  readonly createdAt?: string;
}

/** What the graph view needs to know about one relation; a subset of the core's `Relation`. */
export interface GraphRelation {
  readonly id: string;
  readonly from: string;
  readonly type: string;
  readonly to: string;
}

/** Ids touched by one change, so the view updates only their elements. */
export interface GraphChange {
  readonly entities: GraphIdChanges;
  readonly relations: GraphIdChanges;
}

/** Ids added, changed and removed by one change. */
export interface GraphIdChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The graph the view shows. The view depends on this interface rather than on the core's
 * GraphIndex (STYLE.md habit 12), so it runs on a live index, a past snapshot or test data alike.
 */
export interface GraphSource {
  entities(): Iterable<GraphEntity>;
  relations(): Iterable<GraphRelation>;
  getEntity(id: string): GraphEntity | undefined;
  getRelation(id: string): GraphRelation | undefined;
  /** Fires after every change with the ids it touched. */
  onDidChange(listener: (change: GraphChange) => void): Disposable;
}

/** A graph as plain data: a past state from history, an import, or test data. */
export interface GraphSnapshot {
  readonly entities: readonly GraphEntity[];
  readonly relations: readonly GraphRelation[];
}

/** The graph as it was on a date; the core's or server's history provides it. */
export type GraphAtDate = (date: Date) => GraphSnapshot | Promise<GraphSnapshot>;
