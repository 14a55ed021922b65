// Shared set-up for this package's tests: a real core Workspace, a host over it, and plugins
// declared inline (their modules are real objects handed to the host's loader).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { PluginContext, PluginModule } from '@repertoire/plugin-api';
import type { PluginManifestInput, PluginPermission } from '@repertoire/schema';
import { workspaceGraphBackend, workspaceSettingsBackend } from './coreBackend.ts';
import type { PluginPackage } from './discovery.ts';
import { HeadlessUi } from './headless.ts';
import { PluginHost, type PluginHostOptions } from './pluginHost.ts';
import { createNodeSandbox } from './sandbox/nodeSandbox.ts';
import type { HostServices } from './services.ts';

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

/**
 * A host over a fresh workspace with extra services (members, health checks…), for the tests of
 * one API namespace: in-page modules hand their context back through `context()`; a `sandboxed`
 * host loads third-party plugins in a Node Worker instead. The caller shuts the host down.
 */
export function serviceHost(extra: Partial<HostServices> = {}, sandboxed = false) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  let context: PluginContext | undefined;
  const host = new PluginHost({
    services: {
      workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
      graph: workspaceGraphBackend(workspace),
      settings: workspaceSettingsBackend(workspace),
      ui: new HeadlessUi(),
      ...extra,
    },
    ...(sandboxed ? { createSandbox: createNodeSandbox, timeoutMs: 5000 } : {}),
    loadModule: async () => {
      if (sandboxed) throw new Error('third-party plugins load in the sandbox');
      return {
        activate: (c: PluginContext) => {
          context = c;
        },
      };
    },
  });
  return { host, context: () => context };
}

/** Adds and activates the in-page plugin `id` with `permissions` on `host`; returns its context. */
export async function activatedIn(
  made: ReturnType<typeof serviceHost>,
  id: string,
  permissions: PluginPermission[],
): Promise<PluginContext> {
  await made.host.add([pkg(manifest(id, { permissions }))]);
  await made.host.activate(id);
  const ctx = made.context();
  if (!ctx) throw new Error(`${id} was not activated`);
  return ctx;
}

/** Writes a sandboxed plugin's module to a fresh temp dir; returns the dir's URL for `pkg`. */
export function sandboxModule(file: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-sandbox-'));
  writeFileSync(join(dir, file), source);
  return `${pathToFileURL(dir).href}/`;
}
