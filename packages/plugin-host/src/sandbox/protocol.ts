import type {
  JsonValue,
  PluginPermission,
  StatusBarItemOptions,
  ViewContent,
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
  | 'settings.onDidChange';

/** API methods a sandboxed plugin may call through {@link HostBridge.call}. */
export const BRIDGED_METHODS = [
  'graph.getEntity',
  'graph.entities',
  'graph.relations',
  'graph.neighbourhood',
  'graph.at',
  'graph.entityKinds',
  'graph.relationKinds',
  'graph.applyEdits',
  'documents.list',
  'documents.create',
  'documents.getText',
  'documents.open',
  'activity.member',
  'activity.claimMember',
  'activity.access',
  'activity.records',
  'commands.executeCommand',
  'commands.getCommands',
  'window.showNotification',
  'window.showQuickPick',
  'window.showInputBox',
  'window.openEntity',
  'settings.get',
  'settings.update',
  'storage.get',
  'storage.set',
  'storage.delete',
  'storage.keys',
] as const;

/** One of {@link BRIDGED_METHODS}. */
export type BridgedMethod = (typeof BRIDGED_METHODS)[number];

/** The host side, exposed to the Worker. Every method is permission-checked by the host. */
export interface HostBridge {
  /** Calls an API method with serializable arguments. */
  call(method: BridgedMethod, args: unknown[]): Promise<unknown>;
  /** Subscribes to an event; the host delivers it through {@link SandboxApi.dispatch}. */
  subscribe(event: SandboxEventName): Promise<number>;
  /** Registers a command implemented in the Worker. */
  registerCommand(id: string): Promise<number>;
  /** Registers a view provider implemented in the Worker. */
  registerViewProvider(viewId: string): Promise<number>;
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
  /** Delivers an event to a subscription handle. */
  dispatch(handle: number, payload: unknown): Promise<void>;
}
