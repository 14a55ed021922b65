/** Something that can be undone by calling `dispose()`. */
export interface Disposable {
  dispose(): void;
}

/** A value that notifies its listeners when it changes (the UI subscribes to these). */
export class Observable<T> {
  #value: T;
  readonly #listeners = new Set<(value: T) => void>();

  constructor(initial: T) {
    this.#value = initial;
  }

  /** The current value. */
  get(): T {
    return this.#value;
  }

  /** Replaces the value; listeners run only when it differs (shallowly, for objects). */
  set(value: T): void {
    if (shallowEqual(value, this.#value)) return;
    this.#value = value;
    for (const l of [...this.#listeners]) l(value);
  }

  /** Calls `listener` after every change. */
  onDidChange(listener: (value: T) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
