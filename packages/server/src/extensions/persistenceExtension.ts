import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';
import { GroupCommit } from '../store/groupCommit.ts';
import { loadInto } from '../store/liveDocuments.ts';
import { DocumentRepairs } from '../sync/documentRepairs.ts';
import { HeldAcknowledgements } from '../sync/heldAcknowledgements.ts';

/** After this many stored updates a document is compacted into one state. */
const COMPACT_AFTER = 500;
const UPDATE = 2;

/** An update with no structs and no deletions (`[0, 0]`), which changes nothing. */
const isEmptyUpdate = (update: Uint8Array) =>
  update.length === 2 && update[0] === 0 && update[1] === 0;

/**
 * Durable storage, as two extensions (Hocuspocus runs hooks by priority, and the two jobs need
 * different places in that order):
 * - `persistence` (early) loads documents, compacts their log, and appends every update that does
 *   not come from a member's connection (the server's own changes, the y-websocket endpoint)
 *   synchronously from the document's `update` event, before anything acknowledges it;
 * - `groupCommit` (last, after every check) hands a member's live edit to the group commit in
 *   `beforeSync`, and holds that connection's acknowledgement until the commit is done
 *   (`HeldAcknowledgements`); Hocuspocus applies and relays the update at once, so the other
 *   members never wait for the store, and the sender's next message is not held behind it. All
 *   the updates that arrive in one event-loop turn share one transaction (`GroupCommit`), so an
 *   acknowledged change is on disk and the store commits once per turn, not once per update.
 * An update refused by an earlier hook (validation, read-only) is never reached, so never stored.
 * Both go through `services.liveDocuments`: synchronous on SQLite, promises on PostgreSQL (item 13:
 * no query blocks the event loop; there the `update` event's appends are in flight when it returns,
 * and unloading a document waits for them).
 */
export function persistenceExtensions(services: ServerServices): Extension[] {
  const { liveDocuments: documents, metrics, logger } = services;
  const appended = new Map<string, number>();
  const group = new GroupCommit(documents, (n, seconds) => metrics.observeCommit(n, seconds));
  // Bytes of the `update` event's appends still in flight (PostgreSQL), per document: the quota
  // counts them as stored, or y-websocket edits could outrun it while their appends are on the wire.
  const inFlightBytes = new Map<string, number>();
  services.quota.countUnstored((prefix) => {
    let bytes = group.pendingBytes(prefix);
    for (const [name, n] of inFlightBytes) if (name.startsWith(prefix)) bytes += n;
    return bytes;
  });
  const acknowledgements = new HeldAcknowledgements((error) =>
    logger.error({ err: error }, 'storing a live edit failed; its sender is disconnected'),
  );
  // Appends from `update` events still in flight (PostgreSQL), per document.
  const inFlight = new Map<string, Set<Promise<void>>>();
  const track = (name: string, write: Promise<void>, bytes: number) => {
    const set = inFlight.get(name) ?? new Set();
    inFlight.set(name, set);
    inFlightBytes.set(name, (inFlightBytes.get(name) ?? 0) + bytes);
    const settled = write.then(
      () => {},
      (error: unknown) => logger.error({ err: error, document: name }, 'storing an update failed'),
    );
    set.add(settled);
    void settled.then(() => {
      set.delete(settled);
      const left = (inFlightBytes.get(name) ?? 0) - bytes;
      if (left > 0) inFlightBytes.set(name, left);
      else inFlightBytes.delete(name);
    });
  };
  const settle = (name: string) => Promise.all([...(inFlight.get(name) ?? [])]);
  // Connections whose next applied update was already committed by `beforeSync`.
  const committed = new WeakSet<object>();
  const count = (name: string) => appended.set(name, (appended.get(name) ?? 0) + 1);

  const compact = async (name: string, doc: Y.Doc) => {
    appended.set(name, 0);
    await metrics.timeStore(() => documents.compact(name, Y.encodeStateAsUpdate(doc)));
  };
  // The live documents by name, for repairs (a failed commit's edit is only in the live state).
  const loaded = new Map<string, Y.Doc>();
  const repairs = new DocumentRepairs(
    async (name) => {
      const doc = loaded.get(name);
      // Unloaded meanwhile: `beforeUnloadDocument` compacted it.
      if (doc) await compact(name, doc);
    },
    (error, name) =>
      logger.error({ err: error, document: name }, 'storing a live document failed; retrying'),
  );

  const persistence: Extension = {
    extensionName: 'repertoire-persistence',
    priority: 900,
    async onLoadDocument({ document, documentName }) {
      await metrics.timeStore(() => loadInto(documents, documentName, document));
      // A long log means earlier runs never compacted it (killed before the debounced store):
      // fold it now, or every later load replays it all again.
      const pending = await documents.pendingUpdates(documentName);
      if (pending >= COMPACT_AFTER) await compact(documentName, document);
      else appended.set(documentName, pending);
      loaded.set(documentName, document);
      document.on('update', (update: Uint8Array, origin: unknown) => {
        const o = origin as { source?: string; connection?: object } | null;
        // Changes relayed by Redis were stored by the instance that received them.
        if (o?.source === 'redis') return;
        if (o?.source === 'connection' && o.connection && committed.has(o.connection)) {
          committed.delete(o.connection);
          return;
        }
        const write = metrics.timeStore(() =>
          documents.appendAll([{ name: documentName, update }]),
        );
        if (write) track(documentName, write, update.byteLength);
        count(documentName);
      });
      return document;
    },
    async onStoreDocument({ document, documentName, clientsCount }) {
      const n = appended.get(documentName) ?? 0;
      if (n >= COMPACT_AFTER || (clientsCount === 0 && n > 0))
        await compact(documentName, document);
    },
    async beforeUnloadDocument({ document, documentName }) {
      await settle(documentName);
      inFlight.delete(documentName);
      if ((appended.get(documentName) ?? 0) > 0) await compact(documentName, document);
      appended.delete(documentName);
      loaded.delete(documentName);
    },
    async onDestroy() {
      repairs.close();
      await group.idle();
      await Promise.all([...inFlight.keys()].map(settle));
    },
  };

  const groupCommit: Extension = {
    extensionName: 'repertoire-group-commit',
    // Last of all beforeSync hooks: only an update every check let through is stored.
    priority: 1,
    async beforeSync({ type, payload, documentName, connection }) {
      // Whatever this message applies is stored by the update event unless committed here.
      committed.delete(connection);
      // While a failed commit's edit is being stored again, nothing on the document is
      // acknowledged: later updates build on it, and a reconnect's sync step 2 adds nothing.
      const repairing = connection.readOnly ? undefined : repairs.pending(documentName);
      // Only live edits (update messages) are grouped: a reconnect's sync step 2 carries the
      // whole delete set each time, so storing its payload would grow the log; its update event
      // stores just what was new, as before.
      if (type !== UPDATE || connection.readOnly || isEmptyUpdate(payload)) {
        if (repairing) acknowledgements.hold(connection, repairing);
        return;
      }
      const stored = group.append(documentName, payload);
      stored.catch(() => repairs.start(documentName));
      acknowledgements.hold(connection, repairing ? stored.then(() => repairing) : stored);
      committed.add(connection);
      count(documentName);
    },
  };

  return [persistence, groupCommit];
}
