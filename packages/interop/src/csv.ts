import Papa from 'papaparse';
import { keepValid } from './entityChecks.ts';
import { asFieldName } from './flatAttributes.ts';
import { ImportFormatError, type ImportIssue, type ImportResult } from './importResult.ts';
import type {
  PortableAttributeValue,
  PortableEntity,
  PortableFieldValue,
  PortableGraph,
  PortableRelation,
} from './portableGraph.ts';
import { lineAndColumn } from './sourceText.ts';

/** How a column's text becomes a value. */
export type CsvValueType = 'string' | 'number' | 'boolean' | 'list';

/** One spreadsheet column that becomes a field of every entity. */
export interface CsvFieldColumn {
  column: string;
  field: string;
  type?: CsvValueType;
}

/**
 * One column whose cells name other entities of the same sheet (by id or by title), making a
 * relation from the row's entity to each, e.g. a "Mentor" column making `mentors` relations.
 */
export interface CsvRelationColumn {
  column: string;
  type: string;
  /** Splits a cell naming several entities; `;` by default. */
  separator?: string;
  /** `in` makes the relation point to the row's entity instead (the named one *mentors* it). */
  direction?: 'out' | 'in';
}

/** The mapping step's answer: which columns are what. */
export interface CsvMapping {
  /** The column of each row's stable id (a re-import matches on it); the row number otherwise. */
  idColumn?: string;
  titleColumn: string;
  /** Every row's kind: a fixed kind, or a column holding it. */
  kind: { value: string } | { column: string };
  fields?: CsvFieldColumn[];
  relations?: CsvRelationColumn[];
}

/** The first rows of a sheet and its columns, for the mapping step. */
export interface CsvPreview {
  columns: string[];
  rows: Record<string, string>[];
  rowCount: number;
  issues: ImportIssue[];
}

interface Sheet {
  columns: string[];
  rows: Record<string, string>[];
  /** Each kept row's 1-based data row and line in the file, for messages. */
  at: { row: number; line: number }[];
  issues: ImportIssue[];
}

/**
 * Parses a sheet with a header row. A ragged row (too few or too many cells) is reported by its
 * row and line and left out, never guessed at.
 */
function readSheet(text: string, file?: string): Sheet {
  if (text.trim() === '') throw new ImportFormatError('is empty', { file });
  const records: { cells: string[]; line: number }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // The row starts after any blank lines papaparse skipped since the last one.
      const start = cursor + (/^[\r\n]*/.exec(text.slice(cursor, cursor + 1000))?.[0].length ?? 0);
      records.push({ cells: result.data, line: lineAndColumn(text, start).line });
      cursor = result.meta.cursor;
    },
  });
  const header = (records[0]?.cells ?? []).map((h) => h.trim());
  const columns = header.filter((c) => c !== '');
  if (columns.length === 0) throw new ImportFormatError('has no header row', { file, line: 1 });
  const issues: ImportIssue[] = [];
  const rows: Record<string, string>[] = [];
  const at: Sheet['at'] = [];
  records.slice(1).forEach(({ cells, line }, i) => {
    if (cells.length !== header.length) {
      issues.push({
        file,
        row: i + 1,
        line,
        message: `has ${cells.length} cells where the header has ${header.length}`,
      });
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((name, c) => {
      if (name !== '') row[name] = cells[c] ?? '';
    });
    rows.push(row);
    at.push({ row: i + 1, line });
  });
  return { columns, rows, at, issues };
}

/** The columns and first rows of a sheet, to show before choosing a mapping. */
export function previewCsv(text: string, rows = 5): CsvPreview {
  const sheet = readSheet(text);
  return {
    columns: sheet.columns,
    rows: sheet.rows.slice(0, rows),
    rowCount: sheet.rows.length,
    issues: sheet.issues,
  };
}

/** A first guess at the mapping from the header's words, which the person then corrects. */
export function suggestCsvMapping(columns: readonly string[], defaultKind = 'member'): CsvMapping {
  const find = (...words: string[]) => columns.find((c) => words.includes(c.trim().toLowerCase()));
  const title = find('title', 'name', 'full name', 'label') ?? columns[0] ?? 'title';
  const kind = find('kind', 'type', 'category');
  const id = find('id', 'key', 'identifier');
  const fields = columns
    .filter((c) => c !== title && c !== kind && c !== id)
    .map((column) => ({ column, field: asFieldName(column) }))
    .filter((f) => f.field !== '');
  return {
    ...(id ? { idColumn: id } : {}),
    titleColumn: title,
    kind: kind ? { column: kind } : { value: defaultKind },
    fields,
  };
}

