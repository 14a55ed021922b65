import type { Disposable, PluginContext, PluginModule } from '@repertoire/plugin-api';
import { createPluginContext, type PluginScope } from './pluginContext.ts';
import { normalizeModule } from './pluginModule.ts';
import type { PluginRunner } from './runner.ts';

/**
 * Runs a trusted (built-in) plugin in the page: its module is imported directly and receives the
 * API object. A plugin stuck in a synchronous loop cannot be stopped here, which is why third-party
 * plugins run in the Worker sandbox instead.
 */
export class InPageRunner implements PluginRunner {
  readonly #scope: PluginScope;
  readonly #load: () => Promise<PluginModule>;
  #module: PluginModule | undefined;
  #context: PluginContext | undefined;

  /**
   * @param scope the plugin's scope (API backends and its registration store).
   * @param load imports the plugin's module.
   */
  constructor(scope: PluginScope, load: () => Promise<PluginModule>) {
    this.#scope = scope;
    this.#load = load;
  }

  /** Imports the module and runs `activate(context)`. */
  async activate(): Promise<void> {
    const loaded = await this.#load();
    const module = normalizeModule(loaded, this.#scope.manifest.id);
    this.#module = module;
    this.#context = createPluginContext(this.#scope);
    await module.activate(this.#context);
  }

  /** Runs `deactivate` and disposes everything the plugin pushed or registered. */
  async deactivate(): Promise<void> {
    try {
      await this.#module?.deactivate?.();
    } finally {
      this.kill();
    }
  }

  /** Disposes the plugin's subscriptions and registrations. */
  kill(): void {
    const subscriptions: Disposable[] = this.#context?.subscriptions.splice(0) ?? [];
    for (const d of subscriptions.reverse()) {
      try {
        d.dispose();
      } catch (error) {
        this.#scope.log('error', `disposing a subscription failed: ${String(error)}`);
      }
    }
    this.#scope.store.dispose();
    this.#module = undefined;
    this.#context = undefined;
  }
}
