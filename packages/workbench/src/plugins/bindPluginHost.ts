import { DuplicateContributionError, type JsonValue } from '@repertoire/plugin-api';
import type { PluginHost } from '@repertoire/plugin-host';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable, toDisposable } from '../services/disposable.ts';
import type { Registry } from '../services/registry.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { bindAnalyses } from './bindAnalyses.ts';
import { bindCustomViews } from './bindCustomViews.ts';
import { bindWebviews } from './bindWebviews.ts';
import { PluginViewEditor } from './PluginViewEditor.tsx';

// Manifests write chords VS Code style (`ctrl+alt+m`); Ctrl means Cmd on macOS, as `mod` does.
const toChord = (key: string) => key.replace(/\bctrl\b/i, 'mod');

const humanize = (key: string) => {
  const last = key.split('.').pop() ?? key;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Which plugins the host holds, and their names (the settings' sections). */
const namesOf = (host: PluginHost) =>
  host
    .plugins()
    .map((p) => `${p.id}\t${p.displayName}`)
    .join('\n');

/**
 * Mirrors what the plugin host's registries hold into the workbench's: declared commands (run
 * through the host, which activates the plugin on first use), views (each side bar view gets an
 * activity bar icon, panel views a panel tab, editor views a tab), keybindings, settings, view
 * title menus, status bar items and, given the session, custom views; and shows plugin problems as
 * notifications. The shell itself never names a plugin.
 */
export function bindPluginHost(
  services: WorkbenchServices,
  host: PluginHost,
  session?: WorkspaceSession,
): Disposable {
  // A plugin offering an id the shell or another plugin holds is refused, naming both; say so once,
  // as a warning: the holder keeps its contribution and the workbench works on.
  const reported = new Set<string>();
  const offer = <T extends { readonly id: string }>(
    registry: Registry<T>,
    pluginId: string,
    item: T,
  ): Disposable => {
    try {
      return registry.register(item, `plugin ${pluginId}`);
    } catch (error) {
      if (!(error instanceof DuplicateContributionError)) throw error;
      if (!reported.has(error.message)) {
        reported.add(error.message);
        services.notifications.warn(error.message);
      }
      return toDisposable(() => undefined);
    }
  };
  let contributed: Disposable = toDisposable(() => undefined);
  let pluginNames = '';
  const sync = () => {
    pluginNames = namesOf(host);
    contributed.dispose();
    const d: Disposable[] = [];
    const c = host.contributions;
    for (const cmd of c.commands()) {
      d.push(
        offer(services.commands, cmd.pluginId, {
          id: cmd.id,
          title: cmd.title,
          ...(cmd.category ? { category: cmd.category } : {}),
          ...(cmd.icon ? { icon: cmd.icon } : {}),
          run: (...args) => host.executeCommand(cmd.id, ...(args as JsonValue[])),
        }),
      );
    }
    const titleActions = new Map<string, string[]>();
    for (const item of c.menu('view/title')) {
      const view = /view\s*==\s*([\w.-]+)/.exec(item.when ?? '')?.[1];
      if (view) titleActions.set(view, [...(titleActions.get(view) ?? []), item.command]);
    }
    let order = 20;
    for (const view of c.views()) {
      const actions = titleActions.get(view.id);
      const common = { title: view.name, ...(actions ? { actions } : {}) };
      if (view.location === 'editor') {
        d.push(
          offer(services.commands, view.pluginId, {
            id: `view.open.${view.id}`,
            title: `Open ${view.name}`,
            category: 'View',
            ...(view.icon ? { icon: view.icon } : {}),
            run: () => services.editors.open(`view:${view.id}`),
          }),
        );
        // A start page is found through this menu when the workspace opens (openStartingPage).
        if (view.startPage)
          d.push(
            offer(services.menus, view.pluginId, {
              id: `start:${view.id}`,
              menu: 'workspace/start',
              command: `view.open.${view.id}`,
              order: view.order ?? 100,
            }),
          );
        // An editor view also gets an activity bar button that opens its tab, unless it opts out.
        if (view.activityBar !== false)
          d.push(
            offer(services.menus, view.pluginId, {
              id: `activity:${view.id}`,
              menu: 'activitybar',
              command: `view.open.${view.id}`,
              order: order++,
            }),
          );
      } else if (view.location === 'home') {
        // A home section has no place of its own: the home page mounts it (homeSections.ts).
      } else {
        const container = `plugin-view:${view.id}`;
        const held = services.views.contributorOf(view.id);
        // A refused view gets no activity bar icon of its own: it would open an empty side bar.
        const accepted = offer(services.views, view.pluginId, {
          id: view.id,
          container,
          ...common,
        });
        if (held === undefined)
          d.push(
            accepted,
            offer(services.containers, view.pluginId, {
              id: container,
              title: view.name,
              icon: view.icon ?? 'puzzle',
              location: view.location,
              order: view.order ?? order++,
            }),
          );
      }
      const changed = new Set<() => void>();
      const sub = host.views.onDidChangeView((id) => {
        if (id === view.id) for (const l of changed) l();
      });
      d.push(
        sub,
        offer(services.viewProviders, view.pluginId, {
          id: view.id,
          provider: {
            resolve: async () => {
              // A plugin that failed to start says why in its views, instead of being started
              // again by every view that asks (each failure re-renders them).
              const failed = host.plugins().find((p) => p.id === view.pluginId);
              if (failed?.state === 'failed')
                throw new Error(
                  `Plugin ${view.pluginId} failed to start: ${failed.error ?? 'unknown error'}`,
                );
              // A view its plugin renders itself shows once the plugin is active.
              if (!host.views.has(view.id)) {
                await host.activateByEvent(`onView:${view.id}`);
                if (host.customViews.get(view.id) || host.webviews.has(view.id))
                  return { type: 'markdown', markdown: 'Opening…' } as const;
              }
              return host.resolveView(view.id);
            },
            submit: (values) => host.submitView(view.id, values),
            onDidChange: (listener) => {
              const l = () => listener(undefined);
              changed.add(l);
              return toDisposable(() => changed.delete(l));
            },
          },
        }),
      );
    }
    for (const kb of c.keybindings()) {
      d.push(
        offer(services.keybindings, kb.pluginId, {
          id: `${kb.pluginId}:${kb.command}`,
          key: toChord(kb.key),
          command: kb.command,
        }),
      );
    }
    const names = new Map(host.plugins().map((p) => [p.id, p.displayName]));
    for (const s of c.settings()) {
      d.push(
        offer(services.settings, s.pluginId, {
          id: s.key,
          title: humanize(s.key),
          description: s.description,
          type: s.type,
          default:
            (host.settings.getPluginSetting(s.pluginId, s.key) as
              | string
              | number
              | boolean
              | undefined) ?? s.default,
          ...(s.options ? { options: s.options.map((value) => ({ value })) } : {}),
          section: names.get(s.pluginId) ?? s.pluginId,
        }),
      );
    }
    contributed = combineDisposables(...d);
  };
  sync();

  // Settings a plugin declared are the workspace's, shared by all members.
  const settingsSub = services.settings.onDidChangeValue((key) => {
    const s = host.contributions.settings().find((x) => x.key === key);
    if (s)
      host.settings.setPluginSetting(s.pluginId, key, services.settings.value(key) as JsonValue);
  });

  let statusRegs: Disposable[] = [];
  const syncStatus = () => {
    for (const r of statusRegs) r.dispose();
    statusRegs = host.statusBar.items().map((item) =>
      offer(services.statusItems, item.pluginId, {
        id: `plugin:${item.pluginId}:${item.id}`,
        alignment: item.alignment ?? 'left',
        priority: item.priority ?? 0,
        text: item.text,
        ...(item.tooltip ? { tooltip: item.tooltip } : {}),
        ...(typeof item.icon === 'string' && item.icon ? { icon: item.icon } : {}),
        ...(item.command ? { command: item.command } : {}),
      }),
    );
  };
  syncStatus();

  // Quick open asks the plugins' providers; the host has already checked their answers' shape.
  let quickOpenRegs: Disposable[] = [];
  const syncQuickOpen = () => {
    for (const r of quickOpenRegs) r.dispose();
    quickOpenRegs = host.quickOpen.all().map(({ id, pluginId, provider }) =>
      offer(services.quickOpen, pluginId, {
        id,
        title: provider.title,
        search: async (query, limit) =>
          (await provider.search(query, limit)).map((result) => ({
            ...result,
            run: () => {
              Promise.resolve(provider.open(result.id)).catch((error: unknown) =>
                services.notifications.error(
                  `Could not open ${result.label}`,
                  error instanceof Error ? error.message : String(error),
                ),
              );
            },
          })),
      }),
    );
  };
  syncQuickOpen();

  return combineDisposables(
    session ? bindCustomViews(services, host, session) : toDisposable(() => undefined),
    bindWebviews(services, host),
    bindAnalyses(services, host),
    host.contributions.onDidChange(sync),
    // A plugin's state (activating, active, failed) changes nothing mirrored here; which plugins
    // there are and their names do. Re-registering everything twice per activation made start-up
    // pay for one full sync per state change.
    host.onDidChangePlugins(() => {
      if (namesOf(host) !== pluginNames) sync();
    }),
    host.statusBar.onDidChange(syncStatus),
    host.quickOpen.onDidChange(syncQuickOpen),
    host.onDidReportProblem((p) =>
      services.notifications.error(`Plugin ${p.pluginId}: ${p.message}`),
    ),
    settingsSub,
    services.editorProviders.register({
      id: 'view',
      describe: (uri) => {
        const id = uri.slice('view:'.length);
        const view = host.contributions.views().find((v) => v.id === id);
        return { title: view?.name ?? id, icon: view?.icon ?? 'puzzle' };
      },
      component: PluginViewEditor,
    }),
    toDisposable(() => {
      contributed.dispose();
      for (const r of statusRegs) r.dispose();
      for (const r of quickOpenRegs) r.dispose();
    }),
  );
}