/** A cell as a value; `exact` keeps a text's spaces (our own export), else they are trimmed. */
function castCell(text: string, type: CsvValueType, exact = false): PortableFieldValue | undefined {
  const value = text.trim();
  if (value === '') return exact && type === 'string' && text !== '' ? text : undefined;
  switch (type) {
    case 'number': {
      const n = Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (/^(true|yes|y|1)$/i.test(value)) return true;
      if (/^(false|no|n|0)$/i.test(value)) return false;
      return undefined;
    case 'list':
      return value.startsWith('[') ? parseList(value) : splitList(value, ';');
    default:
      return exact ? text : value;
  }
}

function parseList(value: string): string[] | undefined {
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) && list.every((v) => typeof v === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

const splitList = (value: string, separator: string) =>
  value
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Reads a spreadsheet through a mapping. Each row becomes an entity; relation columns become
 * relations to the rows they name (by id, else by title, ignoring case). A row or cell that
 * cannot be used is listed with its row and line; names that match no row are unresolved links.
 */
export function importCsv(text: string, mapping: CsvMapping): ImportResult {
  const sheet = readSheet(text);
  const issues = [...sheet.issues];
  const missing = [
    mapping.titleColumn,
    mapping.idColumn,
    'column' in mapping.kind ? mapping.kind.column : undefined,
    ...(mapping.fields ?? []).map((f) => f.column),
    ...(mapping.relations ?? []).map((r) => r.column),
  ].filter((c): c is string => c !== undefined && !sheet.columns.includes(c));
  if (missing.length > 0)
    throw new ImportFormatError(`has no column ${missing.map((c) => `'${c}'`).join(', ')}`, {
      line: 1,
    });

  const entities: PortableEntity[] = [];
  const rowIds: string[] = [];
  sheet.rows.forEach((row, i) => {
    const id =
      (mapping.idColumn ? row[mapping.idColumn]?.trim() : '') || `row-${sheet.at[i]?.row ?? i + 1}`;
    const kind = 'value' in mapping.kind ? mapping.kind.value : (row[mapping.kind.column] ?? '');
    const fields: Record<string, PortableFieldValue> = {};
    for (const f of mapping.fields ?? []) {
      const cell = row[f.column] ?? '';
      const value = castCell(cell, f.type ?? 'string');
      if (value !== undefined) fields[f.field] = value;
      else if (cell.trim() !== '')
        issues.push({ ...sheet.at[i], message: `'${cell}' in '${f.column}' is not a ${f.type}` });
    }
    rowIds.push(id);
    entities.push({
      id,
      kind: kind.trim().toLowerCase(),
      title: row[mapping.titleColumn] ?? '',
      fields,
    });
  });

  const byName = new Map<string, string>();
  for (const e of entities) byName.set(e.title.trim().toLowerCase(), e.id);
  for (const e of entities) byName.set(e.id.toLowerCase(), e.id);
  const relations: PortableRelation[] = [];
  const unresolved: ImportResult['unresolved'] = [];
  sheet.rows.forEach((row, i) => {
    const self = rowIds[i] as string;
    for (const r of mapping.relations ?? []) {
      for (const name of splitList(row[r.column] ?? '', r.separator ?? ';')) {
        const other = byName.get(name.toLowerCase());
        if (!other) {
          unresolved.push({ from: self, target: name, ...sheet.at[i] });
          continue;
        }
        const [from, to] = r.direction === 'in' ? [other, self] : [self, other];
        relations.push({ from, type: r.type, to, attributes: {} });
      }
    }
  });
  const graph = keepValid({ entities, relations }, (message, where) =>
    issues.push({ message, ...(where.entity ? sheet.at[rowIds.indexOf(where.entity)] : {}) }),
  );
  return { graph, issues, unresolved, embeds: 0 };
}

/** The two files of a CSV export. */
export interface CsvExport {
  entities: string;
  relations: string;
}

const FIELD = 'field:';
const ATTRIBUTE = 'attribute:';

function typeOf(value: PortableFieldValue | PortableAttributeValue): CsvValueType | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/** `field:grade:number`: the header carries the type, so a re-import restores it exactly. */
function typedColumns(
  records: readonly Record<string, PortableFieldValue | PortableAttributeValue>[],
  prefix: string,
): string[] {
  const columns = new Set<string>();
  for (const record of records)
    for (const [name, value] of Object.entries(record))
      if (value !== null) columns.add(`${prefix}${name}:${typeOf(value)}`);
  return [...columns].sort();
}

function cellOf(value: PortableFieldValue | PortableAttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/**
 * Writes the graph as two spreadsheets: one row per entity (id, kind, title, dates, one column per
 * field) and one per relation. Headers carry each field's type, so {@link importCsvExport} reads
 * the pair back exactly.
 */
export function exportCsv(graph: PortableGraph): CsvExport {
  const fieldColumns = typedColumns(
    graph.entities.map((e) => e.fields),
    FIELD,
  );
  const entities = Papa.unparse({
    fields: ['id', 'kind', 'title', 'createdAt', 'updatedAt', ...fieldColumns],
    data: graph.entities.map((e) => [
      e.id,
      e.kind,
      e.title,
      iso(e.createdAt),
      iso(e.updatedAt),
      ...fieldColumns.map((c) => {
        const [name, type] = parseTypedColumn(c, FIELD);
        const value = e.fields[name];
        return value !== undefined && typeOf(value) === type ? cellOf(value) : '';
      }),
    ]),
  });
  const attributeColumns = typedColumns(
    graph.relations.map((r) => r.attributes),
    ATTRIBUTE,
  );
  const relations = Papa.unparse({
    fields: ['from', 'type', 'to', 'createdAt', ...attributeColumns],
    data: graph.relations.map((r) => [
      r.from,
      r.type,
      r.to,
      iso(r.createdAt),
      ...attributeColumns.map((c) => {
        const [name, type] = parseTypedColumn(c, ATTRIBUTE);
        const value = r.attributes[name];
        return value !== undefined && typeOf(value) === type ? cellOf(value) : '';
      }),
    ]),
  });
  // RFC 4180 line ends, which spreadsheets expect, through to the last line.
  return { entities: `${entities}\r\n`, relations: `${relations}\r\n` };
}

function parseTypedColumn(column: string, prefix: string): [string, CsvValueType] {
  const rest = column.slice(prefix.length);
  const at = rest.lastIndexOf(':');
  return [rest.slice(0, at), rest.slice(at + 1) as CsvValueType];
}

function readTime(
  text: string | undefined,
  issues: ImportIssue[],
  at: { row: number; line: number } | undefined,
  file: string,
) {
  if (!text) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    issues.push({ file, ...at, message: `'${text}' is not a date` });
    return undefined;
  }
  return ms;
}

/** Reads back the two files {@link exportCsv} wrote (or ones made the same way by hand). */
export function importCsvExport(files: CsvExport): ImportResult {
  const entitySheet = readSheet(files.entities, 'entities.csv');
  const relationSheet = readSheet(files.relations, 'relations.csv');
  for (const [sheet, file, need] of [
    [entitySheet, 'entities.csv', ['id', 'kind', 'title']],
    [relationSheet, 'relations.csv', ['from', 'type', 'to']],
  ] as const) {
    const absent = need.filter((c) => !sheet.columns.includes(c));
    if (absent.length > 0)
      throw new ImportFormatError(`has no column ${absent.join(', ')}`, { file, line: 1 });
  }
  const issues = [...entitySheet.issues, ...relationSheet.issues];
  const entities = entitySheet.rows.map((row, i): PortableEntity => {
    const fields: Record<string, PortableFieldValue> = {};
    for (const column of entitySheet.columns.filter((c) => c.startsWith(FIELD))) {
      const [name, type] = parseTypedColumn(column, FIELD);
      const value = castCell(row[column] ?? '', type, true);
      if (value !== undefined) fields[name] = value;
    }
    const createdAt = readTime(row.createdAt, issues, entitySheet.at[i], 'entities.csv');
    const updatedAt = readTime(row.updatedAt, issues, entitySheet.at[i], 'entities.csv');
    return {
      id: row.id ?? '',
      kind: row.kind ?? '',
      title: row.title ?? '',
      fields,
      ...(createdAt !== undefined ? { createdAt } : {}),
      ...(updatedAt !== undefined ? { updatedAt } : {}),
    };
  });
  const relations = relationSheet.rows.map((row, i): PortableRelation => {
    const attributes: Record<string, PortableAttributeValue> = {};
    for (const column of relationSheet.columns.filter((c) => c.startsWith(ATTRIBUTE))) {
      const [name, type] = parseTypedColumn(column, ATTRIBUTE);
      const value = castCell(row[column] ?? '', type, true);
      if (value !== undefined && !Array.isArray(value)) attributes[name] = value;
    }
    const createdAt = readTime(row.createdAt, issues, relationSheet.at[i], 'relations.csv');
    return {
      from: row.from ?? '',
      type: row.type ?? '',
      to: row.to ?? '',
      attributes,
      ...(createdAt !== undefined ? { createdAt } : {}),
    };
  });
  const graph = keepValid({ entities, relations }, (message) => issues.push({ message }));
  return { graph, issues, unresolved: [], embeds: 0 };
}
