import * as Y from 'yjs';
import type { DocumentStore } from './documentStore.ts';
import type { SqliteDatabase } from './sqliteDatabase.ts';

/** One update to append: the document's name and the Yjs update. */
export interface DocumentAppend {
  readonly name: string;
  readonly update: Uint8Array;
}

/**
 * The store operations the live sync path needs (load, append, compact), as the persistence
 * extension and group commit use them. SQLite appends synchronously when it can (`appendAll`
 * returns nothing, so an append is on disk when the call returns); PostgreSQL answers with
 * promises over a connection pool, so the event loop keeps serving other sockets while a query
 * is on the wire, and an acknowledgement waits for the promise (issue 14, item 13).
 */
export interface LiveDocuments {
  /** Appends every entry in one transaction; a promise when the store answers asynchronously. */
  appendAll(entries: readonly DocumentAppend[]): void | Promise<void>;
  /** The whole stored document as one update, or null when nothing is stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** How many updates of `name` are stored beside its compacted state. */
  pendingUpdates(name: string): Promise<number>;
  /** Folds the stored updates of `name` and `state` into one compacted state. */
  compact(name: string, state: Uint8Array): Promise<void>;
  /** Waits for what is in flight and releases the connections (nothing for SQLite). */
  close(): Promise<void>;
}

const APPEND = 'INSERT INTO document_updates (name, data, received_at) VALUES (?, ?, ?)';

/**
 * The SQLite document store behind the {@link LiveDocuments} shape. A group commit is written
 * synchronously (no promise, no turn of the event loop before the acknowledgement) unless another
 * store's transaction is open on the connection, when it waits for that to end rather than
 * joining it.
 */
export function sqliteLiveDocuments(db: SqliteDatabase, store: DocumentStore): LiveDocuments {
  return {
    appendAll: (entries) => {
      if (db.busy) return store.appendAll(entries);
      const at = new Date().toISOString();
      const append = db.statement(APPEND);
      if (entries.length === 1) {
        const [only] = entries as [DocumentAppend];
        append.run(only.name, only.update, at);
        return;
      }
      db.sync.exec('BEGIN IMMEDIATE');
      try {
        for (const { name, update } of entries) append.run(name, update, at);
        db.sync.exec('COMMIT');
      } catch (error) {
        if (db.sync.isTransaction) db.sync.exec('ROLLBACK');
        throw error;
      }
    },
    load: (name) => store.load(name),
    pendingUpdates: (name) => store.pendingUpdates(name),
    compact: (name, state) => store.compact(name, state),
    close: async () => {},
  };
}

/** Applies a loaded document (from {@link LiveDocuments.load}) to `doc`; whether one was stored. */
export async function loadInto(live: LiveDocuments, name: string, doc: Y.Doc): Promise<boolean> {
  const update = await live.load(name);
  if (!update) return false;
  Y.applyUpdate(doc, update);
  return true;
}
