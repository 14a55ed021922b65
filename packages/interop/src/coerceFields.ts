import type { PortableFieldValue } from './portableGraph.ts';

/** What a kind declares of a field, as far as turning text into its value goes. */
export interface FieldShape {
  name: string;
  type: string;
}

/**
 * Spreadsheets, graph files and front matter carry most values as text. Given the kind's
 * fields, turns each value into the type the field holds: `"LMS; Spanish"` into a list, `"12"`
 * into a number, `"yes"` into true, a date-time into its date. A value that will not convert is
 * left as it is, so the kind's schema refuses it with its own message.
 */
export function coerceFields(
  fields: Readonly<Record<string, PortableFieldValue>>,
  shapes: readonly FieldShape[],
): Record<string, PortableFieldValue> {
  const out: Record<string, PortableFieldValue> = { ...fields };
  for (const { name, type } of shapes) {
    const value = out[name];
    if (value === undefined) continue;
    out[name] = coerce(value, type);
  }
  return out;
}

function coerce(value: PortableFieldValue, type: string): PortableFieldValue {
  switch (type) {
    case 'stringList':
      if (typeof value === 'string')
        return value
          .split(/[;,]/)
          .map((v) => v.trim())
          .filter(Boolean);
      return Array.isArray(value) ? value : [String(value)];
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      return value;
    case 'boolean':
      if (typeof value === 'string') {
        if (/^(true|yes|y|1)$/i.test(value.trim())) return true;
        if (/^(false|no|n|0)$/i.test(value.trim())) return false;
      }
      return value;
    case 'date':
      if (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T/.test(value) &&
        !Number.isNaN(Date.parse(value))
      )
        return value.slice(0, 10);
      return value;
    case 'string':
    case 'text':
    case 'enum':
    case 'entityRef':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    default:
      return value;
  }
}
