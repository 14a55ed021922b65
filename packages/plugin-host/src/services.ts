import type {
  ActivityAccess,
  ActivityQuery,
  ActivityRecordInfo,
  CalendarFeedInfo,
  Disposable,
  DocumentInfo,
  DocumentVersionInfo,
  EntityInfo,
  EntityKindInfo,
  EntityQuery,
  Event,
  GraphChange,
  GraphEdit,
  GraphSearchHit,
  GraphSearchOptions,
  HealthChecksApi,
  InputBoxOptions,
  JsonValue,
  MembersApi,
  NewDocument,
  NotificationOptions,
  OpenDialogOptions,
  OpenedFile,
  QuickPickItem,
  QuickPickOptions,
  RelationInfo,
  RelationKindInfo,
  RelationQuery,
  StatusBarItemOptions,
  TransactionResult,
  WorkspaceInfo,
} from '@repertoire/plugin-api';
import type {
  ManifestEntityKind,
  ManifestRelationKind,
  PluginPermission,
} from '@repertoire/schema';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

// What the host needs from the rest of the application, as interfaces the host defines (the
// binding depends on its own contract, not on concrete classes): the core adapts the graph, the
// workbench adapts its UI, and tests pass the real core plus a headless UI.

/** The graph as the host reads and writes it on behalf of plugins. */
export interface GraphBackend {
  /** One entity. */
  getEntity(id: string): EntityInfo | undefined;
  /** Entities matching a query. */
  entities(query?: EntityQuery): EntityInfo[];
  /** Relations matching a query, never dangling. */
  relations(query?: RelationQuery): RelationInfo[];
  /** Entities within `depth` hops and the relations among them. */
  neighbourhood(id: string, depth: number): { entities: EntityInfo[]; relations: RelationInfo[] };
  /**
   * The graph as it was on `date` (the plugin API's `graph.at`): from the host's history when it
   * keeps one, else from creation stamps.
   */
  at(
    date: Date,
  ):
    | { entities: EntityInfo[]; relations: RelationInfo[] }
    | Promise<{ entities: EntityInfo[]; relations: RelationInfo[] }>;
  /** Ranked title search (the plugin API's `graph.search`). */
  search(text: string, options?: GraphSearchOptions): GraphSearchHit[];
  /** Registered entity kinds. */
  entityKinds(): EntityKindInfo[];
  /** Registered relation kinds. */
  relationKinds(): RelationKindInfo[];
  /** Applies edits atomically as `userId`; throws (changing nothing) when one is invalid. */
  applyEdits(edits: GraphEdit[]): TransactionResult<undefined>;
  /** Registers an entity kind plugin `owner` contributes into the workspace. */
  registerEntityKind(kind: ManifestEntityKind, owner?: string): Disposable;
  /** Registers a relation kind plugin `owner` contributes into the workspace. */
  registerRelationKind(kind: ManifestRelationKind, owner?: string): Disposable;
  /** Fires after every change. */
  readonly onDidChange: Event<GraphChange>;
}

/**
 * A document's live content as the host holds it (the sync client's document and awareness in the
 * web app): the host binds a plugin to it and never hands these objects to the plugin.
 */
export interface LiveDocumentSource {
  /** The shared document. */
  readonly doc: Y.Doc;
  /** Its awareness (cursors, presence), when the connection has one. */
  readonly awareness?: Awareness;
  /** Resolves when the content can be shown. */
  readonly whenLoaded: Promise<void>;
  /** Resolves after the first full sync with the server. */
  readonly whenSynced: Promise<void>;
  /** Whether this member may change the document now (false for a viewer). */
  canEdit(): boolean;
  /** Reconciles the document's `mentions` relations to exactly these entities. */
  setMentions(entityIds: readonly string[]): void;
  /** Lets go of the document; the connection closes when its last holder releases it. */
  release(): void;
}

/** A document's named versions (the server's history routes in the web app). */
export interface DocumentVersionsBackend {
  /** The versions of a document, oldest first. */
  list(id: string): Promise<DocumentVersionInfo[]>;
  /** Saves a document as it is now under `name`. */
  save(id: string, name: string): Promise<DocumentVersionInfo>;
  /** A version's content as one Yjs update. */
  load(id: string, versionId: string): Promise<Uint8Array>;
}

/** Co-edited documents, provided by the core (list/create) and the editor (text). */
export interface DocumentBackend {
  /** Opens a document's live content; throws for an entity without a document. */
  openLive?(id: string): LiveDocumentSource;
  /** Named versions; without them the version calls reject with a clear message. */
  readonly versions?: DocumentVersionsBackend;
  /** Every document. */
  list(): DocumentInfo[] | Promise<DocumentInfo[]>;
  /** Creates a document. */
  create(options: NewDocument): DocumentInfo | Promise<DocumentInfo>;
  /** Plain text of a document. */
  getText(id: string): string | Promise<string>;
}

