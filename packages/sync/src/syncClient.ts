import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Emitter, type Event } from '@repertoire/base';
import * as Y from 'yjs';
import { type Disposable, Observable, shallowEqual } from './observable.ts';
import { type OfflineCache, openOfflineCache } from './offlineCache.ts';
import { PendingChanges } from './pendingChanges.ts';
import { guardReadOnly } from './readOnlyGuard.ts';
import { type RefusalCause, refusalOf, type SyncRefusal } from './refusal.ts';

/** The connection as the status bar shows it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'unauthorized';

/** Connection and sync state for the UI. */
export interface SyncState {
  readonly status: ConnectionStatus;
  /** Local changes the server has not yet acknowledged (0 = everything is saved on the server). */
  readonly pendingChanges: number;
  /** When the server last acknowledged everything, as epoch ms. */
  readonly lastSyncedAt: number | undefined;
  /** True while the member chose to work offline (`goOffline`). */
  readonly manualOffline: boolean;
}

/** Reconnect backoff: the first retry after `minDelayMs`, growing by `factor` up to `maxDelayMs`. */
export interface Backoff {
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
}

/** Options of a `SyncClient`. */
export interface SyncClientOptions {
  /** The Hocuspocus endpoint, e.g. `ws://localhost:4321/sync`. */
  readonly url: string;
  /** Fetches a fresh sync token; called on every (re)connect. */
  readonly token: () => Promise<string>;
  /** Keep an IndexedDB copy of every open document (default true where IndexedDB exists). */
  readonly offlineCache?: boolean;
  /** Prefix of the IndexedDB keys, e.g. the user id, so two accounts never share a cache. */
  readonly cacheNamespace?: string;
  readonly backoff?: Partial<Backoff>;
  /** A WebSocket implementation, for environments without a global one. */
  readonly WebSocketPolyfill?: unknown;
}

/** One synced Yjs document, open while someone holds it. */
export interface SyncedDocument {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves when the document has content to show: from the offline cache or the server. */
  readonly whenLoaded: Promise<void>;
  /** Resolves after the first full sync with the server. */
  readonly whenSynced: Promise<void>;
  /** Whether the server granted read-only access (a viewer). */
  readonly readOnly: Observable<boolean>;
  /** Releases this hold; the document closes when the last holder releases it. */
  release(): void;
}

interface OpenEntry {
  readonly doc: SyncedDocument;
  readonly cache: OfflineCache;
  readonly pending: PendingChanges;
  readonly guard: Disposable;
  holders: number;
}

const DEFAULT_BACKOFF: Backoff = { minDelayMs: 300, maxDelayMs: 10_000, factor: 2 };

/**
 * The client side of real-time sync: one WebSocket multiplexing every open document (the graph and
 * any co-edited documents), reconnecting with exponential backoff, with an IndexedDB copy of each
 * document so a workspace opens and can be edited offline and merges on reconnect.
 */
export class SyncClient {
  readonly state = new Observable<SyncState>(
    {
      status: 'connecting',
      pendingChanges: 0,
      lastSyncedAt: undefined,
      manualOffline: false,
    },
    { equals: shallowEqual },
  );
  readonly socket: HocuspocusProviderWebsocket;
  readonly #options: SyncClientOptions;
  readonly #open = new Map<string, OpenEntry>();
  readonly #refusals = new Emitter<SyncRefusal>();

  /**
   * Fires when the server refused local changes (a viewer's edit, an invalid graph update, a full
   * quota) and they were taken back on this device, so the member can be told what and why.
   */
  readonly onDidRefuse: Event<SyncRefusal> = this.#refusals.event;

  readonly #membersChanged = new Emitter<void>();
  /**
   * Fires when the server says a member of the workspace got a new role or was removed, whoever
   * changed it and from whichever window (its stateless `members-changed` message on the graph
   * document), so member lists can read again.
   */
  readonly onDidChangeMembers: Event<void> = this.#membersChanged.event;

