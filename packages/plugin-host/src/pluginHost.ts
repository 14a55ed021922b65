import {
  type Disposable,
  DisposableStore,
  Emitter,
  type JsonValue,
  type ViewContent,
} from '@repertoire/plugin-api';
import { AnalysisRegistry } from './analysisRegistry.ts';
import { CommandRegistry } from './commandRegistry.ts';
import { ContributionRegistry } from './contributionRegistry.ts';
import { CustomViewRegistry } from './customViewRegistry.ts';
import { discoverPlugins, type PluginDescription, type PluginPackage } from './discovery.ts';
import { HeadlessUi, MemorySettings, MemoryStorage } from './headless.ts';
import { InPageRunner } from './inPageRunner.ts';
import type { PluginScope } from './pluginContext.ts';
import { QuickOpenRegistry } from './quickOpenRegistry.ts';
import type { PluginRunner } from './runner.ts';
import { type SandboxFactory, SandboxRunner } from './sandbox/sandboxRunner.ts';
import type { CommandCaller, HostServices, SettingsBackend, WorkbenchUi } from './services.ts';
import { StatusBarRegistry } from './statusBarRegistry.ts';
import { withTimeout } from './timeout.ts';
import { ViewRegistry } from './viewRegistry.ts';
import { WebviewRegistry } from './webviewRegistry.ts';

/** Where a plugin is in its life. */
export type PluginState = 'disabled' | 'inactive' | 'activating' | 'active' | 'failed';

/** A plugin as the Plugins view lists it. */
export interface PluginStatus {
  /** The plugin id. */
  readonly id: string;
  /** Its human name. */
  readonly displayName: string;
  /** Its version. */
  readonly version: string;
  /** Whether it is a trusted built-in (runs in the page). */
  readonly builtin: boolean;
  /** Whether it runs in the Worker sandbox. */
  readonly sandboxed: boolean;
  /** Its state. */
  readonly state: PluginState;
  /** Why it failed, when it did. */
  readonly error?: string;
  /** Whether an owner locked it on or off for everyone (where locks are recorded). */
  readonly locked?: boolean;
  /** Who last turned it on or off, or locked it (a name, else a user id), when recorded. */
  readonly changedBy?: string;
  /** When (ISO 8601), when recorded. */
  readonly changedAt?: string;
}

/** Something that went wrong with a plugin; the workspace kept working. */
export interface PluginProblem {
  /** The plugin (or package) concerned. */
  readonly pluginId: string;
  /** What happened, for people. */
  readonly message: string;
}

/** Options of a {@link PluginHost}. */
export interface PluginHostOptions {
  /** The workspace, graph, UI, settings and storage the plugins use. */
  readonly services: HostServices;
  /**
   * Imports an in-page plugin's module; `bust` changes on each dev reload so the module is
   * imported afresh. Defaults to `import(moduleUrl(plugin, bust))`.
   */
  readonly loadModule?: (plugin: PluginDescription, bust: string | undefined) => Promise<unknown>;
  /** URL of a plugin's main module. Defaults to `main` resolved against its `baseUrl`. */
  readonly moduleUrl?: (plugin: PluginDescription, bust: string | undefined) => string;
  /** Creates a Worker for a sandboxed plugin. Without it, third-party plugins cannot activate. */
  readonly createSandbox?: SandboxFactory;
  /** Whether built-in plugins also run in the sandbox (default: they run in the page). */
  readonly sandboxBuiltins?: boolean;
  /** How long activation, deactivation and each call into a sandboxed plugin may take (ms). */
  readonly timeoutMs?: number;
}

interface Entry {
  description: PluginDescription;
  state: PluginState;
  error?: string;
  runner?: PluginRunner;
  activation?: Promise<void>;
  kinds?: DisposableStore;
}

/**
 * Discovers plugins, keeps their contributions, activates them lazily on their activation events
 * (dependencies first), runs built-ins in the page and third-party plugins in a Worker sandbox,
 * enforces permissions, stops plugins that throw or hang, and disposes everything a plugin did when
 * it is deactivated, disabled or reloaded.
 */
