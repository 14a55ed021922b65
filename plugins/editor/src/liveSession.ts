import type { CollabProvider, CollabSession } from '@repertoire/editor';
import type { Disposable, JsonObject, LiveDocument } from '@repertoire/plugin-api';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';

type SyncListener = (isSynced: boolean) => void;

/**
 * The editor's collaboration session over a {@link LiveDocument} the host binds: a `Y.Doc` and
 * awareness of this view's own, kept in step with the shared document through the binding's
 * updates, so the plugin never holds the host's document or connection. The copy fills when the
 * editor first listens for `sync`, and the editor hears `sync` once the copy holds the server's
 * content (Lexical bootstraps an empty document on it, so it must never come from an empty offline
 * cache alone).
 */
export function liveCollabSession(
  live: LiveDocument,
  report: (error: unknown) => void,
): CollabSession & Disposable {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const syncListeners = new Set<SyncListener>();
  let synced = false;
  let disposed = false;
  const subscriptions: Disposable[] = [
    live.onDidUpdate((update) => Y.applyUpdate(doc, update, live)),
    live.onDidChangePresence((update) => applyAwarenessUpdate(awareness, update, live)),
  ];
  const sendUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === live || disposed || !live.writable) return;
    live.update(update).catch(report);
  };
  doc.on('update', sendUpdate);
  const sendPresence = (_change: unknown, origin: unknown) => {
    if (origin === 'local' && !disposed)
      live.setPresence((awareness.getLocalState() ?? null) as JsonObject | null);
  };
  awareness.on('update', sendPresence);

  // The copy is filled only once the editor listens (from its mount effects): Lexical renders what
  // arrives after its binding exists, never what a document already held when it bound.
  let loading = false;
  const load = async () => {
    if (loading) return;
    loading = true;
    try {
      Y.applyUpdate(doc, await live.state(), live);
      applyAwarenessUpdate(awareness, await live.presence(), live);
      await live.whenSynced;
      // What arrived between reading the state and the server's sync came through onDidUpdate.
      if (disposed) return;
      synced = true;
      for (const listener of [...syncListeners]) listener(true);
    } catch (error) {
      if (!disposed) report(error);
    }
  };

  const provider = {
    awareness,
    // The host owns the connection: the editor's connect and disconnect change nothing.
    connect: () => undefined,
    disconnect: () => undefined,
    on(event: string, listener: SyncListener) {
      if (event !== 'sync') return;
      syncListeners.add(listener);
      void load();
      if (synced) queueMicrotask(() => listener(true));
    },
    off(event: string, listener: SyncListener) {
      if (event === 'sync') syncListeners.delete(listener);
    },
  };
  return {
    doc,
    provider: provider as unknown as CollabProvider,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const s of subscriptions) s.dispose();
      doc.off('update', sendUpdate);
      awareness.off('update', sendPresence);
      awareness.destroy();
      doc.destroy();
      syncListeners.clear();
    },
  };
}
