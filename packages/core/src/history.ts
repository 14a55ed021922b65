import type { Entity, EntityId, Relation, RelationId } from '@repertoire/schema';
import * as Y from 'yjs';
import { fromBase64 } from './base64.ts';
import { currentEntity, storedVersion } from './entityVersions.ts';
import { createGraphDoc, graphMaps, readEntity, readRelation } from './graphDoc.ts';
import { findInvalidGraphValues, type InvalidGraphValue } from './graphProblems.ts';
import type { KindRegistry } from './kindRegistry.ts';

/** An encoded Yjs snapshot of a graph document (what the server stores). */
export type GraphSnapshot = Uint8Array;

/** The graph as plain data: entities, and the relations whose ends both exist. */
export interface GraphState {
  entities: Map<EntityId, Entity>;
  relations: Map<RelationId, Relation>;
  /** Values no reader can use, skipped while reading (see `findInvalidGraphValues`). */
  invalid?: InvalidGraphValue[];
  /**
   * The kind version each entity's fields were stored at, for those not at version 1: `entities`
   * hold the fields as stored (history keeps what was written), and {@link currentGraphState}
   * upgrades them to what the kinds read today.
   */
  versions?: Map<EntityId, number>;
}

/** Before and after of something that changed. */
export interface Changed<T> {
  before: T;
  after: T;
}

/** What changed between two states of the graph. */
export interface GraphDiff {
  entities: { added: Entity[]; removed: Entity[]; changed: Changed<Entity>[] };
  relations: { added: Relation[]; removed: Relation[]; changed: Changed<Relation>[] };
}

/** Snapshots the graph as it is now. The doc must keep deleted content (`createGraphDoc()`). */
export function snapshotGraph(doc: Y.Doc): GraphSnapshot {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

/**
 * The graph held by a full-state Yjs update of a graph doc: bytes, or base64 as the server's
 * history routes send it. An empty update is an empty graph.
 */
export function graphStateFromUpdate(update: Uint8Array | string): GraphState {
  const doc = createGraphDoc();
  try {
    const bytes = typeof update === 'string' ? fromBase64(update) : update;
    if (bytes.length > 0) Y.applyUpdate(doc, bytes);
    return readGraphState(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Reads the current graph of `doc` as plain data (hiding relations with a missing end). Values no
 * reader can use are skipped and listed in `invalid`; reading never throws on them.
 */
export function readGraphState(doc: Y.Doc): GraphState {
  const { entities, relations } = graphMaps(doc);
  const state: GraphState = {
    entities: new Map(),
    relations: new Map(),
    invalid: findInvalidGraphValues(doc),
    versions: new Map(),
  };
  for (const [id, map] of entities.entries()) {
    const entity = readEntity(id, map);
    if (!entity) continue;
    state.entities.set(entity.id, entity);
    const version = storedVersion(map as Y.Map<unknown>);
    if (version !== 1) state.versions?.set(entity.id, version);
  }
  for (const [key, value] of relations.entries()) {
    const relation = readRelation(key, value);
    if (relation && state.entities.has(relation.from) && state.entities.has(relation.to)) {
      state.relations.set(relation.id, relation);
    }
  }
  return state;
}

/**
 * `state` with every entity's fields upgraded to its kind's current version (the kind migrations
 * `kinds` hold), so a past graph reads in the shape the plugins know now: an entity stored at
 * version 1 a year ago shows as today's version 2 does. Entities of unknown kinds, or stored by a
 * newer plugin, stay as stored.
 */
export function currentGraphState(kinds: KindRegistry, state: GraphState): GraphState {
  const entities = new Map<EntityId, Entity>();
  for (const [id, entity] of state.entities)
    entities.set(id, currentEntity(kinds, entity, state.versions?.get(id) ?? 1));
  return { ...state, entities };
}

/**
 * The graph as it was when `snapshot` was taken, rebuilt from `doc`'s kept history. Throws when
 * `doc` garbage-collects deleted content (create it with `createGraphDoc()`).
 */
export function graphAtSnapshot(doc: Y.Doc, snapshot: GraphSnapshot): GraphState {
  if (doc.gc) throw new Error('graphAtSnapshot: the graph doc must be created with gc: false');
  const past = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(snapshot));
  try {
    return readGraphState(past);
  } finally {
    past.destroy();
  }
}

/** What changed from state `a` to state `b`. */
export function diffGraphStates(a: GraphState, b: GraphState): GraphDiff {
  return {
    entities: diffMaps(a.entities, b.entities),
    relations: diffMaps(a.relations, b.relations),
  };
}

/** What changed in `doc`'s graph between two snapshots (`from` taken before `to`). */
export function diffSnapshots(doc: Y.Doc, from: GraphSnapshot, to: GraphSnapshot): GraphDiff {
  return diffGraphStates(graphAtSnapshot(doc, from), graphAtSnapshot(doc, to));
}

function diffMaps<K, V>(
  a: Map<K, V>,
  b: Map<K, V>,
): { added: V[]; removed: V[]; changed: Changed<V>[] } {
  const out = { added: [] as V[], removed: [] as V[], changed: [] as Changed<V>[] };
  for (const [id, before] of a) {
    const after = b.get(id);
    if (after === undefined) out.removed.push(before);
    else if (!sameJson(before, after)) out.changed.push({ before, after });
  }
  for (const [id, after] of b) if (!a.has(id)) out.added.push(after);
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

// Field order in a Y.Map depends on insertion history, so compare with sorted keys.
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  );
}
