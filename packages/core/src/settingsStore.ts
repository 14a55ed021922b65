import {
  type PluginSettings,
  parseOrThrow,
  pluginSettingsSchema,
  type WorkspaceSettings,
  workspaceSettingsSchema,
} from '@repertoire/schema';
import type * as Y from 'yjs';

const ENABLED = 'enabled:';
const PLUGIN = 'plugin:';

/**
 * Workspace settings in the graph document. Each plugin's enablement and settings are separate
 * keys so two members toggling different plugins at once both win.
 */
export class SettingsStore {
  private readonly map: Y.Map<unknown>;
  private readonly origin: unknown;

  /** `origin` marks this store's transactions (the workspace passes itself). */
  constructor(map: Y.Map<unknown>, origin: unknown) {
    this.map = map;
    this.origin = origin;
  }

  /** The current settings, validated. */
  get(): WorkspaceSettings {
    const enabledPlugins: string[] = [];
    const pluginSettings: Record<string, PluginSettings> = {};
    for (const [key, value] of this.map.entries()) {
      if (key.startsWith(ENABLED) && value === true) enabledPlugins.push(key.slice(ENABLED.length));
      if (key.startsWith(PLUGIN))
        pluginSettings[key.slice(PLUGIN.length)] = value as PluginSettings;
    }
    const name = this.map.get('name');
    return {
      ...(typeof name === 'string' ? { name } : {}),
      enabledPlugins: enabledPlugins.sort(),
      pluginSettings,
    };
  }

  /** Renames the community. */
  setName(name: string): void {
    const valid = parseOrThrow(workspaceSettingsSchema.shape.name, name, 'name');
    this.map.doc?.transact(() => this.map.set('name', valid), this.origin);
  }

  /** Enables or disables a plugin for everyone in the workspace. */
  setPluginEnabled(pluginId: string, enabled: boolean): void {
    if (pluginId.length === 0) throw new Error('pluginId: a plugin id is not empty');
    this.map.doc?.transact(() => this.map.set(ENABLED + pluginId, enabled), this.origin);
  }

  /** Replaces a plugin's settings (JSON values) after validating them. */
  setPluginSettings(pluginId: string, settings: PluginSettings): void {
    if (pluginId.length === 0) throw new Error('pluginId: a plugin id is not empty');
    const valid = parseOrThrow(pluginSettingsSchema, settings, `pluginSettings.${pluginId}`);
    this.map.doc?.transact(() => this.map.set(PLUGIN + pluginId, valid), this.origin);
  }
}
