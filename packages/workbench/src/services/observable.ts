import { type Disposable, toDisposable } from './disposable.ts';

/** A value that notifies on change; the bridge between services and React's useSyncExternalStore. */
export class ObservableValue<T> {
  #value: T;
  readonly #listeners = new Set<() => void>();

  constructor(initial: T) {
    this.#value = initial;
  }

  /** The current value. */
  get(): T {
    return this.#value;
  }

  /** Replaces the value and notifies listeners when it changed. */
  set(value: T): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const listener of [...this.#listeners]) listener();
  }

  /** Calls `listener` after every change. */
  onDidChange(listener: () => void): Disposable {
    this.#listeners.add(listener);
    return toDisposable(() => this.#listeners.delete(listener));
  }
}
