import {
  type AnalysisProvider,
  type CommandHandler,
  type Disposable,
  Emitter,
  type Event,
  type JsonValue,
  type LiveDocument,
  PermissionDeniedError,
  type PluginContext,
  type PluginModule,
  type QuickOpenProvider,
  recordTransaction,
  type StatusBarItemOptions,
  type TransactionResult,
  toDisposable,
  type ViewProvider,
  type WebviewView,
  type WebviewViewProvider,
} from '@repertoire/plugin-api';
import * as Comlink from 'comlink';
import { normalizeModule } from '../pluginModule.ts';
import { cancellationSource } from '../withProgress.ts';
import type {
  BridgedMethod,
  HostBridge,
  LiveDocumentOp,
  SandboxApi,
  SandboxEventName,
  SandboxInit,
} from './protocol.ts';

/** Options of {@link exposeSandbox}. */
export interface ExposeSandboxOptions {
  /**
   * Where to import the plugin from, instead of `SandboxInit.mainUrl`: in the browser, the blob:
   * URL the sandbox frame made of the code the host fetched, as the frame itself may fetch nothing.
   */
  readonly moduleUrl?: string;
}

/**
 * The Worker end of the sandbox: builds a {@link PluginContext} whose every call is a message to
 * the host, imports the plugin and runs it. Exposed on `endpoint` (a MessagePort from the host in
 * the browser's sandbox frame, a `worker_threads` port in Node).
 */
export function exposeSandbox(
  endpoint: Comlink.Endpoint,
  options: ExposeSandboxOptions = {},
): void {
  let bridge: HostBridge | undefined;
  let module: PluginModule | undefined;
  let context: PluginContext | undefined;
  const commands = new Map<string, CommandHandler>();
  const views = new Map<string, ViewProvider>();
  const analyses = new Map<string, AnalysisProvider>();
  const webviewProviders = new Map<string, WebviewViewProvider>();
  const quickOpen = new Map<string, QuickOpenProvider>();
  const webviews = new Map<number, { received: Emitter<JsonValue>; disposed: Emitter<void> }>();
  const listeners = new Map<number, (payload: unknown) => void>();
  const pending = new Set<Promise<unknown>>();

  const sandbox: SandboxApi = {
    async activate(remote, init) {
      bridge = remote;
      if (!init.permissions.includes('network')) blockNetwork(init.pluginId);
      context = createRemoteContext(remote, init, {
        commands,
        views,
        analyses,
        webviewProviders,
        quickOpen,
        listeners,
        pending,
      });
      const loaded: unknown = await import(/* @vite-ignore */ options.moduleUrl ?? init.mainUrl);
      module = normalizeModule(loaded, init.pluginId);
      await module.activate(context);
      // Registrations travel on the bridge's own port: let them land before reporting "active".
      await Promise.allSettled([...pending]);
    },
    async deactivate() {
      try {
        await module?.deactivate?.();
      } finally {
        for (const d of context?.subscriptions.splice(0).reverse() ?? []) {
          try {
            d.dispose();
          } catch (error) {
            await bridge?.log('error', `disposing a subscription failed: ${String(error)}`);
          }
        }
      }
    },
    async invokeCommand(id, args) {
      const handler = commands.get(id);
      if (!handler) throw new Error(`Command ${id} is not registered in the sandbox.`);
      return handler(...args);
    },
    async resolveView(viewId) {
      const provider = views.get(viewId);
      if (!provider) throw new Error(`View ${viewId} has no provider in the sandbox.`);
      return provider.resolve();
    },
    async quickOpenSearch(id, query, limit) {
      const provider = quickOpen.get(id);
      if (!provider) throw new Error(`Quick open provider ${id} is not registered in the sandbox.`);
      return provider.search(query, limit);
    },
    async quickOpenOpen(id, resultId) {
      const provider = quickOpen.get(id);
      if (!provider) throw new Error(`Quick open provider ${id} is not registered in the sandbox.`);
      await provider.open(resultId);
    },
    async submitView(viewId, values) {
      const provider = views.get(viewId);
      if (!provider?.submit) throw new Error(`View ${viewId} takes no form values in the sandbox.`);
      return (await provider.submit(values)) ?? undefined;
    },
    async runAnalysis(id) {
      const provider = analyses.get(id);
      if (!provider) throw new Error(`Analysis ${id} is not registered in the sandbox.`);
      return provider.run();
    },
    async resolveWebview(viewId, session) {
      const provider = webviewProviders.get(viewId);
      if (!provider || !bridge)
        throw new Error(`View ${viewId} has no webview provider in the sandbox.`);
      const host = bridge;
      const received = new Emitter<JsonValue>();
      const disposed = new Emitter<void>();
      webviews.set(session, { received, disposed });
      const view: WebviewView = {
        viewId,
        webview: {
          setContent: (content) => {
            host.webviewSetContent(session, content).catch((error: unknown) => {
              void host.log('error', `webview ${viewId}: ${String(error)}`);
            });
          },
          postMessage: (message) => host.webviewPostMessage(session, message),
          onDidReceiveMessage: received.event,
        },
        onDidDispose: disposed.event,
      };
      await provider.resolveWebviewView(view);
    },
    async webviewMessage(session, message) {
      webviews.get(session)?.received.fire(message);
    },
    async webviewDisposed(session) {
      const entry = webviews.get(session);
      webviews.delete(session);
      entry?.disposed.fire();
      entry?.received.dispose();
      entry?.disposed.dispose();
    },
    async dispatch(handle, payload) {
      listeners.get(handle)?.(payload);
    },
  };
  Comlink.expose(sandbox, endpoint);
}

