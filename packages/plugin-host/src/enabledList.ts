import { type Disposable, Emitter, type JsonValue } from '@repertoire/plugin-api';
import type { SettingsBackend, SettingsChange } from './services.ts';

/**
 * Workspace settings whose plugin enablement also follows a list kept by the server
 * (`GET /api/workspaces/:id/plugins`, set by the workspace owner; `null` means every installed
 * plugin). A plugin a member switched on or off in the workspace's shared settings follows that
 * choice; any other plugin is enabled when the list names it. Everything else is `base`'s.
 */
export class EnabledListSettings implements SettingsBackend, Disposable {
  readonly #base: SettingsBackend;
  #list: ReadonlySet<string> | null;
  readonly #changes = new Emitter<SettingsChange>();
  readonly #feed: Disposable;

  /** Fires on the base settings' changes, and when the list changes. */
  readonly onDidChange = this.#changes.event;

  /**
   * @param base the shared workspace settings (e.g. `workspaceSettingsBackend(workspace)`).
   * @param enabled the server's list of enabled plugin ids, or `null` for every installed plugin.
   */
  constructor(base: SettingsBackend, enabled: readonly string[] | null) {
    this.#base = base;
    this.#list = enabled === null ? null : new Set(enabled);
    this.#feed = base.onDidChange((change) => this.#changes.fire(change));
  }

  /** Takes a new list from the server (e.g. after the owner changed it); the host follows. */
  setList(enabled: readonly string[] | null): void {
    this.#list = enabled === null ? null : new Set(enabled);
    this.#changes.fire({ enabled: '*' });
  }

  /** The member's shared choice if there is one, otherwise whether the list names the plugin. */
  isPluginEnabled(pluginId: string): boolean | undefined {
    return this.#base.isPluginEnabled(pluginId) ?? this.#list?.has(pluginId) ?? true;
  }

  /** Records the choice in the shared settings, where it wins over the list. */
  setPluginEnabled(pluginId: string, enabled: boolean): void {
    this.#base.setPluginEnabled(pluginId, enabled);
  }

  /** The base settings' value. */
  getPluginSetting(pluginId: string, key: string): JsonValue | undefined {
    return this.#base.getPluginSetting(pluginId, key);
  }

  /** Stores into the base settings. */
  setPluginSetting(pluginId: string, key: string, value: JsonValue | undefined): void {
    this.#base.setPluginSetting(pluginId, key, value);
  }

  /** Stops following the base settings. */
  dispose(): void {
    this.#feed.dispose();
    this.#changes.dispose();
  }
}
