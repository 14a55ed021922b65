import { DuplicateContributionError } from '@repertoire/base';
import { type Disposable, toDisposable } from './disposable.ts';

/**
 * An observable set of contributions keyed by id. The shell renders whatever a registry holds, so a
 * plugin's view, command or status item appears (and disappears on dispose) without the shell
 * knowing the plugin. `all()` returns a stable snapshot between changes (for useSyncExternalStore).
 */
export class Registry<T extends { readonly id: string }> {
  readonly #items = new Map<string, T>();
  readonly #contributors = new Map<string, string>();
  readonly #listeners = new Set<() => void>();
  #snapshot: readonly T[] = [];

  /** What the registry holds, for errors: `view`, `command`, `status item`… */
  readonly what: string;

  constructor(what = 'contribution') {
    this.what = what;
  }

  /**
   * Adds the item; disposing removes it again (unless replaced since). An id is held by one
   * contributor at a time: the holder may replace its own item (the shell updates its status
   * items that way), but another contributor's registration of a held id throws a
   * {@link DuplicateContributionError} naming both (e.g. `plugin repertoire.community` and
   * `the workbench`) and changes nothing.
   */
  register(item: T, contributor = 'the workbench'): Disposable {
    if (!item.id) throw new Error(`a ${this.what} needs a non-empty "id"`);
    const holder = this.#contributors.get(item.id);
    if (holder !== undefined && holder !== contributor)
      throw new DuplicateContributionError(this.what, item.id, holder, contributor);
    this.#items.set(item.id, item);
    this.#contributors.set(item.id, contributor);
    this.#changed();
    return toDisposable(() => {
      if (this.#items.get(item.id) !== item) return;
      this.#items.delete(item.id);
      this.#contributors.delete(item.id);
      this.#changed();
    });
  }

  /** Who contributed the item with this id, if one is registered. */
  contributorOf(id: string): string | undefined {
    return this.#contributors.get(id);
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
