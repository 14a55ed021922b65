import { z } from 'zod';
import { timestampSchema } from './entity.ts';
import { entityIdSchema, relationIdSchema, relationTypeSchema, userIdSchema } from './ids.ts';

/** Where a relation comes from: made by hand, or derived from a document's mentions and links. */
export const relationSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('document'), docId: entityIdSchema }),
]);
/** A relation's source (see {@link relationSourceSchema}). */
export type RelationSource = z.infer<typeof relationSourceSchema>;

/** Free-form attributes of a relation (e.g. a mentorship's start date): JSON values. */
export const relationAttributesSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);
/** A relation's attributes (see {@link relationAttributesSchema}). */
export type RelationAttributes = z.infer<typeof relationAttributesSchema>;

/** A typed, directed link between two entities; its id is `${from}|${type}|${to}`. */
export const relationSchema = z.object({
  id: relationIdSchema,
  from: entityIdSchema,
  type: relationTypeSchema,
  to: entityIdSchema,
  attributes: relationAttributesSchema,
  createdBy: userIdSchema,
  createdAt: timestampSchema,
  source: relationSourceSchema,
});
/** A relation (see {@link relationSchema}). */
export type Relation = z.infer<typeof relationSchema>;
