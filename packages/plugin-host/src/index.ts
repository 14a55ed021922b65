export { AnalysisRegistry } from './analysisRegistry.ts';
export { CommandRegistry, type HostCommandHandler } from './commandRegistry.ts';
export { type Contributed, ContributionRegistry } from './contributionRegistry.ts';
export {
  toEntityInfo,
  toRelationInfo,
  type WorkspaceGraphBackendOptions,
  workspaceDocumentsBackend,
  workspaceGraphBackend,
  workspaceSettingsBackend,
} from './coreBackend.ts';
export { type CustomViewEntry, CustomViewRegistry } from './customViewRegistry.ts';
export {
  checkCompatibility,
  discoverPlugins,
  type PluginDescription,
  type PluginPackage,
  type RefusedPlugin,
} from './discovery.ts';
export { DuplicateContributionError } from './duplicates.ts';
export {
  type GraphHistory,
  type KeptGraphState,
  pastGraphState,
  SnapshotHistory,
} from './graphHistory.ts';
export {
  HeadlessUi,
  MemorySettings,
  MemoryStorage,
  type RecordedNotification,
} from './headless.ts';
export {
  type BuiltInPluginModule,
  createHeadlessHost,
  type HeadlessHost,
  type HeadlessPluginContext,
  headlessPluginContext,
  startBuiltIns,
} from './headlessHost.ts';
export { bindLiveDocument, type LiveDocumentGrant } from './liveDocument.ts';
export { MemoryLiveDocuments } from './memoryDocuments.ts';
export { openWebview } from './openWebview.ts';
export {
  PluginHost,
  type PluginHostOptions,
  type PluginProblem,
  type PluginState,
  type PluginStatus,
} from './pluginHost.ts';
export { type QuickOpenEntry, QuickOpenRegistry } from './quickOpenRegistry.ts';
export { createBrowserSandbox } from './sandbox/browserSandbox.ts';
export type { SandboxChannel, SandboxFactory, SandboxSpec } from './sandbox/sandboxRunner.ts';
export {
  type MountedWebview,
  mountWebview,
  type WebviewMountOptions,
} from './sandbox/webviewFrame.ts';
export type {
  ActivityBackend,
  CalendarFeedBackend,
  CommandCaller,
  DocumentBackend,
  DocumentVersionsBackend,
  GraphBackend,
  HealthChecksBackend,
  HostServices,
  LiveDocumentSource,
  MembersBackend,
  PluginEnablement,
  PluginEnablementChange,
  ProgressHandle,
  SettingsBackend,
  StatusBarEntry,
  StorageBackend,
  WorkbenchUi,
} from './services.ts';
export { StatusBarRegistry } from './statusBarRegistry.ts';
export {
  type EnablementStore,
  MemoryEnablementStore,
  StoredEnablement,
} from './storedEnablement.ts';
export { PluginTimeoutError } from './timeout.ts';
export { checkViewContent, ViewRegistry } from './viewRegistry.ts';
export {
  WEBVIEW_CONTENT_LIMIT,
  WEBVIEW_MESSAGE_LIMIT,
  WebviewRegistry,
  type WebviewSession,
} from './webviewRegistry.ts';
