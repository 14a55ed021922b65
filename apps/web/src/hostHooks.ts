import type { JsonValue } from '@repertoire/plugin-api';
import type { PluginHost, PluginPackage } from '@repertoire/plugin-host';
import { type Disposable, toDisposable, type WorkbenchServices } from '@repertoire/workbench';

/** How long the host took to start (activating the `onStartup` plugins), and what was active then. */
export interface StartupRecord {
  readonly startMs: number;
  /**
   * How long fetching every built-in's entry code took, from the app's boot (NaN until it has all
   * arrived).
   */
  readonly preloadMs: number;
  readonly activeAfterStart: readonly string[];
}

/**
 * What end-to-end tests and `pnpm bench plugins` reach on `window.repertoireHost`. Only code
 * already running in the page can call it (sandboxed plugins and webviews have no access to this
 * window), and it can do nothing such code could not: it drives the same host the workbench uses.
 */
export interface HostHooks {
  /** Runs a plugin command the way the palette does. */
  execute(id: string, ...args: JsonValue[]): Promise<unknown>;
  /** Opens a declared view as the activity bar or the palette's "View: Open …" does. */
  openView(viewId: string): Promise<void>;
  /** Closes a view's editor tab wherever it is open. */
  closeView(viewId: string): void;
  /** Activates a plugin (its dependencies first). */
  activate(id: string): Promise<void>;
  /** Deactivates a plugin, disposing what it registered. */
  deactivate(id: string): Promise<void>;
  /** Each plugin's id, whether it is built in, and its state. */
  plugins(): { id: string; builtin: boolean; sandboxed: boolean; state: string }[];
  /** The host's start-up, measured around `host.start()`. */
  readonly startup: StartupRecord;
  /** Turns a plugin on or off for the workspace, as "Plugins: Enable or disable a plugin…" does. */
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /**
   * Activates every built-in not active yet, one after another; resolves with the ids started (and
   * the milliseconds each took, its code's download included) and those that failed, with why.
   */
  activateBuiltins(): Promise<{ started: { id: string; ms: number }[]; failed: string[] }>;
  /**
   * Adds a plugin that runs in the page, as the built-ins do, from its package.json and the text
   * of its self-contained module (loaded from a blob: URL, which the app's policy allows). For
   * benchmarks that compare the in-page path with the sandbox in the same page.
   */
  addInPage(packageJson: PluginPackage['packageJson'], source: string): Promise<void>;
}

/** Puts {@link HostHooks} on `window.repertoireHost`; disposing removes them. */
export function exposeHostHooks(
  services: WorkbenchServices,
  host: PluginHost,
  loaders: Map<string, () => Promise<unknown>>,
  startup: StartupRecord,
): Disposable {
  const hooks: HostHooks = {
    execute: (id, ...args) => host.executeCommand(id, ...args),
    openView: async (viewId) => {
      await services.commands.execute(`view.open.${viewId}`);
    },
    closeView: (viewId) => services.editors.closeEverywhere(`view:${viewId}`),
    activate: (id) => host.activate(id),
    deactivate: (id) => host.deactivate(id),
    plugins: () =>
      host
        .plugins()
        .map(({ id, builtin, sandboxed, state }) => ({ id, builtin, sandboxed, state })),
    startup,
    setEnabled: (id, enabled) => host.setEnabled(id, enabled),
    activateBuiltins: async () => {
      const started: { id: string; ms: number }[] = [];
      const failed: string[] = [];
      for (const plugin of host.plugins())
        if (plugin.builtin && host.state(plugin.id) === 'inactive') {
          const t0 = performance.now();
          await host.activate(plugin.id).then(
            () => started.push({ id: plugin.id, ms: performance.now() - t0 }),
            (error: unknown) => failed.push(`${plugin.id}: ${String(error)}`),
          );
        }
      return { started, failed };
    },
    addInPage: async (packageJson, source) => {
      const name = (packageJson as { name?: string }).name;
      if (!name) throw new Error('The package needs a name.');
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      loaders.set(name, () => import(/* @vite-ignore */ url));
      await host.add([{ packageJson, builtin: true }]);
    },
  };
  const target = window as unknown as { repertoireHost?: HostHooks };
  target.repertoireHost = hooks;
  return toDisposable(() => {
    if (target.repertoireHost === hooks) delete target.repertoireHost;
  });
}
