import type { Provider } from '@lexical/yjs';
import type { Doc } from 'yjs';

/**
 * The provider the editor binds to: exactly `@lexical/yjs`'s own `Provider` shape (awareness,
 * connect/disconnect, `sync`/`status`/`update`/`reload` events), so HocuspocusProvider, the sync
 * package's provider or a test's in-memory pair all fit through an adapter.
 */
export type CollabProvider = Provider;

/** A provider together with the Y.Doc it syncs: what one open document needs. */
export interface CollabSession {
  doc: Doc;
  provider: CollabProvider;
}
