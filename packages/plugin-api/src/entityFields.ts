import { compileField, type FieldDefinition, fieldDefinitionSchema } from '@repertoire/schema';
import type { RelationKindInfo } from './graph.ts';
import type { JsonObject, JsonValue } from './json.ts';

/**
 * One of {@link EntityKindInfo.fields} as a typed field definition (since 1.4), or undefined
 * when it is not a valid one: what a form generated from a kind's schema reads.
 */
export function fieldDefinitionOf(
  field: JsonObject | FieldDefinition,
): FieldDefinition | undefined {
  const parsed = fieldDefinitionSchema.safeParse(field);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Checks a field value the way the host will before saving it (since 1.4), so a form can show
 * the message at once: `field` is one of {@link EntityKindInfo.fields}, `value` null for
 * "cleared". Returns the message, or undefined when the value is fine.
 */
export function validateFieldValue(
  field: JsonObject | FieldDefinition,
  value: JsonValue | null,
): string | undefined {
  const def = fieldDefinitionOf(field);
  if (!def) return `${String(field.name ?? 'This field')} has no valid definition.`;
  if (value === null) return def.required ? `${def.label} is required.` : undefined;
  const result = compileField(def).safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return issue ? `${def.label}: ${issue.message}` : `${def.label} is not valid.`;
}

/**
 * The relation kinds (other than the derived `mentions`) that may go from an entity of
 * `fromKind` to one of `toKind` (since 1.4): what a "Link…" action offers.
 */
export function allowedRelations(
  relationKinds: readonly RelationKindInfo[],
  fromKind: string,
  toKind: string,
): RelationKindInfo[] {
  const ok = (list: readonly string[], kind: string) => list.includes('*') || list.includes(kind);
  return relationKinds.filter(
    (r) => r.type !== 'mentions' && ok(r.from, fromKind) && ok(r.to, toKind),
  );
}
