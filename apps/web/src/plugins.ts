import type { JsonValue } from '@repertoire/plugin-api';
import {
  PluginHost,
  type PluginPackage,
  workspaceDocumentsBackend,
  workspaceGraphBackend,
  workspaceSettingsBackend,
} from '@repertoire/plugin-host';
import {
  bindPluginHost,
  combineDisposables,
  createWorkbenchUi,
  type WorkspaceSetup,
} from '@repertoire/workbench';
import { documentText } from './documentText.ts';

// The built-in plugins: manifests are read eagerly (small JSON, so menus and the palette are complete
// before any plugin runs); their code is split into chunks loaded on activation.
const manifests = import.meta.glob<{ default: unknown }>('../../../plugins/*/package.json', {
  eager: true,
});
const modules = import.meta.glob('../../../plugins/*/src/index.ts');

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/** Starts a plugin host over the opened workspace and shows its contributions in the workbench. */
export const setupPlugins: WorkspaceSetup = async (services, session) => {
  const packages: PluginPackage[] = [];
  const loaders = new Map<string, () => Promise<unknown>>();
  for (const [path, json] of Object.entries(manifests)) {
    const pkg = json.default as { name?: string; repertoire?: unknown };
    if (!pkg.repertoire) continue;
    const loader = modules[`${dirOf(path)}src/index.ts`];
    if (!loader || !pkg.name) continue;
    loaders.set(pkg.name, loader);
    packages.push({ packageJson: pkg, builtin: true, baseUrl: dirOf(path) });
  }
  const ui = createWorkbenchUi(services);
  // A viewer's edits would be refused by the server anyway; refuse them here first, with the reason,
  // so a plugin command never shows a change that will not stick.
  const refuseIfReadOnly = () => {
    const state = services.readOnly.get();
    if (state.readOnly) throw new Error(state.reason ?? 'This workspace is read-only for you.');
  };
  const graph = workspaceGraphBackend(session.workspace);
  const documents = workspaceDocumentsBackend(session.workspace, (id) => documentText(session, id));
  const host = new PluginHost({
    services: {
      workspace: { id: session.summary.id, user: { id: session.user.id, name: session.user.name } },
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
      },
      settings: workspaceSettingsBackend(session.workspace),
      ui,
    },
    loadModule: async (plugin) => {
      const load = loaders.get(plugin.packageName);
      if (!load) throw new Error(`No code found for plugin ${plugin.manifest.id}.`);
      return load();
    },
  });
  await host.add(packages);
  const binding = bindPluginHost(services, host, session);
  await host.start();
  // Expose for end-to-end tests: run a plugin command the way the palette does.
  (window as unknown as { repertoireHost?: unknown }).repertoireHost = {
    execute: (id: string, ...args: JsonValue[]) => host.executeCommand(id, ...args),
  };
  return combineDisposables(
    binding,
    { dispose: () => void host.shutdown() },
    ui.documentOpened,
    ui.selectionChanged,
  );
};
