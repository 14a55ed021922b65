import {
  type Entity,
  type EntityId,
  type FieldValue,
  parseRelationId,
  type Relation,
  type RelationAttributes,
  type RelationId,
  type UserId,
} from '@repertoire/schema';
import * as Y from 'yjs';

// Storage layout of the graph document (one Y.Doc per workspace):
// - `entities`: Y.Map id → Y.Map with keys `kind`, `title`, `created` ({by, at}), `updated`
//   ({by, at}), `document` (true when it has a co-edited document) and `f:<field>` per field.
//   One key per field so two people editing different fields of one entity both win.
// - `relations`: Y.Map `from|type|to` → {by, at, attrs?, doc?, version?}. The key carries the ends, so the
//   same link made concurrently converges to one entry and the value stays small.
// - `settings`: Y.Map `name`, `enabled:<plugin>` → boolean, `plugin:<plugin>` → settings object.

/** Prefix of field keys inside an entity's Y.Map. */
export const FIELD_PREFIX = 'f:';

/** Who did something and when, as stored. */
export interface Stamp {
  by: UserId;
  at: number;
}

/** A relation's value as stored under its `from|type|to` key. */
export interface StoredRelation {
  by: UserId;
  at: number;
  attrs?: RelationAttributes;
  /** Set when derived from a document's mentions and links: that document's entity id. */
  doc?: EntityId;
  /** The version of its relation kind `attrs` were written at; absent means 1. */
  version?: number;
}

/** The shared types of a graph document. */
export interface GraphMaps {
  entities: Y.Map<Y.Map<unknown>>;
  relations: Y.Map<StoredRelation>;
  settings: Y.Map<unknown>;
}

/**
 * Creates an empty graph document. History needs deleted content, so garbage collection is off
 * (`gc: false`): without it no past state could be rebuilt from a snapshot.
 */
export function createGraphDoc(workspaceId?: string): Y.Doc {
  return new Y.Doc({ gc: false, ...(workspaceId ? { guid: graphDocName(workspaceId) } : {}) });
}

/** The sync name of a workspace's graph document: `<workspaceId>/graph`. */
export function graphDocName(workspaceId: string): string {
  return `${workspaceId}/graph`;
}

/** The sync name of a co-edited document: `<workspaceId>/doc/<entityId>`. */
export function documentDocName(workspaceId: string, entityId: EntityId): string {
  return `${workspaceId}/doc/${entityId}`;
}

/** The shared types of `doc`, created on first use. */
export function graphMaps(doc: Y.Doc): GraphMaps {
  return {
    entities: doc.getMap('entities'),
    relations: doc.getMap('relations'),
    settings: doc.getMap('settings'),
  };
}

/**
 * The title of a stored entity. An update that arrives out of order can delete the old title
 * before the new one is integrated; until it is, the id stands in.
 */
export function storedTitle(id: string, map: Y.Map<unknown>): string {
  const title = map.get('title');
  return typeof title === 'string' ? title : id;
}

/** Whether `value` is a stored `{by, at}` stamp. */
export function isStamp(value: unknown): value is Stamp {
  if (typeof value !== 'object' || value === null || value instanceof Y.AbstractType) return false;
  const { by, at } = value as { by?: unknown; at?: unknown };
  return typeof by === 'string' && typeof at === 'number' && Number.isFinite(at);
}

const UNKNOWN_STAMP: Stamp = { by: 'unknown' as UserId, at: 0 };

/**
 * Reads one stored entity into a plain {@link Entity}; `undefined` when the slot holds no entity
 * (not a map, or no kind). A document is shared data any client may have written, so a stamp or
 * field of the wrong shape is left out rather than trusted (see `findInvalidGraphValues`).
 */
export function readEntity(id: string, map: unknown): Entity | undefined {
  if (!(map instanceof Y.Map)) return undefined;
  const kind = map.get('kind');
  if (typeof kind !== 'string') return undefined;
  const title = storedTitle(id, map);
  const storedCreated = map.get('created');
  const storedUpdated = map.get('updated');
  const created = isStamp(storedCreated) ? storedCreated : UNKNOWN_STAMP;
  const updated = isStamp(storedUpdated) ? storedUpdated : created;
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of map.entries() as IterableIterator<[string, unknown]>) {
    if (key.startsWith(FIELD_PREFIX) && isFieldValue(value))
      fields[key.slice(FIELD_PREFIX.length)] = value;
  }
  const entity: Entity = {
    id: id as EntityId,
    kind,
    title,
    fields,
    createdBy: created.by as UserId,
    createdAt: created.at,
    updatedBy: updated.by as UserId,
    updatedAt: updated.at,
  };
  if (map.get('document') === true) entity.document = true;
  return entity;
}

/** Reads one stored relation into a plain {@link Relation}; `undefined` for a malformed key or value. */
export function readRelation(key: string, value: StoredRelation | unknown): Relation | undefined {
  const ends = parseRelationId(key);
  if (!ends || !isStamp(value)) return undefined;
  const stored = value as StoredRelation;
  const attrs = isPlainObject(stored.attrs) ? stored.attrs : undefined;
  return {
    id: key as RelationId,
    from: ends.from,
    type: ends.type,
    to: ends.to,
    attributes: attrs ? { ...attrs } : {},
    createdBy: stored.by,
    createdAt: stored.at,
    source:
      typeof stored.doc === 'string' ? { kind: 'document', docId: stored.doc } : { kind: 'manual' },
  };
}

/** Whether an entity's Y.Map holds a complete entity (a concurrent delete can leave none). */
export function isEntityMap(value: unknown): value is Y.Map<unknown> {
  return value instanceof Y.Map && typeof value.get('kind') === 'string';
}

function isFieldValue(value: unknown): value is FieldValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isPlainObject(value: unknown): value is Record<string, never> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Y.AbstractType)
  );
}