/** A live document opened through the host: every read and write is a message to the bridge. */
async function remoteLiveDocument(
  bridge: HostBridge,
  id: string,
  remoteEventOf: <T>(subscribe: () => Promise<number>) => Event<T>,
): Promise<LiveDocument> {
  const { handle, writable } = await bridge.openLiveDocument(id);
  const op = <T>(name: LiveDocumentOp, ...args: unknown[]) =>
    bridge.liveDocument(handle, name, args) as Promise<T>;
  let disposed = false;
  return {
    id,
    writable,
    whenLoaded: Promise.resolve(),
    whenSynced: op('whenSynced'),
    state: () => op('state'),
    onDidUpdate: remoteEventOf(() => bridge.subscribeLiveDocument(handle, 'update')),
    update: (update) => op('update', update),
    presence: () => op('presence'),
    onDidChangePresence: remoteEventOf(() => bridge.subscribeLiveDocument(handle, 'presence')),
    setPresence: (state) => void op('setPresence', state).catch(() => {}),
    setMentions: (entityIds) => op('setMentions', [...entityIds]),
    dispose() {
      if (disposed) return;
      disposed = true;
      bridge.dispose(handle).catch(() => {});
    },
  };
}

/**
 * Without the `network` permission, the Worker's own network doors are shut before import. This is
 * not what keeps a plugin in (a plugin can reach the originals, e.g. on `WorkerGlobalScope.prototype`):
 * in the browser the sandbox frame's CSP does, and in Node the sandbox only runs trusted test code.
 * It turns the common mistake into a clear permission error instead of a CSP report.
 */
function blockNetwork(pluginId: string): void {
  const scope = globalThis as Record<string, unknown>;
  const deny = (name: string) =>
    function denied(): never {
      throw new PermissionDeniedError(pluginId, 'network', name);
    };
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts']) {
    if (name in scope) scope[name] = deny(name);
  }
}

interface LocalRegistries {
  commands: Map<string, CommandHandler>;
  views: Map<string, ViewProvider>;
  analyses: Map<string, AnalysisProvider>;
  webviewProviders: Map<string, WebviewViewProvider>;
  quickOpen: Map<string, QuickOpenProvider>;
  listeners: Map<number, (payload: unknown) => void>;
  /** Registrations still on their way to the host. */
  pending: Set<Promise<unknown>>;
}

