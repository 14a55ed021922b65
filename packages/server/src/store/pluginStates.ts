import { ApiError, invalid } from './errors.ts';

/**
 * One plugin's state in a workspace: the single record the web app's plugin host follows. No
 * record means the plugin's default (built-ins on, installed third-party plugins off).
 */
export interface PluginStateRecord {
  readonly pluginId: string;
  readonly enabled: boolean;
  /** Set by an owner: only owners may then turn it on or off. */
  readonly locked: boolean;
  /** Who last turned it on or off, or locked it (a user id). */
  readonly changedBy: string;
  /** When (ISO 8601). */
  readonly changedAt: string;
}

/** What a member asks to change. */
export interface PluginStateChange {
  readonly enabled?: boolean;
  readonly locked?: boolean;
}

const PLUGIN_ID = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/i;

/**
 * Reads the stored states (the workspace row's `enabled_plugins` JSON). The first format was a
 * bare list of enabled ids, kept readable: each becomes an enabled record with no author.
 */
export function parsePluginStates(text: string | null | undefined): Map<string, PluginStateRecord> {
  const states = new Map<string, PluginStateRecord>();
  if (!text) return states;
  const stored = JSON.parse(text) as unknown;
  if (Array.isArray(stored)) {
    for (const id of stored)
      if (typeof id === 'string')
        states.set(id, {
          pluginId: id,
          enabled: true,
          locked: false,
          changedBy: '',
          changedAt: '',
        });
    return states;
  }
  const plugins = (stored as { plugins?: Record<string, PluginStateRecord> }).plugins ?? {};
  for (const [id, record] of Object.entries(plugins)) states.set(id, { ...record, pluginId: id });
  return states;
}

/** The stored form of {@link parsePluginStates}' map. */
export function serializePluginStates(states: ReadonlyMap<string, PluginStateRecord>): string {
  return JSON.stringify({ version: 2, plugins: Object.fromEntries(states) });
}

/**
 * Applies one member's change to the states, or throws (changing nothing): editors turn unlocked
 * plugins on and off; only owners lock or unlock one, or turn a locked one on or off.
 */
export function changePluginState(
  states: Map<string, PluginStateRecord>,
  pluginId: unknown,
  change: unknown,
  actor: { readonly userId: string; readonly role: 'owner' | 'editor' | 'viewer' },
  now: string,
): PluginStateRecord {
  if (typeof pluginId !== 'string' || !PLUGIN_ID.test(pluginId))
    throw invalid('pluginId', 'must be a plugin id such as repertoire.community');
  const body = (change ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body))
    throw invalid('body', 'must be an object with enabled and/or locked');
  for (const key of Object.keys(body))
    if (key !== 'enabled' && key !== 'locked') throw invalid(key, 'is not a plugin setting');
  const { enabled, locked } = body;
  if (enabled !== undefined && typeof enabled !== 'boolean')
    throw invalid('enabled', 'must be true or false');
  if (locked !== undefined && typeof locked !== 'boolean')
    throw invalid('locked', 'must be true or false');
  if (enabled === undefined && locked === undefined)
    throw invalid('body', 'say enabled, locked or both');
  if (actor.role === 'viewer')
    throw new ApiError('forbidden', 'a viewer cannot turn plugins on or off');
  const current = states.get(pluginId);
  if (locked !== undefined && actor.role !== 'owner')
    throw new ApiError('forbidden', 'only an owner can lock or unlock a plugin');
  if (current?.locked && actor.role !== 'owner' && enabled !== undefined)
    throw new ApiError(
      'forbidden',
      `an owner locked ${pluginId} ${current.enabled ? 'on' : 'off'} for everyone`,
    );
  const next: PluginStateRecord = {
    pluginId,
    enabled: (enabled as boolean | undefined) ?? current?.enabled ?? true,
    locked: (locked as boolean | undefined) ?? current?.locked ?? false,
    changedBy: actor.userId,
    changedAt: now,
  };
  states.set(pluginId, next);
  return next;
}
