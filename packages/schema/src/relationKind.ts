import { z } from 'zod';
import { entityKindNameSchema, relationTypeSchema } from './ids.ts';

/** `*` in a relation kind's `from` or `to` stands for every entity kind. */
export const ANY_KIND = '*';

const kindOrAny = z.union([entityKindNameSchema, z.literal(ANY_KIND)]);

/** A relation kind (e.g. artifact *documents* practice): its type, label and the kinds it may join. */
export const relationKindDefinitionSchema = z.object({
  type: relationTypeSchema,
  label: z.string().min(1),
  /** Kinds the relation may start from (`*` for any). */
  from: z.array(kindOrAny).min(1),
  /** Kinds the relation may point to (`*` for any). */
  to: z.array(kindOrAny).min(1),
});
/** A relation kind definition (see {@link relationKindDefinitionSchema}). */
export type RelationKindDefinition = z.infer<typeof relationKindDefinitionSchema>;
