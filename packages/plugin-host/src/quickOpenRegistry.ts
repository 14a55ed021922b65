import {
  type Disposable,
  Emitter,
  type QuickOpenProvider,
  toDisposable,
} from '@repertoire/plugin-api';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';

/** A quick open provider as the workbench finds it. */
export interface QuickOpenEntry {
  /** The provider's id, unique among all plugins. */
  readonly id: string;
  /** The plugin that answers. */
  readonly pluginId: string;
  /** Its answers. */
  readonly provider: QuickOpenProvider;
}

/**
 * The quick open providers plugins registered (`quickOpen.registerProvider`), for the workbench's
 * "Go to…" palette; a disabled plugin's providers leave with it.
 */
export class QuickOpenRegistry {
  readonly #entries = new Map<string, QuickOpenEntry>();
  readonly #onDidChange = new Emitter<void>();
  /** Fires when a provider is added or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /** Adds a plugin's provider; a second one under the same id is refused, naming both plugins. */
  register(id: string, pluginId: string, provider: QuickOpenProvider): Disposable {
    const existing = this.#entries.get(id);
    if (existing)
      throw new DuplicateContributionError(
        'the quick open provider',
        id,
        pluginContributor(existing.pluginId),
        pluginContributor(pluginId),
      );
    const entry = { id, pluginId, provider };
    this.#entries.set(id, entry);
    this.#onDidChange.fire();
    return toDisposable(() => {
      if (this.#entries.get(id) !== entry) return;
      this.#entries.delete(id);
      this.#onDidChange.fire();
    });
  }

  /** Every provider, in the order they were registered. */
  all(): QuickOpenEntry[] {
    return [...this.#entries.values()];
  }

  /** How many providers are registered (for leak checks). */
  get size(): number {
    return this.#entries.size;
  }
}
