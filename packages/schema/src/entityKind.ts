import { z } from 'zod';
import { type FieldDefinition, fieldDefinitionSchema } from './field.ts';
import { entityKindNameSchema } from './ids.ts';
import { checkKindMigrations, kindMigrationSchema } from './kindMigration.ts';

/**
 * An entity kind (member, practice, artifact…), contributed by a plugin: its fields as data, how
 * the UI names it, its icon and colour.
 */
export const entityKindDefinitionSchema = z
  .object({
    kind: entityKindNameSchema,
    label: z.string().min(1),
    pluralLabel: z.string().min(1),
    icon: z.string().min(1),
    colour: z.string().min(1),
    fields: z.array(fieldDefinitionSchema),
    /**
     * Who may create, change or delete entities of this kind (and the relations they start):
     * `members` (everyone who may edit, the default) or `stewards`, the workspace's owners and
     * the members whose member entity is a coordinator or facilitator. The server refuses
     * anyone else's write; use it for what belongs to the whole community (its purpose, its year
     * plan), so one member cannot rewrite it for everyone.
     */
    editableBy: z.enum(['members', 'stewards']).optional(),
    /**
     * The version of `fields` (1 when absent). Raise it when a new plugin version changes the
     * fields, and add the migration that upgrades entities written at the previous one.
     */
    version: z.number().int().min(1).optional(),
    /** One per version from 2 to `version`, in order: how stored fields are upgraded. */
    migrations: z.array(kindMigrationSchema).optional(),
    /**
     * The command (an id the same plugin declares) that opens an entity of this kind, called
     * with its id, when the entity is not best shown as a page: a saved graph view opens in the
     * graph. Lists such as the Explorer run it instead of opening the entity's page. Since API 1.4.
     */
    openCommand: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/, 'a command id, e.g. `graph.openView`')
      .optional(),
  })
  .refine((k) => new Set(k.fields.map((f: FieldDefinition) => f.name)).size === k.fields.length, {
    message: 'field names are unique within a kind',
    path: ['fields'],
  })
  .superRefine((k, ctx) => {
    for (const issue of checkKindMigrations(k)) ctx.addIssue({ code: 'custom', ...issue });
  });
/** An entity kind definition (see {@link entityKindDefinitionSchema}). */
export type EntityKindDefinition = z.infer<typeof entityKindDefinitionSchema>;
