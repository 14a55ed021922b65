// Kept apart from savedViews.ts, which parses views with @repertoire/graph-view: the plugin's entry
// needs only these, and must stay small (Cytoscape and the explorer load when the tab is shown).
import type { ExplorerState } from '@repertoire/graph-view';
import { Emitter } from '@repertoire/plugin-api';

/**
 * The entity kind a saved graph view is stored as: shared with every member through the graph,
 * listed in the Explorer (renamed and deleted there), opened with {@link OPEN_VIEW_COMMAND}.
 */
export const GRAPH_VIEW_KIND = 'graphView';
/** The command that opens a saved view (the kind's `openCommand`), called with its id. */
export const OPEN_VIEW_COMMAND = 'graph.openView';

/**
 * The saved view to show next, handed from the command to the Graph tab: the tab may be open
 * (it hears `onDidOpen`) or about to mount (it takes `pending`).
 */
export class ViewRequests {
  readonly #onDidOpen = new Emitter<ExplorerState>();
  /** Fires with each saved view opened while a tab listens. */
  readonly onDidOpen = this.#onDidOpen.event;
  #pending: ExplorerState | null = null;

  /** Hands a view to the tab. */
  open(state: ExplorerState): void {
    this.#pending = state;
    this.#onDidOpen.fire(state);
  }

  /** The view asked for last, once (a tab mounting takes it). */
  take(): ExplorerState | null {
    const s = this.#pending;
    this.#pending = null;
    return s;
  }

  dispose(): void {
    this.#onDidOpen.dispose();
  }
}