/** A progress bar the workbench shows for a plugin's long task, until {@link ProgressHandle.close}. */
export interface ProgressHandle {
  /** Moves the bar by `increment` percent and shows `message`. */
  report(value: { message?: string; increment?: number }): void;
  /** Fires once when the member chooses Cancel. */
  readonly onDidCancel: Event<void>;
  /** Removes the bar. */
  close(): void;
}

/** Who runs a command: the plugin and the permissions it was granted (API 1.5). */
export interface CommandCaller {
  /** The plugin's id; the host's own callers are `host`. */
  readonly pluginId: string;
  /** The permissions its manifest declared. */
  readonly permissions: readonly PluginPermission[];
}

/** The workbench's UI, as the host drives it for plugins. */
export interface WorkbenchUi {
  /**
   * Shows a progress bar for a plugin's task (`source` is the plugin). A UI without a screen may
   * leave it out: the task then runs without one and is never cancelled.
   */
  showProgress?(source: string, options: { title: string; cancellable: boolean }): ProgressHandle;
  /**
   * Shows a declared view (an editor view in a tab); with `preserveFocus` (API 1.5) a tab already
   * in front stays in front. A UI without a screen leaves it out.
   */
  openView?(viewId: string, options?: { preserveFocus?: boolean }): Promise<void>;
  /**
   * Runs one of the workbench's own commands for the plugin `caller` (the API's
   * `executeCommand` for an id no plugin provides, since 1.5); rejects for an unknown id and for
   * a command that needs a permission the plugin lacks. A UI without commands leaves it out.
   */
  executeCommand?(id: string, args: readonly JsonValue[], caller: CommandCaller): Promise<unknown>;
  /** The key chord that runs a command, as shown to the member (API 1.5); none without keys. */
  keybindingFor?(id: string): string | undefined;
  /** Shows a notification; resolves with the action chosen. */
  showNotification(
    source: string,
    message: string,
    options: NotificationOptions,
  ): Promise<string | undefined>;
  /** Lets the user pick one item. */
  showQuickPick<T extends QuickPickItem>(
    items: T[],
    options: QuickPickOptions,
  ): Promise<T | undefined>;
  /** Asks the user for text. */
  showInputBox(options: InputBoxOptions): Promise<string | undefined>;
  /** Asks the member for files to open (see `FilesApi.showOpenDialog`). */
  showOpenDialog(options: OpenDialogOptions): Promise<OpenedFile[] | undefined>;
  /** Offers a file to the member, as a download. */
  saveFile(name: string, data: string | Uint8Array, mimeType: string): Promise<void>;
  /** Opens an entity's page. */
  openEntity(id: string): Promise<void>;
  /** Opens a document in the editor area. */
  openDocument(id: string): Promise<void>;
  /** The entity the active editor tab shows (the API's `editors.activeEntity`); none without one. */
  activeEntity?(): string | undefined;
  /** Fires when the active tab's entity changes; a UI without tabs leaves it out. */
  readonly onDidChangeActiveEntity?: Event<string | undefined>;
  /** Closes every tab showing an entity; a UI without tabs leaves it out. */
  closeEntity?(id: string): Promise<void>;
  /** Fires when a document is opened. */
  readonly onDidOpenDocument: Event<DocumentInfo>;
  /** Fires when the selection of entities changes. */
  readonly onDidChangeSelection: Event<{ entityIds: string[] }>;
}

/** A status bar item as the host keeps it for the workbench to render. */
export interface StatusBarEntry extends StatusBarItemOptions {
  /** The plugin that owns it. */
  readonly pluginId: string;
}

/** What changed in workspace settings: a plugin's enablement or its settings. */
export interface SettingsChange {
  /** The plugin whose enablement changed (`*`: possibly any plugin). */
  readonly enabled?: string;
  /** The plugin whose settings changed. */
  readonly pluginId?: string;
}

/** A plugin's recorded state in the workspace: on or off, locked or not, and who set it. */
export interface PluginEnablement {
  /** The plugin. */
  readonly pluginId: string;
  /** Whether it is on for everyone. */
  readonly enabled: boolean;
  /** Whether an owner locked it: only owners may then turn it on or off. */
  readonly locked: boolean;
  /** The user id of who last turned it on or off, or locked it ('' when unknown). */
  readonly changedBy: string;
  /** Their name, when known. */
  readonly changedByName?: string | null;
  /** When (ISO 8601; '' when unknown). */
  readonly changedAt: string;
}

