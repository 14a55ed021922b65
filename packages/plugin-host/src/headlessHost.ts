import type { Workspace } from '@repertoire/core';
import type { PluginContext, PluginPermission } from '@repertoire/plugin-api';
import {
  workspaceDocumentsBackend,
  workspaceGraphBackend,
  workspaceSettingsBackend,
} from './coreBackend.ts';
import type { GraphHistory } from './graphHistory.ts';
import { HeadlessUi } from './headless.ts';
import { PluginHost, type PluginHostOptions } from './pluginHost.ts';
import type {
  ActivityBackend,
  CalendarFeedBackend,
  DocumentBackend,
  MembersBackend,
} from './services.ts';

/** A host over a workspace with a headless UI, and that UI. */
export interface HeadlessHost {
  /** The host. */
  readonly host: PluginHost;
  /** The UI it drives: notifications, quick-pick and input answers. */
  readonly ui: HeadlessUi;
}

/**
 * A plugin host over a core {@link Workspace} without a screen: for the server (loading the
 * sample community, running importers), scripts and plugin tests.
 */
export function createHeadlessHost(
  workspace: Workspace,
  options: Omit<PluginHostOptions, 'services'> & {
    /** The user's display name (defaults to the user id). */
    userName?: string;
    /** In-page modules by plugin id, e.g. `{ 'repertoire.community': () => import('...') }`. */
    modules?: Record<string, () => Promise<unknown>>;
    /** The graph's kept past for `graph.at` (e.g. a `SnapshotHistory`); else creation stamps. */
    history?: GraphHistory;
    /** Live documents and versions (e.g. a `MemoryLiveDocuments`); else those calls reject. */
    liveDocuments?: Pick<DocumentBackend, 'openLive' | 'versions'>;
    /** Members and activity (e.g. a test's stand-in for the server's); else those calls reject. */
    activity?: ActivityBackend;
    /** Calendar feed links (e.g. over a real server in a test); else those calls reject. */
    calendarFeeds?: CalendarFeedBackend;
    /** The workspace's accounts (e.g. a test's stand-in for the server's); else those calls reject. */
    members?: MembersBackend;
  } = {},
): HeadlessHost {
  const ui = new HeadlessUi();
  const { userName, modules, history, liveDocuments, activity, calendarFeeds, members, ...rest } =
    options;
  const fromModules: PluginHostOptions['loadModule'] = modules
    ? async (plugin) => {
        const load = modules[plugin.manifest.id];
        if (!load) throw new Error(`No module was given for plugin ${plugin.manifest.id}.`);
        return load();
      }
    : undefined;
  const host = new PluginHost({
    services: {
      workspace: {
        id: workspace.id ?? 'workspace',
        user: { id: workspace.user, name: userName ?? workspace.user },
      },
      graph: workspaceGraphBackend(workspace, history ? { history } : {}),
      documents: {
        ...workspaceDocumentsBackend(workspace),
        ...(liveDocuments?.openLive ? { openLive: liveDocuments.openLive } : {}),
        ...(liveDocuments?.versions ? { versions: liveDocuments.versions } : {}),
      },
      settings: workspaceSettingsBackend(workspace),
      ui,
      ...(activity ? { activity } : {}),
      ...(calendarFeeds ? { calendarFeeds } : {}),
      ...(members ? { members } : {}),
    },
    ...(fromModules ? { loadModule: fromModules } : {}),
    ...rest,
  });
  return { host, ui };
}

/** A built-in plugin as its package exports it: its `package.json` beside `activate`. */
export interface BuiltInPluginModule {
  readonly packageJson: { readonly repertoire: { readonly id: string } };
}

/**
 * A headless host over `workspace` with the given built-in plugins added and started (in-page,
 * each its own module): how a built-in plugin's tests meet the plugins it builds on.
 */
export async function startBuiltIns(
  workspace: Workspace,
  plugins: readonly BuiltInPluginModule[],
  options: Omit<Parameters<typeof createHeadlessHost>[1] & {}, 'modules'> = {},
): Promise<HeadlessHost> {
  const modules = Object.fromEntries(
    plugins.map((p) => [p.packageJson.repertoire.id, async () => p as unknown]),
  );
  const made = createHeadlessHost(workspace, { ...options, modules });
  await made.host.add(plugins.map((p) => ({ packageJson: p.packageJson, builtin: true })));
  await made.host.start();
  return made;
}

/** A headless host with one started probe plugin, and the context that plugin was given. */
export interface HeadlessPluginContext extends HeadlessHost {
  /** What an in-page plugin with the given permissions receives on activation. */
  readonly context: PluginContext;
}

/**
 * The plugin API over `workspace` exactly as an in-page plugin receives it: a probe plugin with
 * `permissions` is added to a headless host and started, and its context is handed back. For
 * testing code that takes the API (a plugin's helpers) against a real workspace; give `history`
 * for `graph.at` to read kept snapshots, `liveDocuments` for `documents.openLive` and versions.
 */
export async function headlessPluginContext(
  workspace: Workspace,
  permissions: readonly PluginPermission[],
  options: {
    history?: GraphHistory;
    liveDocuments?: Pick<DocumentBackend, 'openLive' | 'versions'>;
  } = {},
): Promise<HeadlessPluginContext> {
  let context: PluginContext | undefined;
  const { host, ui } = createHeadlessHost(workspace, {
    ...options,
    modules: {
      'test.probe': async () => ({
        activate: (given: PluginContext) => {
          context = given;
        },
      }),
    },
  });
  await host.add([
    {
      packageJson: {
        name: '@test/probe',
        repertoire: {
          id: 'test.probe',
          displayName: 'Probe',
          version: '1.0.0',
          engines: { repertoire: '^1.0.0' },
          main: './index.js',
          activationEvents: ['onStartup'],
          permissions: [...permissions],
        },
      },
      builtin: true,
    },
  ]);
  await host.start();
  if (!context) throw new Error('the probe plugin did not activate');
  return { host, ui, context };
}
