import {
  migrateValues,
  type Relation,
  type RelationAttributes,
  type RelationKindDefinition,
  ValidationError,
} from '@repertoire/schema';
import type { KindRegistry } from './kindRegistry.ts';

/**
 * Key of a stored relation value (`{by, at, attrs?, doc?, version?}`) holding the version of its
 * kind its attributes were written at; absent means 1, as for entities (`entityVersions.ts`).
 */
export const RELATION_VERSION_KEY = 'version';

/** The kind version a stored relation value's attributes were written at (1 when absent or malformed). */
export function storedRelationVersion(value: unknown): number {
  const v = (value as Record<string, unknown> | null | undefined)?.[RELATION_VERSION_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** The current version of a relation kind (1 when it declares none). */
export function relationKindVersion(kind: RelationKindDefinition): number {
  return kind.version ?? 1;
}

/** A relation whose stored attributes are not at its kind's current version. */
export interface OutdatedRelation {
  readonly id: Relation['id'];
  readonly type: string;
  /** The version its attributes were written at. */
  readonly version: number;
  /** The kind's current version (lower than `version` for a relation from a newer plugin). */
  readonly current: number;
}

/**
 * The attributes of a relation of `type` stored at `version`, upgraded to its kind's current
 * version. An unknown type, or a version at or beyond the kind's, leaves them as stored.
 */
export function currentAttributes(
  kinds: KindRegistry,
  type: string,
  attributes: RelationAttributes,
  version: number,
): RelationAttributes {
  const kind = kinds.relationKind(type);
  if (!kind || version >= relationKindVersion(kind)) return attributes;
  // The relation kind's schema refuses list values, so every migrated value is an attribute value.
  return migrateValues(kind, attributes, version) as RelationAttributes;
}

/** `relation` (stored at `version`) with its attributes upgraded to its kind's current version. */
export function currentRelation(
  kinds: KindRegistry,
  relation: Relation,
  version: number,
): Relation {
  const attributes = currentAttributes(kinds, relation.type, relation.attributes, version);
  return attributes === relation.attributes ? relation : { ...relation, attributes };
}

/** Throws a {@link ValidationError} when relation `id` was written at a version newer than its kind's. */
export function refuseFutureRelation(
  kinds: KindRegistry,
  id: string,
  type: string,
  version: number,
): void {
  const kind = kinds.relationKind(type);
  if (!kind || version <= relationKindVersion(kind)) return;
  throw new ValidationError(
    RELATION_VERSION_KEY,
    `"${id}" was written at version ${version} of the ${type} relation kind, newer than this workspace's ${relationKindVersion(kind)}: update the plugin that contributes it`,
  );
}
