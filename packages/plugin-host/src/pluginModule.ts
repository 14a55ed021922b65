import type { PluginModule } from '@repertoire/plugin-api';

/** Accepts `export function activate` or `export default { activate }`. */
export function normalizeModule(loaded: unknown, pluginId: string): PluginModule {
  const candidate = loaded as { activate?: unknown; default?: { activate?: unknown } };
  const module = typeof candidate.activate === 'function' ? candidate : candidate.default;
  if (!module || typeof module.activate !== 'function')
    throw new Error(`Plugin ${pluginId}'s main module exports no activate function.`);
  return module as PluginModule;
}
