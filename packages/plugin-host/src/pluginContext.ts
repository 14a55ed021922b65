import type { WorkspaceInfo } from '@repertoire/plugin-api';
import {
  API_VERSION,
  type CommandInfo,
  type Disposable,
  type DisposableStore,
  type Event,
  type JsonValue,
  type PluginContext,
  type PluginPermission,
  type QuickOpenResult,
  recordTransaction,
  toDisposable,
} from '@repertoire/plugin-api';
import type { ManifestSetting, PluginManifest } from '@repertoire/schema';
import type { AnalysisRegistry } from './analysisRegistry.ts';
import type { CommandRegistry } from './commandRegistry.ts';
import type { ContributionRegistry } from './contributionRegistry.ts';
import type { CustomViewRegistry } from './customViewRegistry.ts';
import { createEditorsApi } from './editorsApi.ts';
import { bindLiveDocument } from './liveDocument.ts';
import { membersApi } from './membersApi.ts';
import { demand } from './permissions.ts';
import type { QuickOpenRegistry } from './quickOpenRegistry.ts';
import type {
  ActivityBackend,
  CalendarFeedBackend,
  CommandCaller,
  DocumentBackend,
  GraphBackend,
  HealthChecksBackend,
  MembersBackend,
  SettingsBackend,
  StorageBackend,
  WorkbenchUi,
} from './services.ts';
import type { StatusBarRegistry } from './statusBarRegistry.ts';
import type { ViewRegistry } from './viewRegistry.ts';
import type { WebviewRegistry } from './webviewRegistry.ts';
import { runWithProgress } from './withProgress.ts';

/** Everything the host gives one plugin; its registrations are tracked in `store`. */
export interface PluginScope {
  readonly manifest: PluginManifest;
  readonly workspace: WorkspaceInfo;
  readonly graph: GraphBackend;
  readonly documents: DocumentBackend | undefined;
  readonly activity?: ActivityBackend | undefined;
  readonly calendarFeeds?: CalendarFeedBackend | undefined;
  readonly healthChecks?: HealthChecksBackend | undefined;
  /** The workspace's accounts (since API 1.4). */
  readonly members?: MembersBackend | undefined;
  readonly ui: WorkbenchUi;
  readonly settings: SettingsBackend;
  readonly storage: StorageBackend;
  readonly contributions: ContributionRegistry;
  readonly commands: CommandRegistry;
  readonly views: ViewRegistry;
  /** Custom (DOM) views of in-page plugins. */
  readonly customViews: CustomViewRegistry;
  /** Webview views (sandboxed iframes) of any plugin. */
  readonly webviews: WebviewRegistry;
  /** Providers of declared analyses (API 1.4). */
  readonly analyses: AnalysisRegistry;
  readonly statusBar: StatusBarRegistry;
  /** Quick open providers of any plugin (since API 1.4). */
  readonly quickOpen: QuickOpenRegistry;
  /** Runs a command through the host (activating its plugin when needed). */
  readonly executeCommand: (
    id: string,
    args: JsonValue[],
    /** The calling plugin, whose permissions the workbench's own commands may require. */
    caller: CommandCaller,
  ) => Promise<unknown>;
  /** Where the plugin's log lines go. */
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Disposed when the plugin deactivates: nothing it registered outlives it. */
  readonly store: DisposableStore;
}

const settingMatches = (setting: ManifestSetting, value: JsonValue): boolean =>
  setting.type === 'enum'
    ? typeof value === 'string' && (setting.options ?? []).includes(value)
    : typeof value === setting.type;

const optionalText = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** What a provider answered, as results the palette can show: malformed ones are left out. */
function quickOpenResults(answer: unknown, limit: number): QuickOpenResult[] {
  if (!Array.isArray(answer)) return [];
  const results: QuickOpenResult[] = [];
  for (const r of answer as Partial<Record<keyof QuickOpenResult, unknown>>[]) {
    if (results.length >= limit) break;
    const resultId = optionalText(r?.id);
    const label = optionalText(r?.label);
    if (!resultId || !label) continue;
    const description = optionalText(r.description);
    const icon = optionalText(r.icon);
    results.push({
      id: resultId,
      label,
      ...(description ? { description } : {}),
      ...(icon ? { icon } : {}),
    });
  }
  return results;
}

