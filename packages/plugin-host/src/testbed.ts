// Shared set-up for this package's tests: a real core Workspace, a host over it, and plugins
// declared inline (their modules are real objects handed to the host's loader).
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { PluginModule } from '@repertoire/plugin-api';
import type { PluginManifestInput } from '@repertoire/schema';
import { workspaceGraphBackend, workspaceSettingsBackend } from './coreBackend.ts';
import type { PluginPackage } from './discovery.ts';
import { HeadlessUi } from './headless.ts';
import { PluginHost, type PluginHostOptions } from './pluginHost.ts';

/** A manifest with sensible defaults; `overrides` wins. */
export function manifest(
  id: string,
  overrides: Partial<PluginManifestInput> = {},
): PluginManifestInput {
  return {
    id,
    displayName: id,
    version: '1.0.0',
    engines: { repertoire: '^1.0.0' },
    main: './index.js',
    ...overrides,
  };
}

/** A package for `manifest`. */
export function pkg(m: PluginManifestInput, builtin = true, baseUrl?: string): PluginPackage {
  return {
    packageJson: { name: `@test/${m.id}`, repertoire: m },
    builtin,
    ...(baseUrl ? { baseUrl } : {}),
  };
}

/** A workspace and a host whose in-page modules come from `modules` (by plugin id). */
export function testbed(
  modules: Record<string, PluginModule | (() => PluginModule)> = {},
  options: Partial<PluginHostOptions> = {},
) {
  const doc = createGraphDoc();
  const workspace = new Workspace(doc, { user: 'ana', id: 'w1' });
  const ui = new HeadlessUi();
  const loads: string[] = [];
  const host = new PluginHost({
    services: {
      workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
      graph: workspaceGraphBackend(workspace),
      settings: workspaceSettingsBackend(workspace),
      ui,
    },
    timeoutMs: 500,
    loadModule: async (plugin) => {
      loads.push(plugin.manifest.id);
      const m = modules[plugin.manifest.id];
      if (!m) throw new Error(`no module for ${plugin.manifest.id}`);
      return typeof m === 'function' ? m() : m;
    },
    ...options,
  });
  return { doc, workspace, ui, host, loads };
}
