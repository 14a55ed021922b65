import { z } from 'zod';
import { entityKindNameSchema, relationTypeSchema } from './ids.ts';
import { checkMigrationSequence, kindMigrationSchema } from './kindMigration.ts';

/** `*` in a relation kind's `from` or `to` stands for every entity kind. */
export const ANY_KIND = '*';

const kindOrAny = z.union([entityKindNameSchema, z.literal(ANY_KIND)]);

/** A relation kind (e.g. artifact *documents* practice): its type, label and the kinds it may join. */
export const relationKindDefinitionSchema = z
  .object({
    type: relationTypeSchema,
    label: z.string().min(1),
    /** Kinds the relation may start from (`*` for any). */
    from: z.array(kindOrAny).min(1),
    /** Kinds the relation may point to (`*` for any). */
    to: z.array(kindOrAny).min(1),
    /**
     * The version of the relation's `attributes` (1 when absent). Raise it when a new plugin
     * version changes what the attributes hold, and add the migration that upgrades relations
     * written at the previous one. Since API 1.5.
     */
    version: z.number().int().min(1).optional(),
    /**
     * One per version from 2 to `version`, in order: how stored attributes are upgraded (the
     * steps of entity kinds' migrations, on attribute names). Since API 1.5.
     */
    migrations: z.array(kindMigrationSchema).optional(),
  })
  .superRefine((k, ctx) => {
    for (const issue of checkMigrationSequence(k)) ctx.addIssue({ code: 'custom', ...issue });
    (k.migrations ?? []).forEach((m, i) => {
      m.steps.forEach((step, j) => {
        if ('default' in step && Array.isArray(step.default.value))
          ctx.addIssue({
            code: 'custom',
            path: ['migrations', i, 'steps', j, 'default', 'value'],
            message: 'an attribute holds a string, a number, a boolean or null, not a list',
          });
      });
    });
  });
/** A relation kind definition (see {@link relationKindDefinitionSchema}). */
export type RelationKindDefinition = z.infer<typeof relationKindDefinitionSchema>;