export class PluginHost implements Disposable {
  /** Declared contributions of enabled plugins (read without running them). */
  readonly contributions = new ContributionRegistry();
  /** Command handlers of active plugins. */
  readonly commands = new CommandRegistry();
  /** View providers of active plugins. */
  readonly views = new ViewRegistry();
  /** Custom (DOM) views of active in-page plugins. */
  readonly customViews = new CustomViewRegistry();
  /** Webview views: plugins' own UI in sandboxed iframes, rendered by the workbench. */
  readonly webviews = new WebviewRegistry();
  /** Providers of the analyses active plugins declare (API 1.4). */
  readonly analyses = new AnalysisRegistry();
  /** Status bar items of active plugins. */
  readonly statusBar = new StatusBarRegistry();
  /** Quick open providers plugins registered (since API 1.4). */
  readonly quickOpen = new QuickOpenRegistry();
  /** The UI plugins talk to (the services' UI, or a headless one). */
  readonly ui: WorkbenchUi;
  /** The workspace settings the host reads and plugins write. */
  readonly settings: SettingsBackend;

  readonly #options: PluginHostOptions;
  readonly #services: HostServices;
  readonly #storage;
  readonly #timeoutMs: number;
  readonly #entries = new Map<string, Entry>();
  readonly #onDidChangePlugins = new Emitter<void>();
  readonly #onDidReportProblem = new Emitter<PluginProblem>();
  readonly #lifetime = new DisposableStore();
  #started = false;
  #applying: Promise<void> = Promise.resolve();
  #reloads = 0;

  /** Fires when plugins are added or change state. */
  readonly onDidChangePlugins = this.#onDidChangePlugins.event;
  /** Fires when a plugin is refused, fails, crashes or hangs. */
  readonly onDidReportProblem = this.#onDidReportProblem.event;