/** A PluginContext whose methods are messages to the host bridge. */
function createRemoteContext(
  bridge: HostBridge,
  init: SandboxInit,
  local: LocalRegistries,
): PluginContext {
  const call = <T>(method: BridgedMethod, ...args: unknown[]) =>
    bridge.call(method, args) as Promise<T>;
  const report = (error: unknown) =>
    bridge.log('error', error instanceof Error ? error.message : String(error)).catch(() => {});
  /** A handle-backed registration: registered at once, disposed when the handle resolves. */
  const handleDisposable = (handle: Promise<number>, onDispose: () => void): Disposable => {
    handle.catch(report);
    local.pending.add(handle);
    handle.finally(() => local.pending.delete(handle)).catch(() => {});
    return toDisposable(() => {
      onDispose();
      handle.then((h) => bridge.dispose(h)).catch(() => {});
    });
  };
  /** An event fed by the host only while someone listens. */
  const remoteEventOf = <T>(subscribe: () => Promise<number>): Event<T> => {
    let handle: Promise<number> | undefined;
    const emitter: Emitter<T> = new Emitter<T>({
      onFirstListener: () => {
        const h = subscribe();
        handle = h;
        h.then((id) => local.listeners.set(id, (payload) => emitter.fire(payload as T))).catch(
          report,
        );
      },
      onLastListener: () => {
        const h = handle;
        handle = undefined;
        h?.then((id) => {
          local.listeners.delete(id);
          return bridge.dispose(id);
        }).catch(() => {});
      },
    });
    return emitter.event;
  };

  /** An event the host feeds by name. */
  const remoteEvent = <T>(name: SandboxEventName): Event<T> =>
    remoteEventOf<T>(() => bridge.subscribe(name));

  return {
    plugin: { id: init.pluginId, version: init.version, displayName: init.displayName },
    apiVersion: init.apiVersion,
    permissions: init.permissions,
    workspace: init.workspace,
    subscriptions: [],
    graph: {
      getEntity: (id) => call('graph.getEntity', id),
      entities: (query) => call('graph.entities', query),
      relations: (query) => call('graph.relations', query),
      neighbourhood: (id, depth) => call('graph.neighbourhood', id, depth),
      at: (date) => call('graph.at', date),
      entityKinds: () => call('graph.entityKinds'),
      relationKinds: () => call('graph.relationKinds'),
      styles: () => call('graph.styles'),
      search: (text, options) => call('graph.search', text, options),
      onDidChange: remoteEvent('graph.onDidChange'),
      async transact(build) {
        const { value, edits } = await recordTransaction(build);
        const result = await call<TransactionResult<undefined>>('graph.applyEdits', edits);
        return { ...result, value };
      },
      applyEdits: (edits) => call('graph.applyEdits', edits),
    },
    documents: {
      list: () => call('documents.list'),
      create: (options) => call('documents.create', options),
      getText: (id) => call('documents.getText', id),
      open: (id) => call('documents.open', id),
      openLive: (id) => remoteLiveDocument(bridge, id, remoteEventOf),
      versions: (id) => call('documents.versions', id),
      saveVersion: (id, name) => call('documents.saveVersion', id, name),
      loadVersion: (id, versionId) => call('documents.loadVersion', id, versionId),
      onDidOpen: remoteEvent('documents.onDidOpen'),
    },
    activity: {
      member: () => call('activity.member'),
      claimMember: (id) => call('activity.claimMember', id),
      access: () => call('activity.access'),
      records: (query) => call('activity.records', query),
    },
    healthChecks: {
      rounds: () => call('healthChecks.rounds'),
      open: (input) => call('healthChecks.open', input),
      close: (id) => call('healthChecks.close', id),
      answer: (id, answer) => call('healthChecks.answer', id, answer),
      withdraw: (id) => call('healthChecks.withdraw', id),
    },
    calendarFeeds: {
      create: () => call('calendarFeeds.create'),
      list: () => call('calendarFeeds.list'),
      revoke: (id) => call('calendarFeeds.revoke', id),
    },
    members: {
      list: () => call('members.list'),
      onDidChange: remoteEvent('members.onDidChange'),
      setRole: (userId, role) => call('members.setRole', userId, role),
      remove: (userId) => call('members.remove', userId),
      invite: (invitation) => call('members.invite', invitation),
      invitations: () => call('members.invitations'),
      revokeInvitation: (token) => call('members.revokeInvitation', token),
    },
    quickOpen: {
      registerProvider(id, provider) {
        if (local.quickOpen.has(id))
          throw new Error(`Quick open provider ${id} is already registered.`);
        local.quickOpen.set(id, provider);
        return handleDisposable(
          bridge.registerQuickOpenProvider(id, String(provider.title ?? id)),
          () => local.quickOpen.delete(id),
        );
      },
    },
    commands: {
      registerCommand(id, handler) {
        if (local.commands.has(id)) throw new Error(`Command ${id} is already registered.`);
        local.commands.set(id, handler);
        return handleDisposable(bridge.registerCommand(id), () => local.commands.delete(id));
      },
      executeCommand: <T>(id: string, ...args: JsonValue[]) =>
        call<T>('commands.executeCommand', id, ...args),
      getCommands: () => call('commands.getCommands'),
      getKeybinding: (id) => call('commands.getKeybinding', id),
      getEntityActions: (id) => call('commands.getEntityActions', id),
    },
    views: {
      registerViewProvider(viewId, provider) {
        local.views.set(viewId, provider);
        const changes = provider.onDidChange?.(() => {
          bridge.viewChanged(viewId).catch(report);
        });
        return handleDisposable(bridge.registerViewProvider(viewId, !!provider.submit), () => {
          changes?.dispose();
          local.views.delete(viewId);
        });
      },
      registerCustomView(viewId) {
        // A Worker has no DOM to render into, and a third-party plugin may not touch the page's.
        throw new Error(
          `Plugin ${init.pluginId} runs in the sandbox and cannot render custom view ${viewId}: only trusted built-in plugins may. Provide the view's content with views.registerViewProvider instead.`,
        );
      },
    },
    analyses: {
      registerAnalysis(id, provider) {
        if (local.analyses.has(id)) throw new Error(`Analysis ${id} is already registered.`);
        if (typeof provider?.run !== 'function')
          throw new Error(`Analysis ${id} needs a provider with a run() method.`);
        local.analyses.set(id, provider);
        return handleDisposable(bridge.registerAnalysis(id), () => local.analyses.delete(id));
      },
    },
    webviews: {
      registerWebviewViewProvider(viewId, provider) {
        if (local.webviewProviders.has(viewId))
          throw new Error(`View ${viewId} already has a webview provider.`);
        local.webviewProviders.set(viewId, provider);
        return handleDisposable(bridge.registerWebviewProvider(viewId), () =>
          local.webviewProviders.delete(viewId),
        );
      },
    },
    window: {
      showNotification: (message, options) => call('window.showNotification', message, options),
      showQuickPick: (items, options) => call('window.showQuickPick', items, options),
      showInputBox: (options) => call('window.showInputBox', options),
      createStatusBarItem(options: StatusBarItemOptions) {
        const registration = handleDisposable(bridge.createStatusBarItem(options), () => {});
        return {
          id: options.id,
          update: (patch) => {
            bridge.updateStatusBarItem(options.id, patch).catch(report);
          },
          dispose: () => registration.dispose(),
        };
      },
      openEntity: (id) => call('window.openEntity', id),
      showView: (viewId, options) =>
        call('window.showView', viewId, ...(options ? [{ ...options }] : [])),
      async withProgress(options, task) {
        const handle = (await call('window.progressStart', options)) as number;
        const cancellation = cancellationSource();
        try {
          return await task(
            {
              report(value) {
                call('window.progressReport', handle, value)
                  .then((cancelled) => {
                    if (cancelled === true) cancellation.cancel();
                  })
                  .catch(report);
              },
            },
            cancellation.token,
          );
        } finally {
          call('window.progressEnd', handle).catch(report);
          cancellation.dispose();
        }
      },
      onDidChangeSelection: remoteEvent('window.onDidChangeSelection'),
    },
    files: {
      showOpenDialog: (options) => call('files.showOpenDialog', options),
      saveFile: (name, data, mimeType) => call('files.saveFile', name, data, mimeType),
    },
    settings: {
      get: (key) => call('settings.get', key),
      update: (key, value) => call('settings.update', key, value),
      onDidChange: remoteEvent('settings.onDidChange'),
    },
    storage: {
      get: (key) => call('storage.get', key),
      set: (key, value) => call('storage.set', key, value),
      delete: (key) => call('storage.delete', key),
      keys: () => call('storage.keys'),
    },
    editors: {
      activeEntity: () => call('editors.activeEntity'),
      closeEntity: (id) => call('editors.closeEntity', id),
      onDidChangeActiveEntity: remoteEvent('editors.onDidChangeActiveEntity'),
    },
    log: {
      info: (message) => void bridge.log('info', message).catch(() => {}),
      warn: (message) => void bridge.log('warn', message).catch(() => {}),
      error: (message) => void bridge.log('error', message).catch(() => {}),
    },
  };
}
