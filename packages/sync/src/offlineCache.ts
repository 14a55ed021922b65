import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** A document's copy in the browser's IndexedDB, so a workspace opens and edits offline. */
export interface OfflineCache {
  /** Resolves once the cached state has been applied to the document. */
  readonly whenLoaded: Promise<void>;
  /** Stops caching (the stored copy stays). */
  dispose(): void;
  /** Stops caching and deletes the stored copy, so the next load is the server's. */
  clear(): Promise<void>;
}

/** Whether this environment has IndexedDB (browsers do, Node does not). */
export const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

/**
 * Caches `doc` under `key` with y-indexeddb. Without IndexedDB it caches nothing and reports loaded
 * at once, so the same code runs in Node tests.
 */
export function openOfflineCache(key: string, doc: Y.Doc): OfflineCache {
  if (!hasIndexedDb())
    return { whenLoaded: Promise.resolve(), dispose() {}, clear: () => Promise.resolve() };
  const persistence = new IndexeddbPersistence(key, doc);
  return {
    whenLoaded: persistence.whenSynced.then(() => undefined),
    dispose: () => void persistence.destroy(),
    clear: () => persistence.clearData(),
  };
}
