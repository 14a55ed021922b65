import { type Disposable, Emitter, toDisposable, type ViewContent } from '@repertoire/plugin-api';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';

/** Resolves a view's content; sandboxed plugins forward over messages. */
export type HostViewResolver = () => Promise<ViewContent>;

/** View content providers by view id; the workbench resolves views through it. */
export class ViewRegistry {
  readonly #providers = new Map<string, { pluginId: string; resolve: HostViewResolver }>();
  readonly #onDidChangeView = new Emitter<string>();
  /** Fires with a view id when its content should be resolved again. */
  readonly onDidChangeView = this.#onDidChangeView.event;

  /** Registers a provider; one per view. */
  register(viewId: string, pluginId: string, resolve: HostViewResolver): Disposable {
    const existing = this.#providers.get(viewId);
    if (existing)
      throw new DuplicateContributionError(
        'a provider for view',
        viewId,
        pluginContributor(existing.pluginId),
        pluginContributor(pluginId),
      );
    const entry = { pluginId, resolve };
    this.#providers.set(viewId, entry);
    this.#onDidChangeView.fire(viewId);
    return toDisposable(() => {
      if (this.#providers.get(viewId) === entry) {
        this.#providers.delete(viewId);
        this.#onDidChangeView.fire(viewId);
      }
    });
  }

  /** Whether a view has a provider. */
  has(viewId: string): boolean {
    return this.#providers.has(viewId);
  }

  /** Asks the provider for the view's content. */
  async resolve(viewId: string): Promise<ViewContent> {
    const entry = this.#providers.get(viewId);
    if (!entry) throw new Error(`View ${viewId} has no provider.`);
    return entry.resolve();
  }

  /** Signals that a view's content changed. */
  changed(viewId: string): void {
    this.#onDidChangeView.fire(viewId);
  }

  /** How many providers are registered (for leak checks). */
  get size(): number {
    return this.#providers.size;
  }
}
