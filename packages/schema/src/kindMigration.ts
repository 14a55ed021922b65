import { z } from 'zod';
import { compileField, type FieldDefinition, type FieldValue, fieldValueSchema } from './field.ts';

// Versioned field migrations of an entity kind, as data (tldraw's per-record migrations are the
// model, but a manifest is JSON, so each step is a declarative operation rather than code).

const fieldName = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]*$/, 'a field name starts with a lower-case letter');

/** One operation of a migration, applied to an entity's fields in order. */
export const kindMigrationStepSchema = z.union([
  /** Moves a field's value to a new name (nothing happens when the old field is absent). */
  z.strictObject({ rename: z.strictObject({ from: fieldName, to: fieldName }) }),
  /** Gives a field a value when it has none (a newly required field, say). */
  z.strictObject({ default: z.strictObject({ field: fieldName, value: fieldValueSchema }) }),
  /** Drops a field. */
  z.strictObject({ remove: fieldName }),
  /**
   * Replaces string values of a field (each item of a `stringList`): an enum option renamed or
   * merged. Values not listed stay as they are.
   */
  z.strictObject({
    mapValues: z.strictObject({
      field: fieldName,
      values: z.record(z.string(), z.string()),
    }),
  }),
]);
/** One migration step (see {@link kindMigrationStepSchema}). */
export type KindMigrationStep = z.infer<typeof kindMigrationStepSchema>;

/** The steps that upgrade an entity's fields from kind version `version - 1` to `version`. */
export const kindMigrationSchema = z.strictObject({
  version: z.number().int().min(2, 'migrations start at version 2 (version 1 is the first shape)'),
  steps: z.array(kindMigrationStepSchema),
});
/** One kind migration (see {@link kindMigrationSchema}). */
export type KindMigration = z.infer<typeof kindMigrationSchema>;

/** What {@link checkKindMigrations} needs of a kind. */
export interface VersionedFields {
  version?: number | undefined;
  migrations?: readonly KindMigration[] | undefined;
  fields: readonly FieldDefinition[];
}

/** A problem with a kind's migrations, at a path inside the kind definition. */
export interface MigrationIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The checks every versioned kind (entity or relation) shares: migrations are `2..version`, each
 * once and in order.
 */
export function checkMigrationSequence(kind: {
  version?: number | undefined;
  migrations?: readonly KindMigration[] | undefined;
}): MigrationIssue[] {
  const version = kind.version ?? 1;
  const migrations = kind.migrations ?? [];
  const issues: MigrationIssue[] = [];
  if (migrations.length !== version - 1) {
    issues.push({
      path: ['migrations'],
      message: `a kind at version ${version} lists ${version - 1} migration(s), one per version from 2, not ${migrations.length}`,
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 2) {
      issues.push({
        path: ['migrations', i, 'version'],
        message: `migration ${i + 1} upgrades to version ${i + 2}, not ${m.version} (they are contiguous and in order)`,
      });
    }
  });
  return issues;
}

/**
 * What can be checked without data: migrations are `2..version`, each once and in order, and every
 * value a step writes (a `default`, a `mapValues` target) or name it gives (`rename.to`) that
 * survives the later steps is a valid value of, or the name of, one of the kind's current fields.
 */
