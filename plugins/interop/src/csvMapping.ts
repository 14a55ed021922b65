import {
  type CsvMapping,
  type CsvValueType,
  type ImportResult,
  importCsv,
  suggestCsvMapping,
} from '@repertoire/interop';

/** What one column of a sheet is used for, as the mapping screen offers it. */
export type ColumnUse = 'title' | 'kind' | 'id' | 'field' | 'relation' | 'skip';

/** The member's choice for one column. */
export interface ColumnChoice {
  column: string;
  use: ColumnUse;
  /** For a field: how its text becomes a value. */
  type?: CsvValueType;
  /** For a field: its name; for a relation: the relation type (e.g. `mentors`). */
  name?: string;
}

/** The screen's whole state: a choice per column and the kind of rows without a kind column. */
export interface MappingChoices {
  columns: ColumnChoice[];
  kind: string;
}

/** The mapping screen's first guess, from the header's words (see `suggestCsvMapping`). */
export function guessChoices(columns: readonly string[], kind: string): MappingChoices {
  const guess = suggestCsvMapping(columns, kind);
  return {
    kind: 'value' in guess.kind ? guess.kind.value : kind,
    columns: columns.map((column) => {
      if (column === guess.titleColumn) return { column, use: 'title' };
      if (column === guess.idColumn) return { column, use: 'id' };
      if ('column' in guess.kind && column === guess.kind.column) return { column, use: 'kind' };
      const field = guess.fields?.find((f) => f.column === column);
      return field
        ? { column, use: 'field', type: 'string', name: field.field }
        : { column, use: 'skip' };
    }),
  };
}

/**
 * The importer's mapping from the member's choices, or what stops it (no title column, two of a
 * column that must be one). Relation columns without a type are named after their column.
 */
export function mappingOf(choices: MappingChoices): CsvMapping | { problem: string } {
  const of = (use: ColumnUse) => choices.columns.filter((c) => c.use === use);
  const single = (use: ColumnUse, what: string): string | { problem: string } | undefined => {
    const found = of(use);
    if (found.length > 1)
      return {
        problem: `Only one column can be the ${what}: ${found.map((c) => `'${c.column}'`).join(' and ')} both are.`,
      };
    return found[0]?.column;
  };
  const title = single('title', 'title');
  const kind = single('kind', 'kind');
  const id = single('id', 'id');
  for (const x of [title, kind, id]) if (typeof x === 'object') return x;
  if (title === undefined) return { problem: 'Choose the column that holds each row’s title.' };
  const name = (c: ColumnChoice) =>
    (c.name ?? '').trim() || c.column.trim().toLowerCase().replace(/\W+/g, '_');
  return {
    titleColumn: title as string,
    ...(typeof id === 'string' ? { idColumn: id } : {}),
    kind: typeof kind === 'string' ? { column: kind } : { value: choices.kind },
    fields: of('field').map((c) => ({
      column: c.column,
      field: name(c),
      type: c.type ?? 'string',
    })),
    relations: of('relation').map((c) => ({ column: c.column, type: name(c) })),
  };
}

/** The import the choices give, or the problem that stops it; nothing changes either way. */
export function readWithChoices(
  text: string,
  choices: MappingChoices,
): { mapping: CsvMapping; result: ImportResult } | { problem: string } {
  const mapping = mappingOf(choices);
  if ('problem' in mapping) return mapping;
  try {
    return { mapping, result: importCsv(text, mapping) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
