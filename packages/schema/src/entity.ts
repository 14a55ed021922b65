import { z } from 'zod';
import { fieldValueSchema } from './field.ts';
import { entityIdSchema, entityKindNameSchema, userIdSchema } from './ids.ts';

/** Milliseconds since the Unix epoch. */
export const timestampSchema = z.number().int().nonnegative();

/** An entity's title: one line, 1-500 characters. */
export const titleSchema = z
  .string()
  .trim()
  .min(1, 'a title is not empty')
  .max(500)
  .regex(/^[^\n\r]*$/, 'a title is one line');

/** A thing the community knows about: a member, practice, artifact, meeting… */
export const entitySchema = z.object({
  id: entityIdSchema,
  kind: entityKindNameSchema,
  title: titleSchema,
  /** Values of the kind's fields, by field name (validated by the kind's compiled schema). */
  fields: z.record(z.string(), fieldValueSchema),
  /** Set when the entity has a co-edited document (its own Y.Doc, `<workspace>/doc/<id>`). */
  document: z.boolean().optional(),
  createdBy: userIdSchema,
  createdAt: timestampSchema,
  updatedBy: userIdSchema,
  updatedAt: timestampSchema,
});
/** An entity (see {@link entitySchema}). */
export type Entity = z.infer<typeof entitySchema>;