  /** @param options services and policies; see {@link PluginHostOptions}. */
  constructor(options: PluginHostOptions) {
    this.#options = options;
    this.#services = options.services;
    this.ui = options.services.ui ?? new HeadlessUi();
    this.settings = options.services.settings ?? new MemorySettings();
    this.#storage = options.services.storage ?? new MemoryStorage();
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#lifetime.add(
      this.settings.onDidChange(({ enabled }) => {
        if (enabled !== undefined) void this.#applyEnabledSetting();
      }),
    );
    this.#lifetime.add(
      this.#services.graph.onDidChange((change) => {
        if (!this.#started) return;
        const kinds = new Set<string>();
        for (const id of change.entitiesAdded) {
          const kind = this.#services.graph.getEntity(id)?.kind;
          if (kind) kinds.add(kind);
        }
        for (const kind of kinds) void this.activateByEvent(`onEntityKind:${kind}`);
      }),
    );
  }

  /**
   * Adds plugin packages: valid, compatible ones become known (and enabled per the workspace
   * setting); the others are refused and reported. Returns the refused ones.
   */
  async add(packages: readonly PluginPackage[]) {
    const { plugins, refused } = discoverPlugins(packages);
    for (const r of refused) this.#report(r.name, r.reason);
    for (const description of plugins) {
      if (this.#entries.has(description.manifest.id)) {
        this.#report(
          description.manifest.id,
          `Plugin ${description.manifest.id} is already added.`,
        );
        continue;
      }
      this.#entries.set(description.manifest.id, { description, state: 'disabled' });
    }
    this.#onDidChangePlugins.fire();
    await this.#applyEnabledSetting();
    return refused;
  }

  /** Every known plugin and its state. */
  plugins(): PluginStatus[] {
    return [...this.#entries.values()].map(({ description, state, error }) => {
      const record = this.settings.enablement?.(description.manifest.id);
      const by = record?.changedByName || record?.changedBy;
      return {
        id: description.manifest.id,
        displayName: description.manifest.displayName,
        version: description.manifest.version,
        builtin: description.builtin,
        sandboxed: this.#sandboxed(description),
        state,
        ...(error ? { error } : {}),
        ...(record ? { locked: record.locked } : {}),
        ...(by ? { changedBy: by } : {}),
        ...(record?.changedAt ? { changedAt: record.changedAt } : {}),
      };
    });
  }

  /** One plugin's state, or undefined when unknown. */
  state(id: string): PluginState | undefined {
    return this.#entries.get(id)?.state;
  }

  /** Starts the host: activates `onStartup` plugins and those whose entity kinds exist. */
  async start(): Promise<void> {
    this.#started = true;
    await Promise.allSettled(
      [...this.#entries.keys()]
        .filter((id) => this.#wantsActivation(id))
        .map((id) => this.activate(id)),
    );
  }

  /**
   * Whether the workspace setting enables a plugin (shared by all members). A plugin never switched
   * on or off is enabled when it is a built-in and disabled when it is third-party.
   */
  isEnabled(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    return this.settings.isPluginEnabled(id) ?? entry.description.builtin;
  }

  /** Enables or disables a plugin for the whole workspace (a shared setting). */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    if (!this.#entries.has(id)) throw new Error(`Unknown plugin ${id}.`);
    await this.settings.setPluginEnabled(id, enabled);
    await this.#applyEnabledSetting();
  }

  /**
   * Locks a plugin on or off for everyone (owners only; the settings' store checks) in its current
   * state, or unlocks it. Rejects, changing nothing, where settings keep no locks.
   */
  async setLocked(id: string, locked: boolean): Promise<void> {
    if (!this.#entries.has(id)) throw new Error(`Unknown plugin ${id}.`);
    if (!this.settings.setPluginLocked)
      throw new Error('This workspace keeps no plugin locks (they live on the server).');
    await this.settings.setPluginLocked(id, locked);
    this.#onDidChangePlugins.fire();
  }

  /** Follows the shared setting; serialized so overlapping changes apply in order. */
  #applyEnabledSetting(): Promise<void> {
    const next = this.#applying.then(() => this.#followEnabledSetting());
    this.#applying = next.catch(() => {});
    return next;
  }

  async #followEnabledSetting(): Promise<void> {
    const enabled: string[] = [];
    for (const [id, entry] of this.#entries) {
      const want = this.isEnabled(id);
      if (want && entry.state === 'disabled') {
        await this.#enable(id, false);
        enabled.push(id);
      } else if (!want && entry.state !== 'disabled') await this.#disable(id);
    }
    // Activate only once everything newly enabled is registered: a plugin listed before its
    // dependency must find that dependency enabled.
    for (const id of enabled)
      if (this.#wantsActivation(id)) await this.activate(id).catch(() => {});
  }

  /**
   * Registers a plugin's contributions (no code runs) and, unless `activateIfDue` is false,
   * activates it if it is due.
   */
  async #enable(id: string, activateIfDue = true): Promise<void> {
    const entry = this.#entries.get(id);
    if (entry?.state !== 'disabled') return;
    const { manifest } = entry.description;
    const conflict = this.contributions.conflict(manifest);
    if (conflict) {
      entry.state = 'failed';
      entry.error = conflict.message;
      this.#report(id, `Plugin ${id} was not enabled. ${entry.error}`);
      this.#onDidChangePlugins.fire();
      return;
    }
    const kinds = new DisposableStore();
    try {
      for (const kind of manifest.contributes.entityKinds ?? [])
        kinds.add(this.#services.graph.registerEntityKind(kind, id));
      for (const kind of manifest.contributes.relationKinds ?? [])
        kinds.add(this.#services.graph.registerRelationKind(kind, id));
    } catch (error) {
      kinds.dispose();
      entry.state = 'failed';
      entry.error = `Its kinds could not be registered: ${message(error)}`;
      this.#report(id, `Plugin ${id} was not enabled. ${entry.error}`);
      this.#onDidChangePlugins.fire();
      return;
    }
    entry.kinds = kinds;
    this.contributions.add(manifest);
    entry.state = 'inactive';
    entry.error = undefined;
    this.#onDidChangePlugins.fire();
    if (activateIfDue && this.#wantsActivation(id)) await this.activate(id).catch(() => {});
  }

  async #disable(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (!entry || entry.state === 'disabled') return;
    await this.deactivate(id);
    this.contributions.remove(id);
    entry.kinds?.dispose();
    entry.kinds = undefined;
    entry.state = 'disabled';
    entry.error = undefined;
    this.#onDidChangePlugins.fire();
  }

  #wantsActivation(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!this.#started || !entry || entry.state !== 'inactive') return false;
    return entry.description.manifest.activationEvents.some(
      (event) =>
        event === 'onStartup' ||
        (event.startsWith('onEntityKind:') &&
          this.#services.graph.entities({ kind: event.slice(13), limit: 1 }).length > 0),
    );
  }

  /** Activates every enabled, inactive plugin that listens for `event`, e.g. `onView:x.y`. */
  async activateByEvent(event: string): Promise<void> {
    const due = [...this.#entries]
      .filter(
        ([, e]) =>
          e.state === 'inactive' &&
          (e.description.manifest.activationEvents as string[]).includes(event),
      )
      .map(([id]) => id);
    await Promise.allSettled(due.map((id) => this.activate(id)));
  }

  /**
   * Activates a plugin after its dependencies. Rejects (and reports) when a dependency is missing
   * or disabled, on a dependency cycle, or when the plugin throws or does not finish in time.
   */
  activate(id: string, chain: readonly string[] = []): Promise<void> {
    const entry = this.#entries.get(id);
    if (!entry) return Promise.reject(new Error(`Unknown plugin ${id}.`));
    if (entry.state === 'active') return Promise.resolve();
    if (entry.state === 'activating' && entry.activation) {
      if (chain.includes(id))
        return Promise.reject(
          new Error(`Plugins depend on each other in a cycle: ${[...chain, id].join(' → ')}.`),
        );
      return entry.activation;
    }
    if (entry.state === 'disabled') return Promise.reject(new Error(`Plugin ${id} is disabled.`));
    entry.state = 'activating';
    entry.error = undefined;
    this.#onDidChangePlugins.fire();
    entry.activation = this.#activate(entry, [...chain, id]).finally(() => {
      entry.activation = undefined;
    });
    return entry.activation;
  }

  async #activate(entry: Entry, chain: readonly string[]): Promise<void> {
    const { manifest } = entry.description;
    try {
      for (const dep of manifest.dependencies) {
        if (chain.includes(dep))
          throw new Error(
            `Plugins depend on each other in a cycle: ${[...chain, dep].join(' → ')}.`,
          );
        const depEntry = this.#entries.get(dep);
        if (!depEntry) throw new Error(`It needs plugin ${dep}, which is not installed.`);
        if (depEntry.state === 'disabled')
          throw new Error(`It needs plugin ${dep}, which is disabled.`);
        await this.activate(dep, chain);
      }
      const runner = this.#createRunner(entry);
      entry.runner = runner;
      try {
        await withTimeout(runner.activate(), this.#timeoutMs, manifest.id, 'activate');
      } catch (error) {
        runner.kill();
        entry.runner = undefined;
        throw error;
      }
      entry.state = 'active';
      this.#onDidChangePlugins.fire();
    } catch (error) {
      entry.state = 'failed';
      entry.error = message(error);
      this.#report(manifest.id, `Plugin ${manifest.id} failed to activate: ${entry.error}`);
      this.#onDidChangePlugins.fire();
      throw error;
    }
  }

  #sandboxed(description: PluginDescription): boolean {
    return !description.builtin || this.#options.sandboxBuiltins === true;
  }

  #moduleUrl(description: PluginDescription, bust: string | undefined): string {
    if (this.#options.moduleUrl) return this.#options.moduleUrl(description, bust);
    if (!description.baseUrl)
      throw new Error(`Plugin ${description.manifest.id} has no base URL to load its module from.`);
    const url = new URL(description.manifest.main, description.baseUrl);
    if (bust) url.searchParams.set('reload', bust);
    return url.href;
  }

  #createRunner(entry: Entry): PluginRunner {
    const { description } = entry;
    const id = description.manifest.id;
    const scope: PluginScope = {
      manifest: description.manifest,
      workspace: this.#services.workspace,
      graph: this.#services.graph,
      documents: this.#services.documents,
      activity: this.#services.activity,
      healthChecks: this.#services.healthChecks,
      calendarFeeds: this.#services.calendarFeeds,
      members: this.#services.members,
      ui: this.ui,
      settings: this.settings,
      storage: this.#storage,
      contributions: this.contributions,
      commands: this.commands,
      views: this.views,
      customViews: this.customViews,
      webviews: this.webviews,
      analyses: this.analyses,
      statusBar: this.statusBar,
      quickOpen: this.quickOpen,
      executeCommand: (commandId, args, caller) => this.#executeCommand(commandId, args, caller),
      log: (level, text) => {
        const line = `[${id}] ${text}`;
        if (level === 'error') console.error(line);
        else if (level === 'warn') console.warn(line);
        else console.info(line);
      },
      store: new DisposableStore(),
    };
    const bust = this.#reloads > 0 ? String(this.#reloads) : undefined;
    if (this.#sandboxed(description)) {
      const createSandbox = this.#options.createSandbox;
      if (!createSandbox)
        throw new Error('It is a third-party plugin and this host has no Worker sandbox.');
      return new SandboxRunner(scope, {
        createSandbox,
        mainUrl: this.#moduleUrl(description, bust),
        timeoutMs: this.#timeoutMs,
        onCrash: (error) => this.#crashed(id, error),
      });
    }
    const load = this.#options.loadModule
      ? () => this.#options.loadModule!(description, bust)
      : () => import(/* @vite-ignore */ this.#moduleUrl(description, bust));
    return new InPageRunner(scope, async () => (await load()) as never);
  }

  /** A running plugin hung or crashed: stop it, report it, keep everything else going. */
  #crashed(id: string, error: unknown): void {
    const entry = this.#entries.get(id);
    if (entry?.state !== 'active') return;
    entry.runner?.kill();
    entry.runner = undefined;
    entry.state = 'failed';
    entry.error = message(error);
    this.#report(id, `Plugin ${id} was stopped: ${entry.error}`);
    this.#onDidChangePlugins.fire();
  }

  /** Deactivates a plugin (and first every active plugin that depends on it). */
  async deactivate(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (!entry) return;
    if (entry.activation) await entry.activation.catch(() => {});
    for (const [otherId, other] of this.#entries)
      if (other.description.manifest.dependencies.includes(id) && other.runner)
        await this.deactivate(otherId);
    const runner = entry.runner;
    entry.runner = undefined;
    if (runner) {
      try {
        await withTimeout(runner.deactivate(), this.#timeoutMs, id, 'deactivate');
      } catch (error) {
        runner.kill();
        this.#report(id, `Plugin ${id} did not deactivate cleanly: ${message(error)}`);
      }
    }
    if (entry.state === 'active' || entry.state === 'failed') {
      entry.state = 'inactive';
      this.#onDidChangePlugins.fire();
    }
  }

  /**
   * Reloads a plugin during development without reloading the page: deactivates it, takes the new
   * package (manifest) if given, re-registers its contributions, and re-imports and re-activates
   * its module if it was active.
   */
  async reload(id: string, pkg?: PluginPackage): Promise<void> {
    const entry = this.#entries.get(id);
    if (!entry) throw new Error(`Unknown plugin ${id}.`);
    const wasActive = entry.state === 'active';
    if (pkg) {
      const { plugins, refused } = discoverPlugins([pkg]);
      const next = plugins[0];
      if (!next || next.manifest.id !== id)
        throw new Error(refused[0]?.reason ?? `The package does not contain plugin ${id}.`);
      await this.#disable(id);
      entry.description = next;
    } else {
      await this.#disable(id);
    }
    this.#reloads += 1;
    if (this.isEnabled(id)) await this.#enable(id);
    if (wasActive && this.#entries.get(id)?.state === 'inactive') await this.activate(id);
  }

  /**
   * Runs a command by id. A command declared by an inactive plugin activates that plugin first
   * (`onCommand:<id>`), so palette entries work before any plugin code has run.
   */
  async executeCommand(id: string, ...args: JsonValue[]): Promise<unknown> {
    return this.#executeCommand(id, args, { pluginId: 'host', permissions: [] });
  }

  /** Runs a command for `caller` (a plugin, or the host itself with no permissions). */
  async #executeCommand(id: string, args: JsonValue[], caller: CommandCaller): Promise<unknown> {
    if (!this.commands.has(id)) {
      const owner = this.contributions.commandOwner(id);
      // No plugin provides it: the workbench's own commands (API 1.5), where there is a workbench.
      if (!owner && this.ui.executeCommand) return this.ui.executeCommand(id, args, caller);
      if (!owner) throw new Error(`Command ${id} does not exist.`);
      await this.activateByEvent(`onCommand:${id}`);
      if (!this.commands.has(id)) await this.activate(owner);
      if (!this.commands.has(id))
        throw new Error(`Plugin ${owner} declares command ${id} but did not register it.`);
    }
    return this.commands.execute(id, args);
  }

  /** Resolves a view's content, activating its plugin first (`onView:<id>`). */
  async resolveView(viewId: string): Promise<ViewContent> {
    await this.#provided(
      () => this.views.has(viewId),
      () => this.contributions.viewOwner(viewId),
      `onView:${viewId}`,
      `view ${viewId}`,
      'provide',
    );
    return this.views.resolve(viewId);
  }

  /** Activates the owner of `what` (by `event`, else directly) until `has` holds, or says why not. */
  async #provided(
    has: () => boolean,
    owner: () => string | undefined,
    event: string,
    what: string,
    verb: string,
  ): Promise<void> {
    if (has()) return;
    const id = owner();
    if (!id) throw new Error(`${what.charAt(0).toUpperCase()}${what.slice(1)} does not exist.`);
    await this.activateByEvent(event);
    if (!has()) await this.activate(id);
    if (!has()) throw new Error(`Plugin ${id} declares ${what} but did not ${verb} it.`);
  }

  /**
   * Runs a declared analysis, activating its plugin first (`onAnalysis:<id>`), and resolves with
   * its checked result. A sandboxed plugin's analysis runs in its Worker.
   */
  async runAnalysis(analysisId: string): Promise<ViewContent> {
    await this.#provided(
      () => this.analyses.has(analysisId),
      () => this.contributions.analyses().find((a) => a.id === analysisId)?.pluginId,
      `onAnalysis:${analysisId}`,
      `analysis ${analysisId}`,
      'register',
    );
    return this.analyses.run(analysisId);
  }

  /**
   * Submits a form view's values to its plugin (API 1.4), checked against the form's fields.
   * Rejects, changing nothing, for values that do not fit.
   */
  submitView(viewId: string, values: unknown) {
    return this.views.submit(viewId, values);
  }

  #report(pluginId: string, text: string): void {
    this.#onDidReportProblem.fire({ pluginId, message: text });
    this.ui.showNotification('host', text, { severity: 'error' }).catch(() => {});
  }

  /** Deactivates every plugin and drops the host's own listeners. */
  async shutdown(): Promise<void> {
    for (const id of [...this.#entries.keys()].reverse()) await this.#disable(id);
    this.dispose();
  }

  /** Stops every plugin at once and drops the host's listeners (prefer {@link shutdown}). */
  dispose(): void {
    for (const entry of this.#entries.values()) {
      entry.runner?.kill();
      entry.runner = undefined;
      entry.kinds?.dispose();
    }
    this.#lifetime.dispose();
    this.#onDidChangePlugins.dispose();
    this.#onDidReportProblem.dispose();
  }
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
