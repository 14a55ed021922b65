import type { Disposable } from '@repertoire/base';
import type { ViewContent } from './views.ts';

// Analyses (since API 1.4): a plugin declares an analysis in `contributes.analyses` and implements
// it here. The member runs it with "Analyses: Run an analysis…"; the workbench opens a tab and
// shows the result. A sandboxed plugin's analysis runs in its Worker; an in-page (built-in)
// plugin's runs in the page, so it should yield (await) between steps of a long computation.

/**
 * What an analysis shows: any view content, usually a chart, a list or a table (since 1.4). It is
 * checked by the host like a view's; content that does not match shows a clear error in the tab.
 */
export type AnalysisResult = ViewContent;

/** Runs one declared analysis (since 1.4). */
export interface AnalysisProvider {
  /**
   * Computes the result, reading the graph through the plugin's own API (`context.graph`, with its
   * permissions: declare `graph.read`). Called each time the member runs it.
   */
  run(): AnalysisResult | Promise<AnalysisResult>;
}

/** Analyses declared in `contributes.analyses` (since 1.4). */
export interface AnalysesApi {
  /**
   * Implements a declared analysis. Throws when the manifest does not declare `id` or it already
   * has a provider. Dispose to unregister.
   */
  registerAnalysis(id: string, provider: AnalysisProvider): Disposable;
}
