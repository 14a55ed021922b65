import type {
  FormSubmitResult,
  FormValues,
  JsonValue,
  PluginPermission,
  QuickOpenResult,
  StatusBarItemOptions,
  ViewContent,
  WebviewContent,
  WorkspaceInfo,
} from '@repertoire/plugin-api';

// The message protocol between the host (page) and a sandboxed plugin (Worker), carried by comlink.
// Both sides only exchange structured-cloneable data; callbacks are replaced by handles.

/** What the Worker needs to start a plugin. */
export interface SandboxInit {
  /** The plugin id. */
  pluginId: string;
  /** Its version. */
  version: string;
  /** Its display name. */
  displayName: string;
  /** URL of its ES module (cache-busted on reload). */
  mainUrl: string;
  /** Declared permissions. */
  permissions: PluginPermission[];
  /** The workspace and user. */
  workspace: WorkspaceInfo;
  /** The API version of the host. */
  apiVersion: string;
}

/** Events a sandboxed plugin can subscribe to. */
export type SandboxEventName =
  | 'graph.onDidChange'
  | 'documents.onDidOpen'
  | 'window.onDidChangeSelection'
  | 'settings.onDidChange'
  | 'editors.onDidChangeActiveEntity'
  | 'members.onDidChange';

/** API methods a sandboxed plugin may call through {@link HostBridge.call}. */
export const BRIDGED_METHODS = [
  'graph.getEntity',
  'graph.entities',
  'graph.relations',
  'graph.neighbourhood',
  'graph.at',
  'graph.search',
  'graph.entityKinds',
  'graph.relationKinds',
  'graph.styles',
  'graph.applyEdits',
  'documents.list',
  'documents.create',
  'documents.getText',
  'documents.open',
  'documents.versions',
  'documents.saveVersion',
  'documents.loadVersion',
  'activity.member',
  'activity.claimMember',
  'activity.access',
  'activity.records',
  'healthChecks.rounds',
  'healthChecks.open',
  'healthChecks.close',
  'healthChecks.answer',
  'healthChecks.withdraw',
  'calendarFeeds.create',
  'calendarFeeds.list',
  'calendarFeeds.revoke',
  'members.list',
  'members.setRole',
  'members.remove',
  'members.invite',
  'members.invitations',
  'members.revokeInvitation',
  'commands.executeCommand',
  'commands.getCommands',
  'commands.getKeybinding',
  'commands.getEntityActions',
  'window.showNotification',
  'window.showQuickPick',
  'window.showInputBox',
  'window.openEntity',
  'window.showView',
  // withProgress, in three steps: the task runs in the Worker, the bar in the page.
  'window.progressStart',
  'window.progressReport',
  'window.progressEnd',
  'files.showOpenDialog',
  'files.saveFile',
  'settings.get',
  'settings.update',
  'storage.get',
  'storage.set',
  'storage.delete',
  'storage.keys',
  'editors.activeEntity',
  'editors.closeEntity',
] as const;

/** One of {@link BRIDGED_METHODS}. */
export type BridgedMethod = (typeof BRIDGED_METHODS)[number];

/** What a sandboxed plugin may ask of a live document it opened (see `LiveDocument`). */
export type LiveDocumentOp =
  | 'state'
  | 'update'
  | 'presence'
  | 'setPresence'
  | 'setMentions'
  | 'whenSynced';

/** The host side, exposed to the Worker. Every method is permission-checked by the host. */
export interface HostBridge {
  /** Calls an API method with serializable arguments. */
  call(method: BridgedMethod, args: unknown[]): Promise<unknown>;
  /** Subscribes to an event; the host delivers it through {@link SandboxApi.dispatch}. */
  subscribe(event: SandboxEventName): Promise<number>;
  /**
   * Opens a live document through the permission-checked API (`documents.openLive`); the handle
   * stands for the binding (dispose it to close the document).
   */
  openLiveDocument(id: string): Promise<{ handle: number; writable: boolean }>;
  /** Runs one operation on a live document the Worker opened. */
  liveDocument(handle: number, op: LiveDocumentOp, args: unknown[]): Promise<unknown>;
  /** Subscribes to a live document's updates or presence, delivered through `dispatch`. */
  subscribeLiveDocument(handle: number, event: 'update' | 'presence'): Promise<number>;
  /** Registers a command implemented in the Worker. */
  registerCommand(id: string): Promise<number>;
  /**
   * Registers a view provider implemented in the Worker; `submits` when it takes form values
   * (API 1.4).
   */
  registerViewProvider(viewId: string, submits?: boolean): Promise<number>;
  /** Registers an analysis implemented in the Worker (API 1.4). */
  registerAnalysis(id: string): Promise<number>;
  /** Registers a webview view provider implemented in the Worker. */
  registerWebviewProvider(viewId: string): Promise<number>;
  /** Registers a quick open provider implemented in the Worker (since API 1.4). */
  registerQuickOpenProvider(id: string, title: string): Promise<number>;
  /** Sets the content of a shown webview (`session` from {@link SandboxApi.resolveWebview}). */
  webviewSetContent(session: number, content: WebviewContent): Promise<void>;
  /** Posts a message to a shown webview; resolves false when it is closed. */
  webviewPostMessage(session: number, message: JsonValue): Promise<boolean>;
  /** Tells the host a view's content changed. */
  viewChanged(viewId: string): Promise<void>;
  /** Adds a status bar item. */
  createStatusBarItem(options: StatusBarItemOptions): Promise<number>;
  /** Changes a status bar item. */
  updateStatusBarItem(id: string, patch: Partial<StatusBarItemOptions>): Promise<void>;
  /** Disposes whatever a handle stands for (subscription, command, view, status bar item). */
  dispose(handle: number): Promise<void>;
  /** Writes to the plugin's log. */
  log(level: 'info' | 'warn' | 'error', message: string): Promise<void>;
}

/** The Worker side, exposed to the host. */
export interface SandboxApi {
  /** Imports the plugin and runs `activate` with a context that talks to `bridge`. */
  activate(bridge: HostBridge, init: SandboxInit): Promise<void>;
  /** Runs `deactivate` and disposes the plugin's subscriptions. */
  deactivate(): Promise<void>;
  /** Runs a command the plugin registered. */
  invokeCommand(id: string, args: JsonValue[]): Promise<unknown>;
  /** Resolves a view the plugin provides. */
  resolveView(viewId: string): Promise<ViewContent>;
  /** Hands a form view's values (checked by the host) to its provider's `submit` (API 1.4). */
  submitView(viewId: string, values: FormValues): Promise<void | FormSubmitResult>;
  /** Runs an analysis the plugin registered (API 1.4); the host checks the result. */
  runAnalysis(id: string): Promise<ViewContent>;
  /** Resolves a webview view the plugin provides; `session` names it in later calls. */
  resolveWebview(viewId: string, session: number): Promise<void>;
  /** Delivers a message from a shown webview (already checked to be plain JSON). */
  webviewMessage(session: number, message: JsonValue): Promise<void>;
  /** Tells the Worker a shown webview was closed. */
  webviewDisposed(session: number): Promise<void>;
  /** Asks a quick open provider the plugin registered for results. */
  quickOpenSearch(id: string, query: string, limit: number): Promise<QuickOpenResult[]>;
  /** Tells a quick open provider the member picked one of its results. */
  quickOpenOpen(id: string, resultId: string): Promise<void>;
  /** Delivers an event to a subscription handle. */
  dispatch(handle: number, payload: unknown): Promise<void>;
}
