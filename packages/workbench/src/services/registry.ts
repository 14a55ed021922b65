import { type Disposable, toDisposable } from './disposable.ts';

/**
 * An observable set of contributions keyed by id. The shell renders whatever a registry holds, so a
 * plugin's view, command or status item appears (and disappears on dispose) without the shell
 * knowing the plugin. `all()` returns a stable snapshot between changes (for useSyncExternalStore).
 */
export class Registry<T extends { readonly id: string }> {
  readonly #items = new Map<string, T>();
  readonly #listeners = new Set<() => void>();
  #snapshot: readonly T[] = [];

  /** Adds or replaces the item with this id; disposing removes it again (if not replaced since). */
  register(item: T): Disposable {
    if (!item.id) throw new Error('a contribution needs a non-empty "id"');
    this.#items.set(item.id, item);
    this.#changed();
    return toDisposable(() => {
      if (this.#items.get(item.id) !== item) return;
      this.#items.delete(item.id);
      this.#changed();
    });
  }

  /** The item with this id, if registered. */
  get(id: string): T | undefined {
    return this.#items.get(id);
  }

  /** Every registered item, in registration order; the same array until the next change. */
  all(): readonly T[] {
    return this.#snapshot;
  }

  /** Calls `listener` after every change. */
  onDidChange(listener: () => void): Disposable {
    this.#listeners.add(listener);
    return toDisposable(() => this.#listeners.delete(listener));
  }

  #changed(): void {
    this.#snapshot = [...this.#items.values()];
    for (const listener of [...this.#listeners]) listener();
  }
}
