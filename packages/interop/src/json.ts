import { keepValid } from './entityChecks.ts';
import { ImportFormatError, type ImportResult } from './importResult.ts';
import { type PortableGraph, portableGraphSchema } from './portableGraph.ts';
import { lineAndColumn } from './sourceText.ts';

/** The `format` of Repertoire's portable JSON. */
export const JSON_FORMAT = 'repertoire-graph';

/** Writes the graph as Repertoire's portable JSON: every entity, field, date and relation. */
export function exportJson(graph: PortableGraph): string {
  return `${JSON.stringify({ format: JSON_FORMAT, version: 1, ...graph }, null, 2)}\n`;
}

/** Reads Repertoire's portable JSON. Bad JSON or a wrong shape names the line or the path. */
export function importJson(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = /position (\d+)/.exec(String(error))?.[1];
    throw new ImportFormatError(
      'is not JSON',
      offset === undefined ? {} : lineAndColumn(text, Number(offset)),
    );
  }
  const envelope = value as { format?: unknown; version?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== JSON_FORMAT)
    throw new ImportFormatError(`is not Repertoire JSON (its "format" must be "${JSON_FORMAT}")`);
  if (envelope.version !== 1) throw new ImportFormatError('has an unknown "version" (expected 1)');
  const parsed = portableGraphSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportFormatError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const issues: ImportResult['issues'] = [];
  const graph = keepValid(parsed.data, (message) => issues.push({ message }));
  return { graph, issues, unresolved: [], embeds: 0 };
}
