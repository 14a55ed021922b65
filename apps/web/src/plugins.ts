import {
  createBrowserSandbox,
  PluginHost,
  type PluginPackage,
  StoredEnablement,
  workspaceDocumentsBackend,
  workspaceGraphBackend,
  workspaceSettingsBackend,
} from '@repertoire/plugin-host';
import {
  bindPluginHost,
  combineDisposables,
  createWorkbenchUi,
  onEnablementSignal,
  serverEnablementStore,
  sessionLiveDocuments,
  sessionMembers,
  type WorkspaceSetup,
} from '@repertoire/workbench';
import { type BuiltinEntry, followBuiltinChanges } from './builtinReload.ts';
import { documentText } from './documentText.ts';
import { serverGraphHistory } from './graphHistory.ts';
import { exposeHostHooks } from './hostHooks.ts';
import { followPluginChanges } from './pluginDevReload.ts';
import { registerPluginManager } from './pluginManager.ts';
import { serverActivity } from './serverActivity.ts';
import { serverCalendarFeeds } from './serverCalendarFeeds.ts';
import { serverHealthChecks } from './serverHealthChecks.ts';

// The built-in plugins: manifests are read eagerly (small JSON, so menus and the palette are complete
// before any plugin runs); their code is split into chunks loaded on activation.
const manifests = import.meta.glob<{ default: unknown }>('../../../plugins/*/package.json', {
  eager: true,
});
const modules = import.meta.glob('../../../plugins/*/src/index.ts');

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

// Each built-in's entry is small (its activate() only registers; the heavy code of a view or a
// command loads when it is first used), so all of them are fetched as the app boots, side by side,
// while it signs in and syncs the workspace. What arrived is kept: activating a plugin then takes
// it at once, where another `import()`, even of a module already loaded, waits for a task of its own
// behind the workbench's rendering, once per plugin and dependency.
const loadedEntries = new Map<string, unknown>();
const preloading = performance.now();
const preloaded = Promise.allSettled(
  Object.entries(manifests)
    .filter(([, json]) => (json.default as { repertoire?: unknown }).repertoire)
    .map(async ([path]) => {
      const entry = `${dirOf(path)}src/index.ts`;
      const load = modules[entry];
      if (load) loadedEntries.set(entry, await load());
    }),
).then(() => performance.now() - preloading);

