/** Something that can be undone or released; everything that registers returns one. */
export interface Disposable {
  dispose(): void;
}

/** A function that subscribes a listener to an event and returns its {@link Disposable}. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

/** Holds listeners of one event and fires them in subscription order. */
export class Emitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  /** Subscribes to the event. */
  readonly event: Event<T> = (listener) => {
    // Wrap so the same function subscribed twice is two subscriptions, each disposable alone.
    const entry = (e: T) => listener(e);
    this.listeners.add(entry);
    return { dispose: () => this.listeners.delete(entry) };
  };

  /** Whether anyone listens (lets callers skip building an event nobody reads). */
  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Calls every listener; one throwing does not stop the others, and the first error is rethrown after. */
  fire(event: T): void {
    let failure: unknown;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners.clear();
  }
}

/** A {@link Disposable} that runs `fn` once. */
export function toDisposable(fn: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
}
