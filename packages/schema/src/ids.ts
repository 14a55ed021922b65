import { z } from 'zod';
import { KIND_NAME_PATTERN } from './kindName.ts';

// Ids and kind names never contain `|`: a relation's id is `from|type|to`, and must split back
// unambiguously.
const ID = '[A-Za-z0-9_-]{1,64}';
const idPattern = new RegExp(`^${ID}$`);
const namePattern = new RegExp(`^${KIND_NAME_PATTERN}$`);
/** Longest kind name or relation type: a plugin id and a short name, with room to spare. */
const MAX_NAME = 128;

/**
 * The id of an entity: 1-64 letters, digits, `_` or `-`, and not a name every object inherits
 * (`__proto__`, `constructor`…): ids key the graph libraries' plain-object maps, where such an id
 * would write into `Object.prototype` in every member's browser. Branded so it cannot be mixed
 * up with other strings.
 */
export const entityIdSchema = z
  .string()
  .regex(idPattern, 'an entity id is 1-64 letters, digits, _ or -')
  .refine(
    (id) => !Object.hasOwn(Object.prototype, id),
    'an entity id cannot be a name every JavaScript object has, such as __proto__ or constructor',
  )
  .brand<'EntityId'>();
/** The id of an entity (see {@link entityIdSchema}). */
export type EntityId = z.infer<typeof entityIdSchema>;

/**
 * The name of an entity kind: a built-in's short name (`practice`: a lower-case letter, then
 * letters, digits, `-`), or another plugin's, qualified by its id (`acme.reading-circle/reading`;
 * see `kindName.ts`).
 */
export const entityKindNameSchema = z
  .string()
  .max(MAX_NAME)
  .regex(
    namePattern,
    'a kind is a short name (practice: a lower-case letter, then letters, digits, -) or one qualified by its plugin id (acme.reading-circle/reading)',
  );
/** The name of a relation type, e.g. `documents`, or qualified like a kind (`acme.reading-circle/cites`). */
export const relationTypeSchema = z
  .string()
  .max(MAX_NAME)
  .regex(
    namePattern,
    'a relation type is a short name (documents: a lower-case letter, then letters, digits, -) or one qualified by its plugin id (acme.reading-circle/cites)',
  );

/** The id of a relation: always `${from}|${type}|${to}`, so the same link made twice is one relation. */
export const relationIdSchema = z
  .string()
  .regex(new RegExp(`^${ID}\\|${KIND_NAME_PATTERN}\\|${ID}$`), 'a relation id is from|type|to')
  .refine(
    (id) => (parseRelationId(id)?.type.length ?? 0) <= MAX_NAME,
    'the relation type is too long',
  )
  .brand<'RelationId'>();
/** The id of a relation (see {@link relationIdSchema}). */
export type RelationId = z.infer<typeof relationIdSchema>;

/** The id of a user (an account on the server, or a local identity). */
export const userIdSchema = z.string().min(1).max(200).brand<'UserId'>();
/** The id of a user (see {@link userIdSchema}). */
export type UserId = z.infer<typeof userIdSchema>;

/** Checks and brands a string as an {@link EntityId}; throws a clear error when it is not one. */
export function asEntityId(value: string): EntityId {
  return entityIdSchema.parse(value);
}

/** Brands a string as a {@link UserId}; throws when it is empty. */
export function asUserId(value: string): UserId {
  return userIdSchema.parse(value);
}

/** The deterministic id of the relation `from -type-> to`. */
export function relationId(from: EntityId, type: string, to: EntityId): RelationId {
  return `${from}|${type}|${to}` as RelationId;
}

/** Splits a relation id back into its ends; `undefined` when the string is not a relation id. */
export function parseRelationId(
  id: string,
): { from: EntityId; type: string; to: EntityId } | undefined {
  const first = id.indexOf('|');
  const last = id.lastIndexOf('|');
  if (first <= 0 || last === first || last === id.length - 1) return undefined;
  return {
    from: id.slice(0, first) as EntityId,
    type: id.slice(first + 1, last),
    to: id.slice(last + 1) as EntityId,
  };
}
