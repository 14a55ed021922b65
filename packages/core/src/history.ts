import type { Entity, EntityId, Relation, RelationId } from '@repertoire/schema';
import * as Y from 'yjs';
import { fromBase64 } from './base64.ts';
import { currentEntity, kindVersion, storedVersion } from './entityVersions.ts';
import { createGraphDoc, graphMaps, readEntity, readRelation } from './graphDoc.ts';
import { findInvalidGraphValues, type InvalidGraphValue } from './graphProblems.ts';
import type { KindRegistry } from './kindRegistry.ts';
import { currentRelation, relationKindVersion, storedRelationVersion } from './relationVersions.ts';

/** An encoded Yjs snapshot of a graph document (what the server stores). */
export type GraphSnapshot = Uint8Array;

/** The graph as plain data: entities, and the relations whose ends both exist. */
export interface GraphState {
  entities: Map<EntityId, Entity>;
  relations: Map<RelationId, Relation>;
  /** Values no reader can use, skipped while reading (see `findInvalidGraphValues`). */
  invalid?: InvalidGraphValue[];
  /**
   * The kind version of each entity's fields and each relation's attributes (by id) where it is
   * not 1: what {@link currentGraphState} upgrades from. Absent for a state built by hand.
   */
  versions?: Map<string, number>;
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
export function graphStateFromUpdate(
  update: Uint8Array | string,
  kinds?: KindRegistry,
): GraphState {
  const doc = createGraphDoc();
  try {
    const bytes = typeof update === 'string' ? fromBase64(update) : update;
    if (bytes.length > 0) Y.applyUpdate(doc, bytes);
    return readGraphState(doc, kinds);
  } finally {
    doc.destroy();
  }
}

/**
 * Reads the current graph of `doc` as plain data (hiding relations with a missing end). Values no
 * reader can use are skipped and listed in `invalid`; reading never throws on them. With `kinds`,
 * what was written at an older version of its kind is shown in the current shape
 * ({@link currentGraphState}); without, as stored.
 */
export function readGraphState(doc: Y.Doc, kinds?: KindRegistry): GraphState {
  const { entities, relations } = graphMaps(doc);
  const state: GraphState = {
    entities: new Map(),
    relations: new Map(),
    invalid: findInvalidGraphValues(doc),
    versions: new Map(),
  };
  const versions = state.versions as Map<string, number>;
  for (const [id, map] of entities.entries()) {
    const entity = readEntity(id, map);
    if (!entity) continue;
    state.entities.set(entity.id, entity);
    const version = storedVersion(map);
    if (version !== 1) versions.set(id, version);
  }
  for (const [key, value] of relations.entries()) {
    const relation = readRelation(key, value);
    if (relation && state.entities.has(relation.from) && state.entities.has(relation.to)) {
      state.relations.set(relation.id, relation);
      const version = storedRelationVersion(value);
      if (version !== 1) versions.set(key, version);
    }
  }
  return kinds ? currentGraphState(state, kinds) : state;
}

/**
 * `state` with every entity and relation written at an older version of its kind upgraded to the
 * kind's current version (its `versions` say which; a state without them counts as version 1
 * throughout), so a past graph shows as today's readers expect. Kinds not registered, and
 * versions newer than the kind's, stay as stored. `state` is not changed.
 */
export function currentGraphState(state: GraphState, kinds: KindRegistry): GraphState {
  const stored = state.versions ?? new Map<string, number>();
  const versions = new Map<string, number>();
  const entities = new Map<EntityId, Entity>();
  for (const [id, entity] of state.entities) {
    const version = stored.get(id) ?? 1;
    const kind = kinds.entityKind(entity.kind);
    const current = kind && version < kindVersion(kind) ? kindVersion(kind) : version;
    entities.set(id, current === version ? entity : currentEntity(kinds, entity, version));
    if (current !== 1) versions.set(id, current);
  }
  const relations = new Map<RelationId, Relation>();
  for (const [id, relation] of state.relations) {
    const version = stored.get(id) ?? 1;
    const kind = kinds.relationKind(relation.type);
    const current =
      kind && version < relationKindVersion(kind) ? relationKindVersion(kind) : version;
    relations.set(id, current === version ? relation : currentRelation(kinds, relation, version));
    if (current !== 1) versions.set(id, current);
  }
  return {
    entities,
    relations,
    versions,
    ...(state.invalid ? { invalid: state.invalid } : {}),
  };
}

/**
 * The graph as it was when `snapshot` was taken, rebuilt from `doc`'s kept history (in the current
 * shape of `kinds` when given). Throws when
 * `doc` garbage-collects deleted content (create it with `createGraphDoc()`).
 */
export function graphAtSnapshot(
  doc: Y.Doc,
  snapshot: GraphSnapshot,
  kinds?: KindRegistry,
): GraphState {
  if (doc.gc) throw new Error('graphAtSnapshot: the graph doc must be created with gc: false');
  const past = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(snapshot));
  try {
    return readGraphState(past, kinds);
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
