import { graphStateFromUpdate } from '@repertoire/core';
import type { GraphHistory, KeptGraphState } from '@repertoire/plugin-host';
import type { ApiClient } from '@repertoire/sync';

/** Decoded snapshots kept at once: scrubbing the time bar revisits the same few. */
const KEEP = 8;

/**
 * The open workspace's past as the server keeps it, for the plugin API's `graph.at` (the graph
 * explorer's time bar): the latest snapshot the server took at or before a date
 * (`GET /api/workspaces/:id/history/graph/state?at=`). Recently used snapshots are decoded once.
 * When the server cannot answer (offline), there is no kept state and `graph.at` falls back to
 * creation stamps, so the time bar keeps working.
 */
export function serverGraphHistory(
  api: Pick<ApiClient, 'graphStateAt'>,
  workspaceId: string,
): GraphHistory {
  const decoded = new Map<string, KeptGraphState>();
  return {
    async stateAt(date) {
      let answer: Awaited<ReturnType<ApiClient['graphStateAt']>>;
      try {
        answer = await api.graphStateAt(workspaceId, date);
      } catch (error) {
        console.warn('The graph history could not be read from the server:', error);
        return undefined;
      }
      const { snapshot, update } = answer;
      if (!snapshot) return undefined;
      let kept = decoded.get(snapshot.id);
      if (kept) decoded.delete(snapshot.id);
      else kept = { at: new Date(snapshot.at), state: graphStateFromUpdate(update) };
      decoded.set(snapshot.id, kept);
      for (const id of decoded.keys()) {
        if (decoded.size <= KEEP) break;
        decoded.delete(id);
      }
      return kept;
    },
  };
}