/** A change to a plugin's recorded state. */
export interface PluginEnablementChange {
  /** Turn it on or off. */
  readonly enabled?: boolean;
  /** Lock or unlock it (owners). */
  readonly locked?: boolean;
}

/**
 * Workspace settings shared by all members: which plugins are enabled, and each plugin's
 * settings. The web app keeps enablement on the server ({@link StoredEnablement}); a headless host
 * keeps it in the graph document.
 */
export interface SettingsBackend {
  /** Whether a plugin was explicitly enabled (true) or disabled (false); undefined if never set. */
  isPluginEnabled(pluginId: string): boolean | undefined;
  /** Enables or disables a plugin for everyone; may reject (nothing changes) when refused. */
  setPluginEnabled(pluginId: string, enabled: boolean): void | Promise<void>;
  /** Who set the plugin's state and whether it is locked, where that is recorded. */
  enablement?(pluginId: string): PluginEnablement | undefined;
  /** Locks or unlocks a plugin in its current state, where locks exist (owners only). */
  setPluginLocked?(pluginId: string, locked: boolean): Promise<void>;
  /** A plugin's stored setting, or undefined when unset. */
  getPluginSetting(pluginId: string, key: string): JsonValue | undefined;
  /** Stores a plugin's setting (undefined removes it). */
  setPluginSetting(pluginId: string, key: string, value: JsonValue | undefined): void;
  /** Fires when settings change, locally or from another member. */
  readonly onDidChange: Event<SettingsChange>;
}

/** Per-plugin private storage (on this device). */
export interface StorageBackend {
  /** Reads a plugin's key. */
  get(pluginId: string, key: string): JsonValue | undefined | Promise<JsonValue | undefined>;
  /** Writes a plugin's key. */
  set(pluginId: string, key: string, value: JsonValue): void | Promise<void>;
  /** Deletes a plugin's key. */
  delete(pluginId: string, key: string): void | Promise<void>;
  /** Lists a plugin's keys. */
  keys(pluginId: string): string[] | Promise<string[]>;
}

/** Accounts as members and the server's activity records (the API's `activity`). */
export interface ActivityBackend {
  /** The member entity of this window's account, if linked. */
  member(): Promise<string | undefined>;
  /** Links this window's account to a member entity ("This is me"). */
  claimMember(memberId: string): Promise<void>;
  /** Whose records this window may read. */
  access(): Promise<ActivityAccess>;
  /** The records this window may read. */
  records(query: ActivityQuery): Promise<ActivityRecordInfo[]>;
}

/** The server's health-check rounds and this window's own answers (the API's `healthChecks`). */
export type HealthChecksBackend = HealthChecksApi;
/** Calendar feed links over the server (the API's `calendarFeeds`). */
export interface CalendarFeedBackend {
  /** Makes a link for this window's member. */
  create(): Promise<CalendarFeedInfo>;
  /** This member's links that still work. */
  list(): Promise<CalendarFeedInfo[]>;
  /** Revokes one of this member's links. */
  revoke(id: string): Promise<void>;
}

/**
 * The workspace's accounts over the server (the API's `members`, since 1.4): the host checks the
 * permission and the arguments, then passes each call on; the server decides who may change what,
 * so an implementation never checks roles itself. `onDidChange` also fires after its own changes.
 */
export type MembersBackend = MembersApi;

/** Everything the host needs to run plugins. */
export interface HostServices {
  /** The workspace and the user of this window. */
  readonly workspace: WorkspaceInfo;
  /** The graph. */
  readonly graph: GraphBackend;
  /** Documents; without it, document calls reject with a clear message. */
  readonly documents?: DocumentBackend;
  /** The UI; a headless one (recording calls) by default. */
  readonly ui?: WorkbenchUi;
  /** Workspace settings; in memory by default. */
  readonly settings?: SettingsBackend;
  /** Plugin storage; in memory by default. */
  readonly storage?: StorageBackend;
  /** Members and activity; without it, `activity` calls reject with a clear message. */
  readonly activity?: ActivityBackend;
  /** Health-check rounds; without it, `healthChecks` calls reject with a clear message. */
  readonly healthChecks?: HealthChecksBackend;
  /** Calendar feed links; without it, `calendarFeeds` calls reject with a clear message. */
  readonly calendarFeeds?: CalendarFeedBackend;
  /** The workspace's accounts; without it, `members` calls reject with a clear message. */
  readonly members?: MembersBackend;
}
