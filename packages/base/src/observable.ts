import { type Disposable, toDisposable } from './disposable.ts';

/** Options of an {@link Observable}. */
export interface ObservableOptions<T> {
  /** When a new value counts as unchanged (no notification); `Object.is` by default. */
  equals?: (a: T, b: T) => boolean;
}

/**
 * A value that notifies its listeners when it changes: how services hand state to a UI (React's
 * `useSyncExternalStore` takes `get` and `onDidChange` as they are).
 */
export class Observable<T> {
  #value: T;
  readonly #listeners = new Set<(value: T) => void>();
  readonly #equals: (a: T, b: T) => boolean;

  /** @param initial The first value. */
  constructor(initial: T, options: ObservableOptions<T> = {}) {
    this.#value = initial;
    this.#equals = options.equals ?? Object.is;
  }

  /** The current value. */
  get(): T {
    return this.#value;
  }

  /** Replaces the value; listeners run only when it differs by `equals`. */
  set(value: T): void {
    if (this.#equals(value, this.#value)) return;
    this.#value = value;
    for (const listener of [...this.#listeners]) listener(value);
  }

  /** Calls `listener` with the new value after every change. */
  onDidChange(listener: (value: T) => void): Disposable {
    const wrapped = (value: T) => listener(value);
    this.#listeners.add(wrapped);
    return toDisposable(() => this.#listeners.delete(wrapped));
  }
}

/** Equal when both are the same value, or objects with the same keys holding the same values. */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
