import type { CsvMapping, ImportResult } from '@repertoire/interop';
import type {
  CancellationToken,
  EntityInfo,
  EntityKindInfo,
  GraphApi,
  OpenedFile,
  Progress,
} from '@repertoire/plugin-api';
import { type ImportPlan, importIds, planImport } from './importPlan.ts';
import { type ImportFormat, readSource } from './readSource.ts';

/** What an import reads from, and where it will go. */
export interface ImportRequest {
  graph: GraphApi;
  format: ImportFormat;
  files: readonly OpenedFile[];
  kind: string;
  source: string;
  kinds: readonly EntityKindInfo[];
}

/** Entities looked up per step: small enough that Cancel is answered at once. */
const STEP = 100;

// A timer, not a microtask: the page must get a turn to paint the bar and hear Cancel.
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the source and plans the import in steps, reporting each to the progress bar and
 * stopping at the first step after the member cancels. It only reads: a cancelled import (or
 * one that throws) has changed nothing, and the plan is applied later in one transaction.
 */
export async function prepareImport(
  request: ImportRequest,
  csvMapping: CsvMapping | undefined,
  progress: Progress,
  token: CancellationToken,
): Promise<{ result: ImportResult; plan: ImportPlan } | 'cancelled'> {
  const { graph, format, files, kind, source, kinds } = request;
  progress.report({
    message: `Reading ${files.length === 1 ? 'the file' : `${files.length} files`}…`,
  });
  await yieldToPage();
  if (token.isCancellationRequested) return 'cancelled';
  const result = readSource(format, files, kind, csvMapping);
  progress.report({ increment: 30, message: 'Checking what is already in the community…' });
  await yieldToPage();
  const ids = [...importIds(result, source).values()];
  const existing = new Map<string, EntityInfo>();
  const steps = Math.max(1, Math.ceil(ids.length / STEP));
  for (let i = 0; i < ids.length; i += STEP) {
    if (token.isCancellationRequested) return 'cancelled';
    for (const e of await graph.entities({ ids: ids.slice(i, i + STEP) })) existing.set(e.id, e);
    progress.report({
      increment: 60 / steps,
      message: `Checked ${Math.min(i + STEP, ids.length)} of ${ids.length} entities…`,
    });
    await yieldToPage();
  }
  if (token.isCancellationRequested) return 'cancelled';
  const relations = new Set((await graph.relations()).map((r) => r.id));
  const plan = planImport(result, source, existing, relations, kinds);
  progress.report({ increment: 10, message: 'Ready to preview.' });
  return token.isCancellationRequested ? 'cancelled' : { result, plan };
}
