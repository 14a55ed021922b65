import type { DocumentAppend } from './liveDocuments.ts';

interface Pending extends DocumentAppend {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Where a batch is committed: synchronously (SQLite) or by a promise (PostgreSQL). */
export interface BatchStore {
  appendAll(entries: readonly DocumentAppend[]): void | Promise<void>;
}

/**
 * Group commit (issue 14, item 12): the updates handed in during one event-loop turn are written
 * in one transaction at the end of the turn (`setImmediate`), and each caller's promise resolves
 * only once that transaction committed. A caller that waits for its promise before acknowledging
 * keeps "acknowledged means durable" while the store pays one commit (one fsync) per turn, not one
 * per update. When the commit fails, every caller of that turn is rejected and nothing of the
 * batch is stored.
 *
 * With an asynchronous store (PostgreSQL, item 13) one commit is in flight at a time: what arrives
 * meanwhile waits, and goes in the next commit once the first resolved, so a slow round trip makes
 * the batches bigger instead of blocking the event loop.
 */
export class GroupCommit {
  readonly #store: BatchStore;
  readonly #onCommit: ((updates: number, seconds: number) => void) | undefined;
  #pending: Pending[] = [];
  #scheduled = false;
  #inFlight: Promise<void> | undefined;
  #inFlightBatch: readonly Pending[] = [];

  /** `onCommit` hears how many updates each committed transaction held and how long it took. */
  constructor(store: BatchStore, onCommit?: (updates: number, seconds: number) => void) {
    this.#store = store;
    this.#onCommit = onCommit;
  }

  /** Queues `update` of document `name`; resolves once it is committed. */
  append(name: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ name, update, resolve, reject });
      this.#schedule();
    });
  }

  /** Bytes of the updates of documents whose names start with `prefix` not yet committed. */
  pendingBytes(prefix: string): number {
    let bytes = 0;
    for (const p of [...this.#inFlightBatch, ...this.#pending])
      if (p.name.startsWith(prefix)) bytes += p.update.byteLength;
    return bytes;
  }

  /** Resolves once nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.#inFlight || this.#pending.length > 0) {
      if (!this.#inFlight) this.flush();
      await this.#inFlight;
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight) return;
    this.#scheduled = true;
    setImmediate(this.flush);
  }

  /** Commits everything queued now (also the end-of-turn callback). */
  readonly flush = (): void => {
    this.#scheduled = false;
    if (this.#inFlight) return;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    const start = performance.now();
    const committed = () => {
      this.#onCommit?.(batch.length, (performance.now() - start) / 1000);
      for (const p of batch) p.resolve();
    };
    const failed = (error: unknown) => {
      for (const p of batch) p.reject(error);
    };
    let result: void | Promise<void>;
    try {
      result = this.#store.appendAll(batch);
    } catch (error) {
      failed(error);
      return;
    }
    if (!result) {
      committed();
      return;
    }
    this.#inFlightBatch = batch;
    this.#inFlight = result.then(committed, failed).finally(() => {
      this.#inFlight = undefined;
      this.#inFlightBatch = [];
      if (this.#pending.length > 0) this.#schedule();
    });
  };
}
