/** Counts events per key in a sliding window; `hit` says whether the key is still under `max`. */
export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #events = new Map<string, number[]>();

  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  #recent(key: string, now: number): number[] {
    const events = (this.#events.get(key) ?? []).filter((t) => now - t < this.#windowMs);
    if (events.length === 0) this.#events.delete(key);
    else this.#events.set(key, events);
    return events;
  }

  /** Whether `key` may act now (without counting it). */
  allowed(key: string, now = Date.now()): boolean {
    return this.#recent(key, now).length < this.#max;
  }

  /** Counts one event for `key`; returns whether it was within the limit. */
  hit(key: string, now = Date.now()): boolean {
    const events = this.#recent(key, now);
    events.push(now);
    this.#events.set(key, events);
    return events.length <= this.#max;
  }

  /** Seconds until `key` may act again. */
  retryAfter(key: string, now = Date.now()): number {
    const oldest = this.#recent(key, now)[0];
    return oldest === undefined ? 0 : Math.ceil((oldest + this.#windowMs - now) / 1000);
  }

  reset(key: string): void {
    this.#events.delete(key);
  }
}
