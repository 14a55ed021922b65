import { type Disposable, toDisposable } from './disposable.ts';

// This runs in the page, in Node and in Workers; every one of them has a console.
declare const console: { error(...args: unknown[]): void };

/** Options of an {@link Emitter}. */
export interface EmitterOptions {
  /** Where errors thrown by listeners go (console.error by default). */
  onListenerError?: (error: unknown) => void;
  /**
   * Rethrow the first listener error from `fire`, after every listener ran, instead of reporting
   * it: for models whose callers must learn that a reaction failed (the core's change events).
   */
  rethrowListenerErrors?: boolean;
  /** Called when the first listener subscribes (start a feed lazily). */
  onFirstListener?: () => void;
  /** Called when the last listener leaves (stop the feed). */
  onLastListener?: () => void;
}

/**
 * A subscribable event: call it with a listener to subscribe; dispose the result to unsubscribe.
 * Named `onDid…` (after the fact) or `onWill…` (before), as in VS Code.
 */
export type Event<T> = (listener: (event: T) => void) => Disposable;

/**
 * Owns an {@link Event} and fires it. A listener that throws does not stop the others; its error is
 * reported through `onListenerError` (console.error by default).
 */
export class Emitter<T> implements Disposable {
  readonly #listeners = new Set<(event: T) => void>();
  readonly #onListenerError: (error: unknown) => void;
  #disposed = false;

  readonly #options: EmitterOptions;

  /** @param options hooks for listener errors and for the first and last listener. */
  constructor(options: EmitterOptions = {}) {
    this.#options = options;
    this.#onListenerError = this.#options.onListenerError ?? ((error) => console.error(error));
  }

  /** The event to hand out to subscribers. */
  readonly event: Event<T> = (listener) => {
    if (this.#disposed) return toDisposable(() => {});
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const wrapped = (event: T) => listener(event);
    this.#listeners.add(wrapped);
    if (this.#listeners.size === 1) this.#options.onFirstListener?.();
    return toDisposable(() => {
      if (!this.#listeners.delete(wrapped)) return;
      if (this.#listeners.size === 0) this.#options.onLastListener?.();
    });
  };

  /** How many listeners are subscribed (for leak checks). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Whether anyone listens (lets callers skip building an event nobody reads). */
  get hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  /** Calls every listener with `event`, in subscription order; one throwing stops no other. */
  fire(event: T): void {
    let failure: { error: unknown } | undefined;
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        if (this.#options.rethrowListenerErrors) failure ??= { error };
        else this.#onListenerError(error);
      }
    }
    if (failure) throw failure.error;
  }

  /** Drops every listener; later subscriptions are ignored. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const had = this.#listeners.size > 0;
    this.#listeners.clear();
    if (had) this.#options.onLastListener?.();
  }
}