/** Starts a plugin host over the opened workspace and shows its contributions in the workbench. */
export const setupPlugins: WorkspaceSetup = async (services, session, opened) => {
  const packages: PluginPackage[] = [];
  const loaders = new Map<string, () => Promise<unknown>>();
  const builtinIds = new Set<string>();
  // Built-ins by folder name, for reloading one under `vite dev`.
  const builtinFolders = new Map<string, BuiltinEntry>();
  for (const [path, json] of Object.entries(manifests)) {
    const pkg = json.default as { name?: string; repertoire?: { id?: string } };
    if (!pkg.repertoire) continue;
    const entry = `${dirOf(path)}src/index.ts`;
    const loader = modules[entry];
    if (!loader || !pkg.name) continue;
    loaders.set(pkg.name, () =>
      loadedEntries.has(entry) ? Promise.resolve(loadedEntries.get(entry)) : loader(),
    );
    if (pkg.repertoire.id) {
      builtinIds.add(pkg.repertoire.id);
      const folder = /\/plugins\/([^/]+)\/$/.exec(dirOf(path))?.[1];
      if (folder) builtinFolders.set(folder, { id: pkg.repertoire.id, entry });
    }
    packages.push({ packageJson: pkg, builtin: true, baseUrl: dirOf(path) });
  }
  const installed = await installedPlugins(builtinIds);
  packages.push(...installed.packages);
  const ui = createWorkbenchUi(services);
  // The entity whose page (or document) is open is the selection plugins see, so a command such as
  // "Open meeting notes" acts on the meeting in front of the member.
  let selected = '';
  const followSelection = services.editors.state.onDidChange(() => {
    const uri = services.editors.activeUri() ?? '';
    const id = /^(?:entity|doc):(.+)$/.exec(uri)?.[1] ?? '';
    if (id === selected) return;
    selected = id;
    ui.selectionChanged.fire({ entityIds: id ? [id] : [] });
  });
  // A viewer's edits would be refused by the server anyway; refuse them here first, with the reason,
  // so a plugin command never shows a change that will not stick.
  const refuseIfReadOnly = () => {
    const state = services.readOnly.get();
    if (state.readOnly) throw new Error(state.reason ?? 'This workspace is read-only for you.');
  };
  // `graph.at` (the graph explorer's time bar) reads the server's snapshots of this workspace.
  const graph = workspaceGraphBackend(session.workspace, {
    history: serverGraphHistory(session.api, session.summary.id),
  });
  const documents = workspaceDocumentsBackend(session.workspace, (id) => documentText(session, id));
  // The editor package (Lexical) loads with the first document, not with the app.
  const versionsOf = async (documentId: string) =>
    (await import('@repertoire/editor')).httpDocumentVersions({
      workspaceId: session.summary.id,
      documentId,
    });
  // Which plugins are on is the server's one record (who turned each on or off, owners' locks);
  // plugin settings stay in the graph document. Offline, the plugins' defaults apply.
  const settings = new StoredEnablement(
    workspaceSettingsBackend(session.workspace),
    serverEnablementStore(session),
  );
  await settings
    .refresh()
    .catch((error) =>
      console.warn('The enabled plugins could not be read from the server:', error),
    );
  // Accounts, roles and invitations over the server's routes, which let only owners change them.
  const members = sessionMembers(session);
  const host = new PluginHost({
    services: {
      workspace: {
        id: session.summary.id,
        name: session.summary.name,
        user: { id: session.user.id, name: session.user.name },
        // A member who just accepted an invitation is greeted by a plugin ("You joined …").
        ...(opened?.joined ? { joined: true } : {}),
      },
      graph: {
        ...graph,
        applyEdits: (edits) => {
          refuseIfReadOnly();
          return graph.applyEdits(edits);
        },
      },
      documents: {
        ...documents,
        create: (options) => {
          refuseIfReadOnly();
          return documents.create(options);
        },
        // Live content on the session's connection and named versions over the server's routes,
        // both reached by plugins only through the permission-checked API.
        ...sessionLiveDocuments(services, session),
        versions: {
          list: async (id) => [...(await (await versionsOf(id)).list())],
          save: async (id, name) => (await versionsOf(id)).save(name),
          load: async (id, versionId) => (await versionsOf(id)).load(versionId),
        },
      },
      settings,
      activity: serverActivity(session.summary.id),
      healthChecks: serverHealthChecks(session.summary.id),
      calendarFeeds: serverCalendarFeeds(session.summary.id),
      members,
      ui,
    },
    // Plugins installed on the server (`serve --plugins <dir>`) are third-party: each runs in a Worker
    // inside an opaque-origin frame under a strict CSP, and reaches the workspace only through the API.
    createSandbox: createBrowserSandbox,
    loadModule: async (plugin) => {
      const load = loaders.get(plugin.packageName);
      if (!load) throw new Error(`No code found for plugin ${plugin.manifest.id}.`);
      return load();
    },
  });
  await host.add(packages);
  const binding = bindPluginHost(services, host, session);
  const starting = performance.now();
  await host.start();
  // For end-to-end tests and `pnpm bench plugins`: the palette's way into the host, and timings.
  const startup = {
    startMs: performance.now() - starting,
    preloadMs: Number.NaN,
    activeAfterStart: host
      .plugins()
      .filter((p) => p.state === 'active')
      .map((p) => p.id),
  };
  void preloaded.then((ms) => {
    startup.preloadMs = ms;
  });
  const hooks = exposeHostHooks(services, host, loaders, startup);
  const manager = registerPluginManager(services, host, {
    canEdit: () => !services.readOnly.get().readOnly,
    isOwner: () => session.summary.role === 'owner',
  });
  // `repertoire serve --dev`: a plugin rebuilt on disk reloads in place.
  const devReload = installed.changes
    ? followPluginChanges(services, host, installed.changes, builtinIds)
    : { dispose: () => undefined };
  // `vite dev`: a built-in's saved change reloads it in place (see builtinHotReload.ts).
  const builtinReload = followBuiltinChanges(services, host, builtinFolders, (entry, module) =>
    loadedEntries.set(entry, module),
  );
  const refreshOnSignal = onEnablementSignal(session, () => {
    settings
      .refresh()
      .catch((error) => console.warn('Re-reading the enabled plugins failed:', error));
  });
  return combineDisposables(
    binding,
    hooks,
    devReload,
    builtinReload,
    manager,
    refreshOnSignal,
    settings,
    { dispose: () => void host.shutdown() },
    ui.documentOpened,
    members,
    followSelection,
    ui.selectionChanged,
  );
};

/**
 * The plugins installed on the server (`GET /api/plugins`), as third-party packages loaded from
 * where the server serves them, and where a `--dev` server announces changes. A server that
 * cannot list them leaves the built-ins working.
 */
async function installedPlugins(
  builtinIds: ReadonlySet<string>,
): Promise<{ packages: PluginPackage[]; changes?: string }> {
  try {
    const response = await fetch('/api/plugins', { credentials: 'include' });
    if (!response.ok) return { packages: [] };
    const { plugins, changes } = (await response.json()) as {
      plugins: { id: string; url: string; packageJson?: PluginPackage['packageJson'] }[];
      /** Where a `--dev` server announces plugins changed on disk. */
      changes?: string;
    };
    const found = await Promise.all(
      plugins
        .filter((plugin) => !builtinIds.has(plugin.id))
        .map(async (plugin): Promise<PluginPackage | undefined> => {
          const baseUrl = new URL(plugin.url, window.location.origin).href;
          // The catalogue carries each manifest; an older server only says where it is.
          if (plugin.packageJson)
            return { packageJson: plugin.packageJson, builtin: false, baseUrl };
          const manifest = await fetch(new URL('package.json', baseUrl));
          if (!manifest.ok) return undefined;
          return { packageJson: await manifest.json(), builtin: false, baseUrl };
        }),
    );
    const packages = found.filter((p) => p !== undefined);
    return typeof changes === 'string' ? { packages, changes } : { packages };
  } catch (error) {
    console.warn('Could not list the plugins installed on the server:', error);
    return { packages: [] };
  }
}
