import {
  type Disposable,
  Emitter,
  type JsonObject,
  type JsonValue,
  type LiveDocument,
  type PluginContext,
  type Progress,
  type ProgressOptions,
  type WebviewView,
} from '@repertoire/plugin-api';
import {
  BRIDGED_METHODS,
  type BridgedMethod,
  type HostBridge,
  type SandboxApi,
  type SandboxEventName,
} from './protocol.ts';

type Callable = (...args: unknown[]) => unknown;

/**
 * The host end of a sandboxed plugin: every call goes through the same permission-checked
 * {@link PluginContext} an in-page plugin gets, so the Worker can do nothing more than the API
 * allows. Registrations made from the Worker become handles the host can dispose.
 */
export function createHostBridge(
  context: PluginContext,
  sandbox: {
    invokeCommand: SandboxApi['invokeCommand'];
    resolveView: SandboxApi['resolveView'];
    submitView?: SandboxApi['submitView'];
    runAnalysis?: SandboxApi['runAnalysis'];
    dispatch: SandboxApi['dispatch'];
    resolveWebview: SandboxApi['resolveWebview'];
    webviewMessage: SandboxApi['webviewMessage'];
    webviewDisposed: SandboxApi['webviewDisposed'];
    quickOpenSearch: SandboxApi['quickOpenSearch'];
    quickOpenOpen: SandboxApi['quickOpenOpen'];
  },
): HostBridge & { disposeAll(): void } {
  const handles = new Map<number, Disposable>();
  let next = 0;
  const keep = (d: Disposable): number => {
    next += 1;
    handles.set(next, d);
    return next;
  };
  const allowed = new Set<string>(BRIDGED_METHODS);
  const method = (name: BridgedMethod): Callable => {
    const [area, fn] = name.split('.') as [keyof PluginContext, string];
    const target = context[area] as unknown as Record<string, Callable>;
    const f = target[fn];
    if (typeof f !== 'function') throw new Error(`Unknown API method ${name}.`);
    return f.bind(target);
  };
  const events: Record<SandboxEventName, PluginContext['graph']['onDidChange']> = {
    'graph.onDidChange': context.graph.onDidChange,
    'documents.onDidOpen': context.documents.onDidOpen as never,
    'window.onDidChangeSelection': context.window.onDidChangeSelection as never,
    'settings.onDidChange': context.settings.onDidChange as never,
    'editors.onDidChangeActiveEntity': context.editors.onDidChangeActiveEntity as never,
    'members.onDidChange': context.members.onDidChange as never,
  };
  const viewChanges = new Map<string, Emitter<void>>();
  const liveDocuments = new Map<number, LiveDocument>();
  const liveOf = (handle: number): LiveDocument => {
    const live = liveDocuments.get(handle);
    if (!live) throw new Error(`No live document is open under handle ${String(handle)}.`);
    return live;
  };
  const progresses = new Map<
    number,
    { progress: Progress; state: { cancelled: boolean; end: () => void } }
  >();
  const statusItems = new Map<string, { update: (patch: object) => void }>();
  const webviews = new Map<number, WebviewView>();
  let nextWebview = 0;

  return {
    async call(name, args) {
      if (!allowed.has(name)) throw new Error(`Unknown API method ${String(name)}.`);
      if (name === 'window.progressStart') {
        // The Worker's task reports here; a cancel waits for its next report to be read.
        const [options] = args as [ProgressOptions];
        const state = { cancelled: false, end: () => undefined as void };
        const done = new Promise<void>((resolve) => {
          state.end = resolve;
        });
        const handle = keep({ dispose: () => state.end() });
        void context.window.withProgress(options, async (progress, token) => {
          token.onCancellationRequested(() => {
            state.cancelled = true;
          });
          progresses.set(handle, { progress, state });
          await done;
        });
        return handle;
      }
      if (name === 'window.progressReport') {
        const [handle, value] = args as [number, { message?: string; increment?: number }];
        const entry = progresses.get(handle);
        if (!entry) return true;
        entry.progress.report(value ?? {});
        return entry.state.cancelled;
      }
      if (name === 'window.progressEnd') {
        const [handle] = args as [number];
        progresses.delete(handle);
        handles.get(handle)?.dispose();
        handles.delete(handle);
        return undefined;
      }
      if (name === 'commands.executeCommand') {
        const [id, ...rest] = args as [string, ...JsonValue[]];
        return context.commands.executeCommand(id, ...rest);
      }
      return method(name)(...args);
    },
    async subscribe(event) {
      const subscribeTo = events[event];
      if (!subscribeTo) throw new Error(`Unknown event ${String(event)}.`);
      let handle = 0;
      const sub = subscribeTo((payload) => {
        sandbox.dispatch(handle, payload).catch(() => {});
      });
      handle = keep(sub);
      return handle;
    },
    async openLiveDocument(id) {
      const live = await context.documents.openLive(id);
      const handle = keep({
        dispose: () => {
          liveDocuments.delete(handle);
          live.dispose();
        },
      });
      liveDocuments.set(handle, live);
      return { handle, writable: live.writable };
    },
    async liveDocument(handle, op, args) {
      const live = liveOf(handle);
      switch (op) {
        case 'state':
          return live.state();
        case 'update':
          return live.update(args[0] as Uint8Array);
        case 'presence':
          return live.presence();
        case 'setPresence':
          return live.setPresence((args[0] ?? null) as JsonObject | null);
        case 'setMentions':
          return live.setMentions(args[0] as string[]);
        case 'whenSynced':
          return live.whenSynced;
        default:
          throw new Error(`Unknown live document operation ${String(op)}.`);
      }
    },
    async subscribeLiveDocument(handle, event) {
      const live = liveOf(handle);
      const source =
        event === 'update'
          ? live.onDidUpdate
          : event === 'presence'
            ? live.onDidChangePresence
            : undefined;
      if (!source) throw new Error(`Unknown live document event ${String(event)}.`);
      let sub = 0;
      const subscription = source((payload) => {
        sandbox.dispatch(sub, payload).catch(() => {});
      });
      sub = keep(subscription);
      return sub;
    },
    async registerCommand(id) {
      return keep(
        context.commands.registerCommand(id, (...args) => sandbox.invokeCommand(id, args)),
      );
    },
    async registerViewProvider(viewId, submits) {
      const changed = new Emitter<void>();
      const { submitView } = sandbox;
      const registration = context.views.registerViewProvider(viewId, {
        resolve: () => sandbox.resolveView(viewId),
        onDidChange: changed.event,
        ...(submits === true && submitView
          ? { submit: (values) => submitView(viewId, values) }
          : {}),
      });
      viewChanges.set(viewId, changed);
      return keep({
        dispose: () => {
          registration.dispose();
          changed.dispose();
          viewChanges.delete(viewId);
        },
      });
    },
    async registerAnalysis(id) {
      const { runAnalysis } = sandbox;
      if (!runAnalysis) throw new Error('This sandbox cannot run analyses.');
      return keep(context.analyses.registerAnalysis(id, { run: () => runAnalysis(id) }));
    },
    async registerWebviewProvider(viewId) {
      return keep(
        context.webviews.registerWebviewViewProvider(viewId, {
          resolveWebviewView: async (view) => {
            nextWebview += 1;
            const session = nextWebview;
            webviews.set(session, view);
            view.webview.onDidReceiveMessage((message) => {
              sandbox.webviewMessage(session, message).catch(() => {});
            });
            view.onDidDispose(() => {
              webviews.delete(session);
              sandbox.webviewDisposed(session).catch(() => {});
            });
            await sandbox.resolveWebview(viewId, session);
          },
        }),
      );
    },
    async registerQuickOpenProvider(id, title) {
      return keep(
        context.quickOpen.registerProvider(id, {
          title,
          search: (query, limit) => sandbox.quickOpenSearch(id, query, limit),
          open: (resultId) => sandbox.quickOpenOpen(id, resultId),
        }),
      );
    },
    async webviewSetContent(session, content) {
      webviews.get(session)?.webview.setContent(content);
    },
    async webviewPostMessage(session, message) {
      return (await webviews.get(session)?.webview.postMessage(message)) ?? false;
    },
    async viewChanged(viewId) {
      viewChanges.get(viewId)?.fire();
    },
    async createStatusBarItem(options) {
      const item = context.window.createStatusBarItem(options);
      statusItems.set(options.id, item);
      return keep({
        dispose: () => {
          statusItems.delete(options.id);
          item.dispose();
        },
      });
    },
    async updateStatusBarItem(id, patch) {
      statusItems.get(id)?.update(patch);
    },
    async dispose(handle) {
      handles.get(handle)?.dispose();
      handles.delete(handle);
    },
    async log(level, message) {
      context.log[level](message);
    },
    disposeAll() {
      for (const d of [...handles.values()].reverse()) d.dispose();
      handles.clear();
    },
  };
}
