// One collator for every comparison: `localeCompare` with options builds one per call, which
// dominates sorting thousands of titles.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Compares two labels the way people read them: locale-aware, ignoring case and accents, and with
 * numbers by value, so "Meeting 2" comes before "Meeting 10". Use it for every list and picker.
 */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The date an entity is about (a meeting's `date` field), as `YYYY-MM-DD…`, if it has one. */
function dateOf(entity: { fields?: Readonly<Record<string, unknown>> }): string | undefined {
  const date = entity.fields?.date;
  return typeof date === 'string' && date.length > 0 ? date : undefined;
}

/**
 * The order entities are listed in: those with a `date` field (meetings) newest first, then by
 * title with {@link naturalCompare}. Undated entities come after dated ones.
 */
export function compareEntities(
  a: { title: string; fields?: Readonly<Record<string, unknown>> },
  b: { title: string; fields?: Readonly<Record<string, unknown>> },
): number {
  const da = dateOf(a);
  const db = dateOf(b);
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? 1 : -1;
  }
  return naturalCompare(a.title, b.title);
}