export function checkKindMigrations(kind: VersionedFields): MigrationIssue[] {
  const issues = checkMigrationSequence(kind);
  if (issues.length > 0) return issues;
  const migrations = kind.migrations ?? [];
  const current = new Map(kind.fields.map((f) => [f.name, f]));
  const later = (i: number, j: number): KindMigrationStep[] => [
    ...(migrations[i]?.steps.slice(j + 1) ?? []),
    ...migrations.slice(i + 1).flatMap((m) => m.steps),
  ];
  migrations.forEach((m, i) => {
    m.steps.forEach((step, j) => {
      const at = ['migrations', i, 'steps', j];
      const written: { name: string; value?: FieldValue; path: (string | number)[] }[] = [];
      if ('rename' in step) written.push({ name: step.rename.to, path: [...at, 'rename', 'to'] });
      if ('default' in step)
        written.push({
          name: step.default.field,
          value: step.default.value,
          path: [...at, 'default', 'value'],
        });
      if ('mapValues' in step) {
        for (const [from, to] of Object.entries(step.mapValues.values))
          written.push({
            name: step.mapValues.field,
            value: to,
            path: [...at, 'mapValues', 'values', from],
          });
      }
      for (const w of written) {
        const end = trace(w.name, w.value, later(i, j));
        if (!end) continue;
        const field = current.get(end.name);
        if (!field) {
          issues.push({
            path: w.path,
            message: `"${end.name}" is not one of the kind's fields, so the migrated entity would be invalid`,
          });
          continue;
        }
        if (end.value === undefined) continue;
        const schema = compileField(field);
        // A string list holds mapped strings item by item.
        const value =
          field.type === 'stringList' && typeof end.value === 'string' ? [end.value] : end.value;
        const parsed = schema.safeParse(value);
        if (!parsed.success) {
          issues.push({
            path: w.path,
            message: `${JSON.stringify(end.value)} is not a valid ${field.label}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
          });
        }
      }
    });
  });
  return issues;
}

/** Where a written field (and value) ends up after `steps`; `undefined` when a step removes it. */
function trace(
  name: string,
  value: FieldValue | undefined,
  steps: readonly KindMigrationStep[],
): { name: string; value: FieldValue | undefined } | undefined {
  let n = name;
  let v = value;
  for (const step of steps) {
    if ('remove' in step && step.remove === n) return undefined;
    if ('rename' in step && step.rename.from === n) n = step.rename.to;
    else if ('rename' in step && step.rename.to === n) return undefined;
    if ('mapValues' in step && step.mapValues.field === n && typeof v === 'string')
      v = step.mapValues.values[v] ?? v;
  }
  return { name: n, value: v };
}

/**
 * Upgrades stored field values from kind version `from` to the kind's current version by running
 * each later migration's steps in order; a pure function (the input is not changed). Throws a
 * `RangeError` for a version newer than the kind's: nothing can downgrade it.
 */
export function migrateFields(
  kind: { version?: number | undefined; migrations?: readonly KindMigration[] | undefined },
  fields: Readonly<Record<string, FieldValue>>,
  from: number,
): Record<string, FieldValue> {
  return migrateValues(kind, fields, from);
}

/**
 * {@link migrateFields} over any JSON values by name (a relation's attributes): a `default` or a
 * `mapValues` writes the step's values, every other value is moved, kept or dropped as it is.
 */
export function migrateValues<V>(
  kind: { version?: number | undefined; migrations?: readonly KindMigration[] | undefined },
  values: Readonly<Record<string, V>>,
  from: number,
): Record<string, V | FieldValue> {
  const version = kind.version ?? 1;
  if (from > version) throw new RangeError(`version ${from} is newer than the kind's ${version}`);
  const out: Record<string, V | FieldValue> = { ...values };
  for (const migration of kind.migrations ?? []) {
    if (migration.version <= from) continue;
    for (const step of migration.steps) applyStep(out, step);
  }
  return out;
}

function applyStep(fields: Record<string, unknown>, step: KindMigrationStep): void {
  if ('rename' in step) {
    const { from, to } = step.rename;
    if (from === to || !Object.hasOwn(fields, from)) return;
    fields[to] = fields[from];
    delete fields[from];
  } else if ('default' in step) {
    if (!Object.hasOwn(fields, step.default.field)) fields[step.default.field] = step.default.value;
  } else if ('remove' in step) {
    delete fields[step.remove];
  } else {
    const { field, values } = step.mapValues;
    const value = fields[field];
    const map = (s: string) => (Object.hasOwn(values, s) ? (values[s] as string) : s);
    if (typeof value === 'string') fields[field] = map(value);
    else if (Array.isArray(value)) fields[field] = value.map(map);
  }
}