/**
 * Builds the API object a plugin's `activate` receives, scoped to its permissions. In-page plugins
 * get it directly; sandboxed ones reach the same object through the host bridge, so permission
 * checks live in one place.
 */
export function createPluginContext(scope: PluginScope): PluginContext {
  const { manifest, store } = scope;
  const id = manifest.id;
  const granted: readonly PluginPermission[] = manifest.permissions;
  const need = (permission: PluginPermission, call: string) =>
    demand(id, granted, permission, call);
  /** Subscribes through `event` and tracks the subscription. */
  const tracked =
    <T>(event: Event<T>, permission?: [PluginPermission, string]): Event<T> =>
    (listener) => {
      if (permission) need(...permission);
      const sub = store.add(event(listener));
      return toDisposable(() => {
        sub.dispose();
        store.delete(sub);
      });
    };
  const track = (disposable: Disposable): Disposable => {
    store.add(disposable);
    return toDisposable(() => {
      disposable.dispose();
      store.delete(disposable);
    });
  };
  const requireDocuments = () => {
    if (!scope.documents) throw new Error('Documents are not available in this workspace.');
    return scope.documents;
  };
  const requireVersions = (call: string) => {
    const versions = requireDocuments().versions;
    if (!versions) throw new Error(`${call}: this host keeps no document versions.`);
    return versions;
  };
  const requireActivity = (call: string) => {
    need('activity.read', call);
    if (!scope.activity) throw new Error('Activity records are not available in this workspace.');
    return scope.activity;
  };
  const requireHealthChecks = (permission: PluginPermission, call: string) => {
    need(permission, call);
    if (!scope.healthChecks) throw new Error('Health checks are not available in this workspace.');
    return scope.healthChecks;
  };
  const roundIdOf = (call: string, roundId: unknown): string => {
    if (typeof roundId !== 'string' || roundId === '')
      throw new Error(`${call}: give the id of a health-check round.`);
    return roundId;
  };
  const requireFeeds = (call: string) => {
    need('graph.read', call);
    if (!scope.calendarFeeds)
      throw new Error('Calendar feed links need the Repertoire server; this workspace has none.');
    return scope.calendarFeeds;
  };
  const settingOf = (key: string): (ManifestSetting & { pluginId: string }) | undefined =>
    scope.contributions.settings().find((s) => s.key === key);

  const context: PluginContext = {
    plugin: { id, version: manifest.version, displayName: manifest.displayName },
    apiVersion: API_VERSION,
    permissions: granted,
    workspace: scope.workspace,
    subscriptions: [],
    graph: {
      async getEntity(entityId) {
        need('graph.read', 'graph.getEntity');
        return scope.graph.getEntity(entityId);
      },
      async entities(query) {
        need('graph.read', 'graph.entities');
        return scope.graph.entities(query);
      },
      async relations(query) {
        need('graph.read', 'graph.relations');
        return scope.graph.relations(query);
      },
      async neighbourhood(entityId, depth = 1) {
        need('graph.read', 'graph.neighbourhood');
        return scope.graph.neighbourhood(entityId, depth);
      },
      async at(date) {
        need('graph.read', 'graph.at');
        const when = typeof date === 'string' ? new Date(date) : new Date(Number.NaN);
        if (Number.isNaN(when.getTime()))
          throw new Error(`graph.at: ${JSON.stringify(date)} is not an ISO 8601 date.`);
        return scope.graph.at(when);
      },
      async search(text, options = {}) {
        need('graph.read', 'graph.search');
        if (typeof text !== 'string') throw new Error('graph.search: the text must be a string.');
        const limit = options.limit;
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
          throw new Error('graph.search: limit must be a positive whole number.');
        return scope.graph.search(text, options);
      },
      async entityKinds() {
        need('graph.read', 'graph.entityKinds');
        return scope.graph.entityKinds();
      },
      async relationKinds() {
        need('graph.read', 'graph.relationKinds');
        return scope.graph.relationKinds();
      },
      async styles() {
        need('graph.read', 'graph.styles');
        return scope.contributions.graphStyles().map((s) => ({ ...s }));
      },
      onDidChange: tracked(scope.graph.onDidChange, ['graph.read', 'graph.onDidChange']),
      async transact(build) {
        need('graph.write', 'graph.transact');
        const { value, edits } = await recordTransaction(build);
        return { ...scope.graph.applyEdits(edits), value };
      },
      async applyEdits(edits) {
        need('graph.write', 'graph.applyEdits');
        return scope.graph.applyEdits(edits);
      },
    },
    documents: {
      async list() {
        need('documents.read', 'documents.list');
        return requireDocuments().list();
      },
      async create(options) {
        need('documents.write', 'documents.create');
        return requireDocuments().create(options);
      },
      async getText(docId) {
        need('documents.read', 'documents.getText');
        return requireDocuments().getText(docId);
      },
      async openLive(docId) {
        need('documents.read', 'documents.openLive');
        const backend = requireDocuments();
        if (!backend.openLive)
          throw new Error(
            'documents.openLive: live documents are only available in the workbench.',
          );
        const live = bindLiveDocument(
          docId,
          backend.openLive(docId),
          { pluginId: id, write: granted.includes('documents.write') },
          () => store.delete(live),
        );
        // Deactivating the plugin closes what it left open.
        store.add(live);
        await live.whenLoaded;
        return live;
      },
      async versions(docId) {
        need('documents.read', 'documents.versions');
        return requireVersions('documents.versions').list(docId);
      },
      async saveVersion(docId, name) {
        need('documents.write', 'documents.saveVersion');
        if (typeof name !== 'string' || name.trim() === '')
          throw new Error('documents.saveVersion: give the version a name.');
        return requireVersions('documents.saveVersion').save(docId, name.trim());
      },
      async loadVersion(docId, versionId) {
        need('documents.read', 'documents.loadVersion');
        return requireVersions('documents.loadVersion').load(docId, versionId);
      },
      async open(docId) {
        await scope.ui.openDocument(docId);
      },
      onDidOpen: tracked(scope.ui.onDidOpenDocument),
    },
    activity: {
      async member() {
        return requireActivity('activity.member').member();
      },
      async claimMember(memberId) {
        if (typeof memberId !== 'string' || memberId === '')
          throw new Error('activity.claimMember: give the id of a member entity.');
        return requireActivity('activity.claimMember').claimMember(memberId);
      },
      async access() {
        return requireActivity('activity.access').access();
      },
      async records(query = {}) {
        return requireActivity('activity.records').records(query);
      },
    },
    // The server validates and decides; these only check the permission and the argument shape.
    healthChecks: {
      async rounds() {
        return requireHealthChecks('healthChecks.read', 'healthChecks.rounds').rounds();
      },
      async open(input) {
        return requireHealthChecks('healthChecks.write', 'healthChecks.open').open(input);
      },
      async close(roundId) {
        const call = 'healthChecks.close';
        return requireHealthChecks('healthChecks.write', call).close(roundIdOf(call, roundId));
      },
      async answer(roundId, answer) {
        const call = 'healthChecks.answer';
        return requireHealthChecks('healthChecks.write', call).answer(
          roundIdOf(call, roundId),
          answer,
        );
      },
      async withdraw(roundId) {
        const call = 'healthChecks.withdraw';
        return requireHealthChecks('healthChecks.write', call).withdraw(roundIdOf(call, roundId));
      },
    },
    calendarFeeds: {
      async create() {
        return requireFeeds('calendarFeeds.create').create();
      },
      async list() {
        return requireFeeds('calendarFeeds.list').list();
      },
      async revoke(feedId) {
        if (typeof feedId !== 'string' || feedId === '')
          throw new Error('calendarFeeds.revoke: give the id of one of your feed links.');
        return requireFeeds('calendarFeeds.revoke').revoke(feedId);
      },
    },
    members: membersApi(scope.members, need, tracked),
    quickOpen: {
      registerProvider(providerId, provider) {
        if (typeof providerId !== 'string' || providerId === '')
          throw new Error('quickOpen.registerProvider: give the provider an id.');
        if (typeof provider?.search !== 'function' || typeof provider.open !== 'function')
          throw new Error('quickOpen.registerProvider: a provider needs search and open.');
        const title = typeof provider.title === 'string' && provider.title ? provider.title : id;
        return track(
          scope.quickOpen.register(providerId, id, {
            title,
            // A plugin's answers reach the palette only as plain, bounded results.
            search: async (query, limit) =>
              quickOpenResults(await provider.search(query, limit), limit),
            open: (resultId) => provider.open(resultId),
          }),
        );
      },
    },
    commands: {
      registerCommand(commandId, handler) {
        return track(scope.commands.register(commandId, id, handler));
      },
      async executeCommand<T>(commandId: string, ...args: JsonValue[]) {
        return (await scope.executeCommand(commandId, args, {
          pluginId: id,
          permissions: granted,
        })) as T;
      },
      async getCommands() {
        const declared: CommandInfo[] = scope.contributions
          .commands()
          .map(({ id: cid, title, category, pluginId }) => ({
            id: cid,
            title,
            pluginId,
            ...(category ? { category } : {}),
          }));
        const known = new Set(declared.map((c) => c.id));
        const extra = scope.commands
          .list()
          .filter((c) => !known.has(c.id))
          .map((c) => ({ id: c.id, title: c.id, pluginId: c.pluginId }));
        return [...declared, ...extra];
      },
      async getKeybinding(commandId) {
        if (typeof commandId !== 'string')
          throw new Error('commands.getKeybinding: give a command id.');
        return scope.ui.keybindingFor?.(commandId);
      },
      async getEntityActions(entityId) {
        need('graph.read', 'commands.getEntityActions');
        if (typeof entityId !== 'string')
          throw new Error('commands.getEntityActions: give an entity id.');
        const entity = await scope.graph.getEntity(entityId);
        if (!entity) return [];
        const titles = new Map(scope.contributions.commands().map((c) => [c.id, c.title]));
        return scope.contributions
          .menu('entity/context')
          .filter((item) => entityMenuApplies(item.when, entity.kind))
          .map((item) => ({
            command: item.command,
            title: titles.get(item.command) ?? item.command,
            pluginId: item.pluginId,
          }));
      },
    },
    views: {
      registerViewProvider(viewId, provider) {
        if (scope.contributions.viewOwner(viewId) !== id)
          throw new Error(
            `Plugin ${id} cannot provide view ${viewId}: its manifest does not declare it in contributes.views.`,
          );
        const registration = scope.views.register(
          viewId,
          id,
          async () => provider.resolve(),
          provider.submit ? async (values) => provider.submit?.(values) : undefined,
        );
        const changes = provider.onDidChange?.(() => scope.views.changed(viewId));
        return track(
          toDisposable(() => {
            changes?.dispose();
            registration.dispose();
          }),
        );
      },
      registerCustomView(viewId, provider) {
        if (scope.contributions.viewOwner(viewId) !== id)
          throw new Error(
            `Plugin ${id} cannot render view ${viewId}: its manifest does not declare it in contributes.views.`,
          );
        return track(scope.customViews.register(viewId, id, provider));
      },
    },
    analyses: {
      registerAnalysis(analysisId, provider) {
        if (!scope.contributions.analyses().some((a) => a.id === analysisId && a.pluginId === id))
          throw new Error(
            `Plugin ${id} cannot provide analysis ${analysisId}: its manifest does not declare it in contributes.analyses.`,
          );
        if (typeof provider?.run !== 'function')
          throw new Error(`Analysis ${analysisId} needs a provider with a run() method.`);
        return track(scope.analyses.register(analysisId, id, provider));
      },
    },
    webviews: {
      registerWebviewViewProvider(viewId, provider) {
        if (scope.contributions.viewOwner(viewId) !== id)
          throw new Error(
            `Plugin ${id} cannot provide webview ${viewId}: its manifest does not declare it in contributes.views.`,
          );
        const network = granted.includes('network');
        return track(
          scope.webviews.register({
            viewId,
            pluginId: id,
            provider,
            networkOrigins: network ? manifest.networkOrigins : [],
            report: (message) => {
              scope.log('warn', message);
              void scope.ui.showNotification(id, message, { severity: 'warning' });
            },
          }),
        );
      },
    },
    window: {
      showNotification(message, options = {}) {
        return scope.ui.showNotification(id, message, options);
      },
      showQuickPick(items, options = {}) {
        return scope.ui.showQuickPick(items, options);
      },
      showInputBox(options = {}) {
        return scope.ui.showInputBox(options);
      },
      createStatusBarItem(options) {
        const registration = track(scope.statusBar.add(id, options));
        return {
          id: options.id,
          update: (patch) => scope.statusBar.update(id, options.id, patch),
          dispose: () => registration.dispose(),
        };
      },
      openEntity(entityId) {
        return scope.ui.openEntity(entityId);
      },
      withProgress(options, task) {
        return runWithProgress(scope.ui, id, options, task);
      },
      async showView(viewId, options) {
        if (scope.contributions.viewOwner(viewId) !== id)
          throw new Error(
            `Plugin ${id} cannot show view ${viewId}: its manifest does not declare it in contributes.views.`,
          );
        if (!scope.ui.openView) throw new Error(`There is no screen to show view ${viewId} on.`);
        await scope.ui.openView(
          viewId,
          options?.preserveFocus === true ? { preserveFocus: true } : undefined,
        );
      },
      onDidChangeSelection: tracked(scope.ui.onDidChangeSelection),
    },
    files: {
      async showOpenDialog(options = {}) {
        need('files', 'files.showOpenDialog');
        return scope.ui.showOpenDialog(options);
      },
      async saveFile(name, data, mimeType = 'application/octet-stream') {
        need('files', 'files.saveFile');
        await scope.ui.saveFile(name, data, mimeType);
      },
    },
    settings: {
      async get<T extends JsonValue>(key: string) {
        const setting = settingOf(key);
        if (!setting) throw new Error(`Setting ${key} is not declared by any enabled plugin.`);
        return (scope.settings.getPluginSetting(setting.pluginId, key) ?? setting.default) as T;
      },
      async update(key, value) {
        const setting = settingOf(key);
        if (!setting || setting.pluginId !== id)
          throw new Error(
            `Plugin ${id} cannot change setting ${key}: its manifest does not declare it in contributes.settings.`,
          );
        if (!settingMatches(setting, value))
          throw new Error(
            `Setting ${key} must be ${setting.type === 'enum' ? `one of ${setting.options?.join(', ')}` : `a ${setting.type}`}.`,
          );
        scope.settings.setPluginSetting(id, key, value);
      },
      onDidChange: (listener) => {
        const keys = (manifest.contributes.settings ?? []).map((s) => s.key);
        const read = (key: string) => scope.settings.getPluginSetting(id, key);
        const last = new Map(keys.map((key) => [key, JSON.stringify(read(key))]));
        return tracked(scope.settings.onDidChange)(({ pluginId }) => {
          if (pluginId !== id) return;
          for (const key of keys) {
            const value = read(key);
            if (JSON.stringify(value) === last.get(key)) continue;
            last.set(key, JSON.stringify(value));
            listener({ key, value });
          }
        });
      },
    },
    storage: {
      async get<T extends JsonValue>(key: string) {
        return (await scope.storage.get(id, key)) as T | undefined;
      },
      async set(key, value) {
        await scope.storage.set(id, key, value);
      },
      async delete(key) {
        await scope.storage.delete(id, key);
      },
      async keys() {
        return scope.storage.keys(id);
      },
    },
    editors: createEditorsApi(scope.ui, need, tracked),
    log: {
      info: (message) => scope.log('info', message),
      warn: (message) => scope.log('warn', message),
      error: (message) => scope.log('error', message),
    },
  };
  return context;
}

/**
 * Whether an `entity/context` item's `when` holds for an entity of `kind`: none, or
 * `entityKind == <kind>` (a built-in's kind by its short or qualified name). Anything else is not
 * understood, so the item is left out rather than offered where it does not fit.
 */
export function entityMenuApplies(when: string | undefined, kind: string): boolean {
  if (when === undefined) return true;
  const wanted = /^\s*entityKind\s*==\s*([\w./-]+)\s*$/.exec(when)?.[1];
  if (!wanted) return false;
  return (
    wanted === kind ||
    (wanted.includes('/') &&
      wanted.slice(wanted.indexOf('/') + 1) === kind &&
      wanted.startsWith('repertoire.'))
  );
}
