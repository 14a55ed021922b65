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
// - `relations`: Y.Map `from|type|to` → {by, at, attrs?, doc?}. The key carries the ends, so the
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

const UNKNOWN_STAMP: Stamp = { by: 'unknown' as UserId, at: 0 };

/** Reads one stored entity into a plain {@link Entity}; `undefined` when it has no kind. */
export function readEntity(id: string, map: Y.Map<unknown>): Entity | undefined {
  const kind = map.get('kind');
  if (typeof kind !== 'string') return undefined;
  const title = storedTitle(id, map);
  const created = (map.get('created') as Stamp | undefined) ?? UNKNOWN_STAMP;
  const updated = (map.get('updated') as Stamp | undefined) ?? created;
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of map.entries()) {
    if (key.startsWith(FIELD_PREFIX)) fields[key.slice(FIELD_PREFIX.length)] = value as FieldValue;
  }
  const entity: Entity = {
    id: id as EntityId,
    kind,
    title,
    fields,
    createdBy: created.by,
    createdAt: created.at,
    updatedBy: updated.by,
    updatedAt: updated.at,
  };
  if (map.get('document') === true) entity.document = true;
  return entity;
}

/** Reads one stored relation into a plain {@link Relation}; `undefined` for a malformed key. */
export function readRelation(key: string, value: StoredRelation): Relation | undefined {
  const ends = parseRelationId(key);
  if (!ends) return undefined;
  return {
    id: key as RelationId,
    from: ends.from,
    type: ends.type,
    to: ends.to,
    attributes: value.attrs ? { ...value.attrs } : {},
    createdBy: value.by,
    createdAt: value.at,
    source: value.doc ? { kind: 'document', docId: value.doc } : { kind: 'manual' },
  };
}

/** Whether an entity's Y.Map holds a complete entity (a concurrent delete can leave none). */
export function isEntityMap(value: unknown): value is Y.Map<unknown> {
  return value instanceof Y.Map && typeof value.get('kind') === 'string';
}
