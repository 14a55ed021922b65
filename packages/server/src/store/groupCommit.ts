import type { DocumentStore } from './documentStore.ts';

interface Pending {
  readonly name: string;
  readonly update: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit (issue 14, item 12): the updates handed in during one event-loop turn are written
 * in one transaction at the end of the turn (`setImmediate`), and each caller's promise resolves
 * only once that transaction committed. A caller that waits for its promise before acknowledging
 * keeps "acknowledged means durable" while the store pays one commit (one fsync) per turn, not one
 * per update. When the commit fails, every caller of that turn is rejected and nothing of the
 * batch is stored.
 */
export class GroupCommit {
  readonly #documents: DocumentStore;
  readonly #onCommit: ((updates: number, seconds: number) => void) | undefined;
  #pending: Pending[] = [];
  #scheduled = false;

  /** `onCommit` hears how many updates each committed transaction held and how long it took. */
  constructor(documents: DocumentStore, onCommit?: (updates: number, seconds: number) => void) {
    this.#documents = documents;
    this.#onCommit = onCommit;
  }

  /** Queues `update` of document `name`; resolves once it is committed. */
  append(name: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ name, update, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(this.flush);
    });
  }

  /** Commits everything queued now (also the end-of-turn callback). */
  readonly flush = (): void => {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    const start = performance.now();
    try {
      this.#documents.appendAll(batch);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    this.#onCommit?.(batch.length, (performance.now() - start) / 1000);
    for (const p of batch) p.resolve();
  };
}
