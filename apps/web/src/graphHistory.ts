import { createGraphDoc, type GraphState, readGraphState } from '@repertoire/core';
import type { GraphHistory, KeptGraphState } from '@repertoire/plugin-host';
import type { ApiClient } from '@repertoire/sync';
import * as Y from 'yjs';

/** Decoded snapshots kept at once: scrubbing the time bar revisits the same few. */
const KEEP = 8;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The graph held by a full-state Yjs update of a graph doc (what the server keeps). */
function stateOf(update: string): GraphState {
  const doc = createGraphDoc();
  try {
    Y.applyUpdate(doc, fromBase64(update));
    return readGraphState(doc);
  } finally {
    doc.destroy();
  }
}

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
      else kept = { at: new Date(snapshot.at), state: stateOf(update) };
      decoded.set(snapshot.id, kept);
      for (const id of decoded.keys()) {
        if (decoded.size <= KEEP) break;
        decoded.delete(id);
      }
      return kept;
    },
  };
}
