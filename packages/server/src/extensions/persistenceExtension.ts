import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';

/** After this many stored updates a document is compacted into one state. */
const COMPACT_AFTER = 500;

/**
 * Durable storage. Every update applied to a loaded document is appended to the store
 * synchronously from the document's own `update` event, which Yjs fires inside the apply, before
 * Hocuspocus sends the sync acknowledgement; so an acknowledged change is on disk. The debounced
 * store hook compacts the appended updates into one state, and so does loading a document whose
 * log grew long (a server killed before it compacted).
 */
export function persistenceExtension(services: ServerServices): Extension {
  const { documents, metrics } = services;
  const appended = new Map<string, number>();

  const compact = (name: string, doc: Y.Doc) => {
    metrics.timeStore(() => documents.compact(name, Y.encodeStateAsUpdate(doc)));
    appended.set(name, 0);
  };

  return {
    extensionName: 'repertoire-persistence',
    priority: 900,
    async onLoadDocument({ document, documentName }) {
      metrics.timeStore(() => documents.loadInto(documentName, document));
      // A long log means earlier runs never compacted it (killed before the debounced store):
      // fold it now, or every later load replays it all again.
      if (documents.pendingUpdates(documentName) >= COMPACT_AFTER) compact(documentName, document);
      else appended.set(documentName, documents.pendingUpdates(documentName));
      document.on('update', (update: Uint8Array, origin: unknown) => {
        // Changes relayed by Redis were stored by the instance that received them.
        if ((origin as { source?: string } | null)?.source === 'redis') return;
        metrics.timeStore(() => documents.append(documentName, update));
        appended.set(documentName, (appended.get(documentName) ?? 0) + 1);
      });
      return document;
    },
    async onStoreDocument({ document, documentName, clientsCount }) {
      const count = appended.get(documentName) ?? 0;
      if (count >= COMPACT_AFTER || (clientsCount === 0 && count > 0))
        compact(documentName, document);
    },
    async beforeUnloadDocument({ document, documentName }) {
      if ((appended.get(documentName) ?? 0) > 0) compact(documentName, document);
      appended.delete(documentName);
    },
  };
}
