import { z } from 'zod';
import { entityIdSchema, entityKindNameSchema } from './ids.ts';

/** The types a field of an entity kind may have. */
export const fieldTypeSchema = z.enum([
  'string',
  'text',
  'number',
  'boolean',
  'date',
  'enum',
  'entityRef',
  'stringList',
]);
/** One of {@link fieldTypeSchema}'s types. */
export type FieldType = z.infer<typeof fieldTypeSchema>;

/**
 * A field of an entity kind, as serializable data: plugins declare it in their manifest and the
 * core compiles it to a validator at run time ({@link compileField}).
 */
export const fieldDefinitionSchema = z
  .object({
    /** The key under which the value is stored; letters, digits and `-`, starting lower-case. */
    name: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'a field name starts with a lower-case letter'),
    /** What the UI calls the field. */
    label: z.string().min(1),
    type: fieldTypeSchema,
    /** A required field must be given on creation and cannot be cleared. */
    required: z.boolean().optional(),
    /** The allowed values of an `enum` field (required for `enum`). */
    options: z.array(z.string().min(1)).min(1).optional(),
    /** For `entityRef`: the kinds the referenced entity may have (any kind when absent). */
    refKinds: z.array(entityKindNameSchema).optional(),
    /** For `number`: inclusive bounds. For `string`/`text`/`stringList` items: length bounds. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** Help text shown beside the field. */
    description: z.string().optional(),
  })
  .refine((f) => f.type !== 'enum' || (f.options !== undefined && f.options.length > 0), {
    message: 'an enum field lists its options',
    path: ['options'],
  });
/** A field definition (see {@link fieldDefinitionSchema}). */
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/** A value a field can hold once validated. */
export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
/** A stored field value (see {@link fieldValueSchema}). */
export type FieldValue = z.infer<typeof fieldValueSchema>;

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The zod validator of one field's value, as compiled by {@link compileField}. */
export type FieldValidator = z.ZodType<FieldValue>;

/** Compiles one field definition to the zod validator of its value (never `undefined`). */
export function compileField(def: FieldDefinition): FieldValidator {
  switch (def.type) {
    case 'string':
    case 'text': {
      let s = z.string();
      if (def.type === 'string') s = s.regex(/^[^\n\r]*$/, 'a single line of text');
      if (def.min !== undefined) s = s.min(def.min);
      s = s.max(def.max ?? (def.type === 'string' ? 1_000 : 100_000));
      return s;
    }
    case 'number': {
      let n = z.number().refine(Number.isFinite, 'a finite number');
      if (def.min !== undefined)
        n = n.refine((v) => v >= (def.min as number), `at least ${def.min}`);
      if (def.max !== undefined)
        n = n.refine((v) => v <= (def.max as number), `at most ${def.max}`);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'date':
      return isoDate;
    case 'enum':
      return z.enum((def.options ?? []) as [string, ...string[]]);
    case 'entityRef':
      return entityIdSchema as unknown as z.ZodType<string>;
    case 'stringList': {
      let item = z.string().min(1);
      if (def.max !== undefined) item = item.max(def.max);
      return z.array(item).max(10_000);
    }
  }
}
