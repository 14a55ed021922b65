import type { Disposable } from '@repertoire/base';
import type { PluginPermission } from '@repertoire/schema';
import type { ActivityApi } from './activity.ts';
import type { AnalysesApi } from './analyses.ts';
import type { CalendarFeedsApi } from './calendarFeeds.ts';
import type { CommandsApi } from './commands.ts';
import type { DocumentsApi } from './documents.ts';
import type { EditorsApi } from './entityEditors.ts';
import type { FilesApi } from './files.ts';
import type { GraphApi } from './graph.ts';
import type { HealthChecksApi } from './healthChecks.ts';
import type { MembersApi } from './members.ts';
import type { QuickOpenApi } from './quickOpen.ts';
import type { SettingsApi, StorageApi } from './settings.ts';
import type { ViewsApi } from './views.ts';
import type { WebviewsApi } from './webviews.ts';
import type { WindowApi } from './window.ts';

/** Who the plugin is, from its manifest. */
export interface PluginInfo {
  /** `publisher.name`, e.g. `repertoire.community`. */
  readonly id: string;
  /** The plugin's version. */
  readonly version: string;
  /** Its human name. */
  readonly displayName: string;
}

/** The workspace the plugin runs in. */
export interface WorkspaceInfo {
  /** The workspace (community) id. */
  readonly id: string;
  /** The member using this window. */
  readonly user: { readonly id: string; readonly name: string };
  /** The workspace's (community's) name, as its members see it (since 1.5). */
  readonly name?: string;
  /**
   * True when the member joined the workspace (accepted an invitation) just before this window
   * opened it (since 1.5), so a plugin may greet them; false or absent on every later visit.
   */
  readonly joined?: boolean;
}

/** Messages a plugin writes for its author; the host prefixes them with the plugin id. */
export interface PluginLog {
  /** Something worth knowing. */
  info(message: string): void;
  /** Something unexpected that the plugin survived. */
  warn(message: string): void;
  /** Something that failed. */
  error(message: string): void;
}

/**
 * What `activate` receives: the whole API, scoped to this plugin and its permissions. The same
 * object shape is given to plugins in the page and in the Worker sandbox.
 */
export interface PluginContext {
  /** The plugin itself. */
  readonly plugin: PluginInfo;
  /** The API version the host implements (see `API_VERSION`). */
  readonly apiVersion: string;
  /** The permissions the manifest declared (and the host grants). */
  readonly permissions: readonly PluginPermission[];
  /** The workspace and user. */
  readonly workspace: WorkspaceInfo;
  /**
   * Push every Disposable the plugin creates here; the host disposes them all when the plugin is
   * deactivated, disabled or reloaded. Registrations made through this context are also tracked
   * by the host, so forgetting one does not leak.
   */
  readonly subscriptions: Disposable[];
  /** The community's graph. */
  readonly graph: GraphApi;
  /** Co-edited documents. */
  readonly documents: DocumentsApi;
  /** Commands. */
  readonly commands: CommandsApi;
  /** Views. */
  readonly views: ViewsApi;
  /** Views with the plugin's own UI in sandboxed iframes. */
  readonly webviews: WebviewsApi;
  /** Notifications, quick picks, input, status bar. */
  readonly window: WindowApi;
  /** Files the member opens and saves (importers, exporters); needs `files`. */
  readonly files: FilesApi;
  /** Workspace settings declared by this plugin. */
  readonly settings: SettingsApi;
  /** Storage private to this plugin. */
  readonly storage: StorageApi;
  /** The plugin's log. */
  readonly log: PluginLog;
  /** Who each account is among the members, and the server's activity records (`activity.read`). */
  readonly activity: ActivityApi;
  /** Six-elements health-check rounds and this member's private answers (`healthChecks.*`). */
  readonly healthChecks: HealthChecksApi;
  /** Calendar feed links for members' calendar apps (`graph.read`); since API 1.3. */
  readonly calendarFeeds: CalendarFeedsApi;
  /** Which entity the active editor tab shows, and closing an entity's tabs; since API 1.4. */
  readonly editors: EditorsApi;
  /** The workspace's accounts, roles, presence and invitations (`members.*`); since API 1.4. */
  readonly members: MembersApi;
  /** Results for quick open ("Go to…"); since API 1.4. */
  readonly quickOpen: QuickOpenApi;
  /** Analyses declared in `contributes.analyses`, shown in a tab when run; since API 1.4. */
  readonly analyses: AnalysesApi;
}

/** What a plugin's `main` module exports. */
export interface PluginModule {
  /** Called once when an activation event fires; register everything here. */
  activate(context: PluginContext): void | Promise<void>;
  /** Called before the plugin's subscriptions are disposed; undo anything not disposable. */
  deactivate?(): void | Promise<void>;
}

/** Types a plugin module (a no-op at run time): `export default definePlugin({ activate })`. */
export function definePlugin(module: PluginModule): PluginModule {
  return module;
}
