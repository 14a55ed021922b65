import * as Y from 'yjs';
import type { DocumentStore } from './documentStore.ts';

/** One update to append: the document's name and the Yjs update. */
export interface DocumentAppend {
  readonly name: string;
  readonly update: Uint8Array;
}

/**
 * The store operations the live sync path needs (load, append, compact), as the persistence
 * extension and group commit use them. SQLite answers synchronously (`appendAll` returns nothing,
 * so an append is on disk when the call returns); PostgreSQL answers with promises over a
 * connection pool, so the event loop keeps serving other sockets while a query is on the wire,
 * and an acknowledgement waits for the promise (issue 14, item 13).
 */
export interface LiveDocuments {
  /** Appends every entry in one transaction; a promise when the store is asynchronous. */
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

/** The synchronous SQLite document store behind the {@link LiveDocuments} shape. */
export function syncLiveDocuments(store: DocumentStore): LiveDocuments {
  return {
    appendAll: (entries) => store.appendAll(entries),
    load: async (name) => store.load(name),
    pendingUpdates: async (name) => store.pendingUpdates(name),
    compact: async (name, state) => store.compact(name, state),
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
