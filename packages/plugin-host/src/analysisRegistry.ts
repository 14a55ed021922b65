import {
  type AnalysisProvider,
  type Disposable,
  Emitter,
  toDisposable,
  type ViewContent,
} from '@repertoire/plugin-api';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';
import { checkViewContent } from './viewRegistry.ts';

/**
 * Providers of the analyses plugins declare (`contributes.analyses`), by analysis id. A result is
 * checked like a view's content before the workbench sees it.
 */
export class AnalysisRegistry {
  readonly #providers = new Map<string, { pluginId: string; provider: AnalysisProvider }>();
  readonly #onDidChange = new Emitter<string>();
  /** Fires with an analysis id when its provider is registered or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /** Registers the provider of an analysis; one per id. */
  register(id: string, pluginId: string, provider: AnalysisProvider): Disposable {
    const existing = this.#providers.get(id);
    if (existing)
      throw new DuplicateContributionError(
        'a provider for analysis',
        id,
        pluginContributor(existing.pluginId),
        pluginContributor(pluginId),
      );
    const entry = { pluginId, provider };
    this.#providers.set(id, entry);
    this.#onDidChange.fire(id);
    return toDisposable(() => {
      if (this.#providers.get(id) !== entry) return;
      this.#providers.delete(id);
      this.#onDidChange.fire(id);
    });
  }

  /** Whether an analysis has a provider. */
  has(id: string): boolean {
    return this.#providers.has(id);
  }

  /** Runs an analysis and checks its result. */
  async run(id: string): Promise<ViewContent> {
    const entry = this.#providers.get(id);
    if (!entry) throw new Error(`Analysis ${id} has no provider.`);
    let result: unknown;
    try {
      result = await entry.provider.run();
    } catch (error) {
      throw new Error(
        `Analysis ${id} of plugin ${entry.pluginId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return checkViewContent(`Analysis ${id} of plugin ${entry.pluginId}`, result);
  }

  /** How many providers are registered (for leak checks). */
  get size(): number {
    return this.#providers.size;
  }
}
