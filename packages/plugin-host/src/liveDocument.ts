import { Emitter, type LiveDocument, PermissionDeniedError } from '@repertoire/plugin-api';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LiveDocumentSource } from './services.ts';

/** Who is bound and what they may do. */
export interface LiveDocumentGrant {
  /** The plugin bound to the document. */
  readonly pluginId: string;
  /** Whether its manifest grants `documents.write`. */
  readonly write: boolean;
}

/**
 * Binds a plugin to a document the host holds: the plugin sees the content only as Yjs updates
 * and its changes reach the shared document only through {@link LiveDocument.update}, which is
 * checked against `documents.write` and the member's role each time. The source's `Y.Doc` and
 * awareness never leave this function.
 */
export function bindLiveDocument(
  id: string,
  source: LiveDocumentSource,
  grant: LiveDocumentGrant,
  onDispose: () => void,
): LiveDocument {
  // Updates the plugin sent carry this origin, so they are not echoed back to it.
  const origin = Symbol(`plugin ${grant.pluginId}`);
  const updates = new Emitter<Uint8Array>();
  const presence = new Emitter<Uint8Array>();
  let disposed = false;
  const onUpdate = (update: Uint8Array, from: unknown) => {
    if (from !== origin) updates.fire(update);
  };
  source.doc.on('update', onUpdate);
  const awareness = source.awareness;
  const others = () =>
    awareness ? [...awareness.getStates().keys()].filter((c) => c !== awareness.clientID) : [];
  const onAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    from: unknown,
  ) => {
    if (!awareness || from === origin) return;
    const clients = [...change.added, ...change.updated, ...change.removed].filter(
      (c) => c !== awareness.clientID,
    );
    if (clients.length > 0) presence.fire(encodeAwarenessUpdate(awareness, clients));
  };
  awareness?.on('update', onAwareness);
  const writable = () => grant.write && source.canEdit();
  const demandWritable = (call: string) => {
    if (disposed) throw new Error(`${call}: document ${id} was closed.`);
    if (!grant.write) throw new PermissionDeniedError(grant.pluginId, 'documents.write', call);
    if (!source.canEdit())
      throw new Error(`${call}: this workspace is read-only for you, so document ${id} is too.`);
  };

  const live: LiveDocument = {
    id,
    get writable() {
      return writable();
    },
    whenLoaded: source.whenLoaded,
    whenSynced: source.whenSynced,
    async state() {
      if (disposed) throw new Error(`liveDocument.state: document ${id} was closed.`);
      return Y.encodeStateAsUpdate(source.doc);
    },
    onDidUpdate: updates.event,
    async update(update) {
      demandWritable('liveDocument.update');
      if (!(update instanceof Uint8Array))
        throw new Error('liveDocument.update: the update must be a Uint8Array (a Yjs update).');
      try {
        // Decoding first rejects bytes that are not an update before anything is applied.
        Y.decodeUpdate(update);
      } catch {
        throw new Error('liveDocument.update: these bytes are not a Yjs update.');
      }
      Y.applyUpdate(source.doc, update, origin);
    },
    async presence() {
      // An awareness update listing no clients: a count of zero.
      if (!awareness) return new Uint8Array([0]);
      return encodeAwarenessUpdate(awareness, others());
    },
    onDidChangePresence: presence.event,
    setPresence(state) {
      if (disposed || !awareness) return;
      awareness.setLocalState(state);
    },
    async setMentions(entityIds) {
      demandWritable('liveDocument.setMentions');
      if (!Array.isArray(entityIds) || entityIds.some((e) => typeof e !== 'string'))
        throw new Error('liveDocument.setMentions: give the list of entity ids mentioned.');
      source.setMentions(entityIds);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      source.doc.off('update', onUpdate);
      awareness?.off('update', onAwareness);
      updates.dispose();
      presence.dispose();
      source.release();
      onDispose();
    },
  };
  return live;
}
