import {
  type Disposable,
  Emitter,
  type StatusBarItemOptions,
  toDisposable,
} from '@repertoire/plugin-api';
import type { StatusBarEntry } from './services.ts';

/** Status bar items contributed by plugins, for the workbench to render. */
export class StatusBarRegistry {
  readonly #items = new Map<string, StatusBarEntry>();
  readonly #onDidChange = new Emitter<void>();
  /** Fires when an item is added, changed or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /** Adds an item; returns a handle that removes it. */
  add(pluginId: string, options: StatusBarItemOptions): Disposable {
    const key = `${pluginId}/${options.id}`;
    if (this.#items.has(key))
      throw new Error(`Status bar item ${options.id} of plugin ${pluginId} already exists.`);
    this.#items.set(key, { ...options, pluginId });
    this.#onDidChange.fire();
    return toDisposable(() => {
      if (this.#items.delete(key)) this.#onDidChange.fire();
    });
  }

  /** Changes an existing item. */
  update(pluginId: string, id: string, patch: Partial<StatusBarItemOptions>): void {
    const key = `${pluginId}/${id}`;
    const item = this.#items.get(key);
    if (!item) return;
    this.#items.set(key, { ...item, ...patch, id, pluginId });
    this.#onDidChange.fire();
  }

  /** Items sorted for display: left before right, higher priority first. */
  items(): StatusBarEntry[] {
    return [...this.#items.values()].sort(
      (a, b) =>
        (a.alignment === 'right' ? 1 : 0) - (b.alignment === 'right' ? 1 : 0) ||
        (b.priority ?? 0) - (a.priority ?? 0),
    );
  }

  /** How many items exist (for leak checks). */
  get size(): number {
    return this.#items.size;
  }
}
