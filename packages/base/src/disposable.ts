/**
 * Something that holds a resource (a registration, a listener, a status bar item) and releases it
 * when disposed. Everything that registers returns one; disposing twice is harmless.
 */
export interface Disposable {
  /** Releases the resource. Safe to call more than once. */
  dispose(): void;
}

/** Wraps a cleanup function as a {@link Disposable} that runs it at most once. */
export function toDisposable(cleanup: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      cleanup();
    },
  };
}

/** Disposes many registrations together (in order), e.g. everything a view registered. */
export function combineDisposables(...items: Disposable[]): Disposable {
  return toDisposable(() => {
    for (const item of items) item.dispose();
  });
}

/**
 * A set of disposables released together, e.g. everything one plugin registered. Adding to a store
 * that is already disposed disposes the newcomer at once, so late registrations cannot leak.
 */
export class DisposableStore implements Disposable {
  readonly #items = new Set<Disposable>();
  #disposed = false;

  /** Whether {@link DisposableStore.dispose} has run. */
  get isDisposed(): boolean {
    return this.#disposed;
  }

  /** How many disposables the store holds now (useful for leak checks). */
  get size(): number {
    return this.#items.size;
  }

  /** Adds a disposable and returns it, so `const x = store.add(register(...))` reads naturally. */
  add<T extends Disposable>(item: T): T {
    if (this.#disposed) item.dispose();
    else this.#items.add(item);
    return item;
  }

  /** Removes a disposable without disposing it. */
  delete(item: Disposable): void {
    this.#items.delete(item);
  }

  /**
   * Disposes every item (last added first, like a stack of registrations) and keeps going when one
   * throws; the first error is rethrown at the end.
   */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const items = [...this.#items].reverse();
    this.#items.clear();
    let first: unknown;
    for (const item of items) {
      try {
        item.dispose();
      } catch (error) {
        first ??= error;
      }
    }
    if (first !== undefined) throw first;
  }
}
