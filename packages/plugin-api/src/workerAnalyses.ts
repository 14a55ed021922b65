import type { AnalysisProvider, AnalysisResult } from './analyses.ts';
import type { EntityInfo, GraphApi, RelationInfo } from './graph.ts';

// Analyses in a Worker (since API 1.5). A built-in plugin runs in the page, so a long computation
// there (betweenness over a big community, gaps over every relation) would freeze the workbench.
// `analysisInWorker` runs it in a dedicated module Worker instead: the page reads the graph through
// the plugin's own, permission-checked `graph` API and posts it over; the Worker computes and posts
// back the result; the host checks it as any analysis result. A sandboxed plugin's analyses already
// run in its Worker, so it does not need this.

// Timers exist in every place an API object runs (page, Worker, Node), but this package is typed
// without the DOM or Node libraries.
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(timer: unknown): void;

/** What the Worker of an analysis receives: the graph as the plugin's `graph.read` sees it. */
export interface AnalysisInput {
  readonly entities: readonly EntityInfo[];
  readonly relations: readonly RelationInfo[];
}

/** The messages between the page and an analysis Worker. */
type ToWorker = { type: 'repertoire.analysis.run'; input: AnalysisInput };
type FromWorker =
  | { type: 'repertoire.analysis.result'; result: AnalysisResult }
  | { type: 'repertoire.analysis.error'; message: string };

/** What `analysisInWorker` needs of a Worker (the browser's `Worker` has it). */
export interface AnalysisWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/** Options of {@link analysisInWorker}. */
export interface AnalysisInWorkerOptions {
  /** After this long the Worker is stopped and the run fails (default 60 s). */
  readonly timeoutMs?: number;
}

const isFromWorker = (data: unknown): data is FromWorker => {
  if (!data || typeof data !== 'object') return false;
  const { type } = data as { type?: unknown };
  return type === 'repertoire.analysis.result' || type === 'repertoire.analysis.error';
};

/**
 * An analysis provider that computes in a Worker of its own (since 1.5). `start` makes the Worker,
 * written so the bundler sees it: `() => new Worker(new URL('./gaps.worker.ts', import.meta.url),
 * { type: 'module' })`; the Worker's module calls {@link serveAnalysis}. Each run reads the graph
 * through `graph` (declare `graph.read`), starts a fresh Worker, and stops it once it answered,
 * failed or timed out, so a hung computation never outlives its tab.
 */
export function analysisInWorker(
  graph: Pick<GraphApi, 'entities' | 'relations'>,
  start: () => AnalysisWorker,
  options: AnalysisInWorkerOptions = {},
): AnalysisProvider {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    async run() {
      const input: AnalysisInput = {
        entities: await graph.entities(),
        relations: await graph.relations(),
      };
      const worker = start();
      try {
        return await new Promise<AnalysisResult>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`the analysis did not finish within ${timeoutMs / 1000} s`)),
            timeoutMs,
          );
          const settle = (fn: () => void) => {
            clearTimeout(timer);
            fn();
          };
          worker.addEventListener('message', ({ data }) => {
            if (!isFromWorker(data))
              return settle(() =>
                reject(new Error('the analysis Worker posted something that is not an answer')),
              );
            if (data.type === 'repertoire.analysis.error')
              return settle(() => reject(new Error(String(data.message))));
            settle(() => resolve(data.result));
          });
          worker.addEventListener('error', (event) =>
            settle(() =>
              reject(
                new Error(`the analysis Worker failed: ${event.message ?? 'it did not load'}`),
              ),
            ),
          );
          const message: ToWorker = { type: 'repertoire.analysis.run', input };
          worker.postMessage(message);
        });
      } finally {
        worker.terminate();
      }
    },
  };
}

/** What a Worker's global scope offers {@link serveAnalysis}. */
export interface AnalysisWorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * Answers the page's runs in an analysis Worker's module (since 1.5): `compute` gets the graph and
 * returns the result (view content, e.g. a table); what it throws reaches the tab as the error.
 */
export function serveAnalysis(
  compute: (input: AnalysisInput) => AnalysisResult | Promise<AnalysisResult>,
  scope: AnalysisWorkerScope = globalThis as unknown as AnalysisWorkerScope,
): void {
  scope.addEventListener('message', async ({ data }) => {
    const run = data as Partial<ToWorker> | null;
    if (run?.type !== 'repertoire.analysis.run' || !run.input) return;
    let answer: FromWorker;
    try {
      answer = { type: 'repertoire.analysis.result', result: await compute(run.input) };
    } catch (error) {
      answer = {
        type: 'repertoire.analysis.error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    scope.postMessage(answer);
  });
}