  constructor(options: SyncClientOptions) {
    this.#options = options;
    const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      delay: backoff.minDelayMs,
      minDelay: backoff.minDelayMs,
      maxDelay: backoff.maxDelayMs,
      factor: backoff.factor,
      jitter: true,
      maxAttempts: 0,
      // Provider options are typed as a constructor; the polyfill is whatever the caller passes.
      ...(options.WebSocketPolyfill
        ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket }
        : {}),
    });
    this.socket.on('status', ({ status }: { status: string }) => {
      const current = this.state.get();
      if (current.status === 'unauthorized' && status !== 'connected') return;
      this.#patch({
        status:
          status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline',
      });
    });
    this.socket.on('close', ({ event }: { event?: { code?: number; reason?: string } }) =>
      this.#onClose(event?.code, event?.reason),
    );
  }

  /**
   * Opens a document by name (`<workspaceId>/graph`, `<workspaceId>/doc/<id>`), or adds a holder
   * to it when already open. Pass `doc` to sync a document made elsewhere (e.g. the core's
   * `createGraphDoc()`). Release it when done.
   */
  open(name: string, options: { doc?: Y.Doc } = {}): SyncedDocument {
    const existing = this.#open.get(name);
    if (existing) {
      existing.holders++;
      return existing.doc;
    }
    const doc = options.doc ?? new Y.Doc();
    const useCache = this.#options.offlineCache ?? true;
    const cache = useCache
      ? openOfflineCache(`repertoire:${this.#options.cacheNamespace ?? 'default'}:${name}`, doc)
      : { whenLoaded: Promise.resolve(), dispose() {}, clear: () => Promise.resolve() };
    const readOnly = new Observable(false);
    let resolveSynced!: () => void;
    const whenSynced = new Promise<void>((r) => {
      resolveSynced = r;
    });
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.#options.token,
      onSynced: ({ state }) => {
        if (state) resolveSynced();
      },
      onAuthenticated: ({ scope }) => {
        readOnly.set(scope === 'readonly');
        if (this.state.get().status === 'unauthorized') this.#patch({ status: 'connected' });
      },
      onAuthenticationFailed: () => this.#patch({ status: 'unauthorized' }),
      onUnsyncedChanges: () => this.#recount(),
      onStateless: ({ payload }) => this.#onStateless(payload),
    });
    provider.attach();
    const pending = new PendingChanges(doc, provider);
    const entry: OpenEntry = {
      cache,
      pending,
      guard: guardReadOnly(pending, readOnly, (count) =>
        this.#refused(name, 'read-only', undefined, count),
      ),
      holders: 1,
      doc: {
        name,
        doc,
        provider,
        whenSynced,
        whenLoaded: Promise.race([whenSynced, cache.whenLoaded]),
        readOnly,
        release: () => this.#release(name),
      },
    };
    this.#open.set(name, entry);
    return entry.doc;
  }

  /** Names of the documents open now. */
  openDocuments(): string[] {
    return [...this.#open.keys()];
  }

  /** Stops syncing until `goOnline` (edits keep landing in the offline cache). */
  goOffline(): void {
    this.#patch({ manualOffline: true });
    this.socket.disconnect();
    this.socket.shouldConnect = false;
  }

  /** Reconnects after `goOffline`; offline edits merge on both sides. */
  goOnline(): void {
    this.#patch({ manualOffline: false });
    void this.socket.connect();
  }

  /** Calls `listener` whenever the state changes. */
  onDidChangeState(listener: (state: SyncState) => void): Disposable {
    return this.state.onDidChange(listener);
  }

  /** Closes every document and the connection. */
  destroy(): void {
    for (const entry of this.#open.values()) {
      entry.guard.dispose();
      entry.pending.dispose();
      entry.doc.provider.destroy();
      entry.cache.dispose();
    }
    this.#open.clear();
    this.socket.destroy();
    this.#refusals.dispose();
    this.#membersChanged.dispose();
  }

  /** The server's notices; anything else stateless (another extension's) is not ours to read. */
  #onStateless(payload: string): void {
    let notice: unknown;
    try {
      notice = JSON.parse(payload);
    } catch {
      return;
    }
    if ((notice as { type?: unknown } | null)?.type === 'members-changed')
      this.#membersChanged.fire();
  }

  #release(name: string): void {
    const entry = this.#open.get(name);
    if (!entry) return;
    entry.holders--;
    if (entry.holders > 0) return;
    this.#open.delete(name);
    entry.guard.dispose();
    entry.pending.dispose();
    entry.doc.provider.destroy();
    entry.cache.dispose();
    entry.doc.doc.destroy();
    this.#recount();
  }

  /**
   * The server closes the socket on a refused write (`refusalOf` says which codes): the changes it
   * did not acknowledge are taken back, so this device shows what the server holds, and the
   * reconnect's sync carries the change and its undoing together, which the server accepts.
   */
  #onClose(code: number | undefined, reason: string | undefined): void {
    const refusal = refusalOf(code, reason);
    if (!refusal) return;
    const affected = [...this.#open.values()].filter((e) => refusal.affects(e.doc.name));
    let reported = false;
    for (const entry of affected) {
      const count = entry.pending.rollBack();
      if (count === 0) continue;
      reported = true;
      this.#refused(entry.doc.name, refusal.cause, refusal.reason, count);
    }
    if (reported) return;
    // Nothing of this session to take back: the refused change is in the copy this device kept
    // from an earlier one, and each reconnect would send it again, to be refused again. An
    // invalid graph stops syncing here and forgets that copy, so a reload loads the server's.
    const first = affected[0];
    if (!first) return;
    if (refusal.cause !== 'invalid') {
      this.#refused(first.doc.name, refusal.cause, refusal.reason, 0);
      return;
    }
    for (const entry of affected) {
      entry.doc.provider.detach();
      void entry.cache.clear();
      this.#refused(entry.doc.name, refusal.cause, refusal.reason, 0, true);
    }
  }

  #refused(
    documentName: string,
    cause: RefusalCause,
    reason: string | undefined,
    rolledBack: number,
    stopped = false,
  ): void {
    this.#refusals.fire({
      documentName,
      cause,
      ...(reason === undefined ? {} : { reason }),
      rolledBack,
      ...(stopped ? { stopped } : {}),
    });
  }

  #recount(): void {
    let pending = 0;
    for (const e of this.#open.values()) pending += e.doc.provider.unsyncedChanges;
    const before = this.state.get().pendingChanges;
    this.#patch({
      pendingChanges: pending,
      ...(pending === 0 && before > 0 ? { lastSyncedAt: Date.now() } : {}),
    });
  }

  #patch(patch: Partial<SyncState>): void {
    this.state.set({ ...this.state.get(), ...patch });
  }
}
