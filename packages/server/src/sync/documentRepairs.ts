/** Waits before the next attempt: 100 ms, doubling, at most 5 s. */
const backoff = (attempt: number) => Math.min(5_000, 100 * 2 ** attempt);

/**
 * Documents whose live state holds an edit the store failed to commit (issue 14, item 12).
 * Relaying first means the edit is already in the live document and on everyone's screen when its
 * commit fails; the log now lacks it, and every later update that builds on it would load as
 * pending structs after a crash. So the whole live state is written again (a compaction), retried
 * with backoff until the store takes it, and until then no acknowledgement on that document is
 * sent: acknowledged still means stored.
 */
export class DocumentRepairs {
  readonly #pending = new Map<string, Promise<void>>();
  readonly #store: (name: string) => Promise<void>;
  readonly #onError: (error: unknown, name: string) => void;
  #closed = false;

  /** `store` writes the document's whole live state; `onError` hears each failed attempt. */
  constructor(
    store: (name: string) => Promise<void>,
    onError: (error: unknown, name: string) => void,
  ) {
    this.#store = store;
    this.#onError = onError;
  }

  /** The repair of `name` in progress, if any: resolves once its live state is stored. */
  pending(name: string): Promise<void> | undefined {
    return this.#pending.get(name);
  }

  /** Starts repairing `name` unless that is already under way. */
  start(name: string): Promise<void> {
    const running = this.#pending.get(name);
    if (running) return running;
    const repair = this.#repair(name).finally(() => this.#pending.delete(name));
    // Nobody may be waiting yet; a rejection here is reported through `onError` already.
    repair.catch(() => {});
    this.#pending.set(name, repair);
    return repair;
  }

  /** Stops retrying (the server is shutting down): repairs in progress reject. */
  close(): void {
    this.#closed = true;
  }

  async #repair(name: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.#closed) throw new Error(`the server closed before ${name} could be stored`);
      try {
        await this.#store(name);
        return;
      } catch (error) {
        this.#onError(error, name);
      }
      await new Promise((r) => setTimeout(r, backoff(attempt)));
    }
  }
}
