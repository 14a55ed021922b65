import { type Disposable, Emitter, type JsonValue } from '@repertoire/plugin-api';
import type {
  PluginEnablement,
  PluginEnablementChange,
  SettingsBackend,
  SettingsChange,
} from './services.ts';

/**
 * Where a workspace's record of enabled plugins is kept: the server in the web app
 * (`GET`/`PUT /api/workspaces/:id/plugins[/:pluginId]`), which checks each change against the
 * member's role and the owner's locks. It is the one source of truth: the host follows it and
 * nothing else.
 */
export interface EnablementStore {
  /** Every plugin with a recorded state. */
  load(): Promise<PluginEnablement[]>;
  /** Records one change; rejects (changing nothing) when the member may not make it. */
  change(pluginId: string, change: PluginEnablementChange): Promise<PluginEnablement>;
}

/**
 * Workspace settings whose plugin enablement is the {@link EnablementStore}'s record (who turned
 * each plugin on or off, and which an owner locked); plugin settings stay in `base`, the shared
 * graph document. Call {@link StoredEnablement.refresh} when another member may have changed the
 * record (the web app does when the graph document signals it).
 */
export class StoredEnablement implements SettingsBackend, Disposable {
  readonly #base: SettingsBackend;
  readonly #store: EnablementStore;
  #records = new Map<string, PluginEnablement>();
  readonly #changes = new Emitter<SettingsChange>();
  readonly #feed: Disposable;

  /** Fires on plugin settings changes (from `base`) and when the enablement record changes. */
  readonly onDidChange = this.#changes.event;

  constructor(base: SettingsBackend, store: EnablementStore) {
    this.#base = base;
    this.#store = store;
    // Only plugin settings come from the base: its own enablement keys are not a source any more.
    this.#feed = base.onDidChange((change) => {
      if (change.pluginId !== undefined) this.#changes.fire({ pluginId: change.pluginId });
    });
  }

  /** Reads the record again; the host follows what changed. */
  async refresh(): Promise<void> {
    const records = await this.#store.load();
    this.#records = new Map(records.map((r) => [r.pluginId, r]));
    this.#changes.fire({ enabled: '*' });
  }

  /** The recorded choice, or undefined when nobody chose (the plugin's default applies). */
  isPluginEnabled(pluginId: string): boolean | undefined {
    return this.#records.get(pluginId)?.enabled;
  }

  /** Who turned the plugin on or off and whether it is locked, if recorded. */
  enablement(pluginId: string): PluginEnablement | undefined {
    return this.#records.get(pluginId);
  }

  /** Records the choice in the store; rejects, changing nothing, when it is refused. */
  async setPluginEnabled(pluginId: string, enabled: boolean): Promise<void> {
    await this.#record(pluginId, { enabled });
  }

  /** Locks (or unlocks) the plugin in its current state: owners only, the store checks. */
  async setPluginLocked(pluginId: string, locked: boolean): Promise<void> {
    await this.#record(pluginId, { locked });
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

  async #record(pluginId: string, change: PluginEnablementChange): Promise<void> {
    const record = await this.#store.change(pluginId, change);
    this.#records.set(record.pluginId, record);
    this.#changes.fire({ enabled: record.pluginId });
  }
}

/**
 * An {@link EnablementStore} in memory that applies the server's rules (editors switch unlocked
 * plugins, owners lock), for headless hosts and tests.
 */
export class MemoryEnablementStore implements EnablementStore {
  readonly #records = new Map<string, PluginEnablement>();
  /** Who acts, and as what role; tests change it to act as another member. */
  actor: { id: string; name: string; role: 'owner' | 'editor' | 'viewer' } = {
    id: 'owner',
    name: 'Owner',
    role: 'owner',
  };

  async load(): Promise<PluginEnablement[]> {
    return [...this.#records.values()];
  }

  async change(pluginId: string, change: PluginEnablementChange): Promise<PluginEnablement> {
    const { role } = this.actor;
    const current = this.#records.get(pluginId);
    if (role === 'viewer') throw new Error('A viewer cannot turn plugins on or off.');
    if (change.locked !== undefined && role !== 'owner')
      throw new Error('Only an owner can lock or unlock a plugin.');
    if (current?.locked && role !== 'owner' && change.enabled !== undefined)
      throw new Error(
        `An owner locked ${pluginId} ${current.enabled ? 'on' : 'off'} for everyone.`,
      );
    const record: PluginEnablement = {
      pluginId,
      enabled: change.enabled ?? current?.enabled ?? true,
      locked: change.locked ?? current?.locked ?? false,
      changedBy: this.actor.id,
      changedByName: this.actor.name,
      changedAt: new Date().toISOString(),
    };
    this.#records.set(pluginId, record);
    return record;
  }
}
