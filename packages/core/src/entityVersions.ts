import {
  type Entity,
  type EntityId,
  type FieldValue,
  migrateFields,
  ValidationError,
} from '@repertoire/schema';
import type * as Y from 'yjs';
import { FIELD_PREFIX } from './graphDoc.ts';
import type { CompiledEntityKind, KindRegistry } from './kindRegistry.ts';

/**
 * Key of an entity's Y.Map holding the version of its kind its fields were written at; absent
 * means 1, so entities written before kinds had versions read as version 1.
 */
export const VERSION_KEY = 'version';

/** The kind version an entity's stored fields were written at (1 when absent or malformed). */
export function storedVersion(map: Y.Map<unknown>): number {
  const v = map.get(VERSION_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** The current version of a kind (1 when it declares none). */
export function kindVersion(kind: CompiledEntityKind): number {
  return kind.definition.version ?? 1;
}

/** An entity whose stored fields are not at its kind's current version. */
export interface OutdatedEntity {
  readonly id: EntityId;
  readonly kind: string;
  /** The version its fields were written at. */
  readonly version: number;
  /** The kind's current version (lower than `version` for an entity from a newer plugin). */
  readonly current: number;
}

/**
 * `entity` (as stored at `version`) with its fields upgraded to its kind's current version, so
 * readers see one shape. An unknown kind, or a version newer than the kind's (written by a newer
 * plugin), leaves it as stored: nothing can downgrade it.
 */
export function currentEntity(kinds: KindRegistry, entity: Entity, version: number): Entity {
  const kind = kinds.entityKind(entity.kind);
  if (!kind || version >= kindVersion(kind)) return entity;
  return { ...entity, fields: migrateFields(kind.definition, entity.fields, version) };
}

/** Throws a {@link ValidationError} when entity `id` was written at a version newer than its kind's. */
export function refuseFuture(kinds: KindRegistry, id: string, kind: string, version: number): void {
  const compiled = kinds.entityKind(kind);
  if (!compiled || version <= kindVersion(compiled)) return;
  throw new ValidationError(
    VERSION_KEY,
    `"${id}" was written at version ${version} of the ${kind} kind, newer than this workspace's ${kindVersion(compiled)}: update the plugin that contributes it`,
  );
}

/**
 * The writes that store an outdated entity's fields in their kind's current shape: its migrated
 * fields with `changes` on top (`null` clears), every stored field the result lacks cleared. The
 * result is validated as a whole (required fields present, values valid), throwing a
 * {@link ValidationError} naming the field, so an upgrade never writes what the server refuses.
 */
export function upgradeWrites(
  kinds: KindRegistry,
  entity: Entity,
  version: number,
  map: Y.Map<unknown>,
  changes: ReadonlyMap<string, FieldValue | null> = new Map(),
): Map<string, FieldValue | null> {
  const kind = kinds.entityKind(entity.kind);
  if (!kind) throw new ValidationError('kind', `unknown entity kind "${entity.kind}"`);
  const fields = migrateFields(kind.definition, entity.fields, version);
  for (const [name, value] of changes) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  const writes: Map<string, FieldValue | null> = kinds.validateFields(entity.kind, fields, true);
  for (const key of map.keys()) {
    if (!key.startsWith(FIELD_PREFIX)) continue;
    const name = key.slice(FIELD_PREFIX.length);
    if (!writes.has(name)) writes.set(name, null);
  }
  return writes;
}
