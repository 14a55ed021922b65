export {
  combineDisposables,
  type Disposable,
  DisposableStore,
  DuplicateContributionError,
  Emitter,
  type EmitterOptions,
  type Event,
  Observable,
  type ObservableOptions,
  toDisposable,
} from '@repertoire/base';
/** A field of an entity kind as a form reads it (see `fieldDefinitionOf`); since 1.4. */
export type { FieldDefinition, FieldValue } from '@repertoire/schema';
export {
  HEALTH_DEFAULT_THRESHOLD,
  HEALTH_ELEMENT_IDS,
  HEALTH_ELEMENTS,
  HEALTH_QUESTIONS_SOURCE,
  HEALTH_SCALE,
  type HealthAnswerInput,
  type HealthCheckOverview,
  type HealthElement,
  type HealthElementId,
  type HealthElementResult,
  type HealthOwnAnswer,
  type HealthResults,
  type HealthRoundInfo,
  type HealthRoundInput,
  type PluginPermission,
} from '@repertoire/schema';
export type {
  ActivityAccess,
  ActivityApi,
  ActivityQuery,
  ActivityRecordInfo,
} from './activity.ts';
export type { AnalysesApi, AnalysisProvider, AnalysisResult } from './analyses.ts';
export type { CalendarFeedInfo, CalendarFeedsApi } from './calendarFeeds.ts';
export type { CommandHandler, CommandInfo, CommandsApi, EntityAction } from './commands.ts';
export type {
  PluginContext,
  PluginInfo,
  PluginLog,
  PluginModule,
  WorkspaceInfo,
} from './context.ts';
export { definePlugin } from './context.ts';
export type {
  CustomViewContext,
  CustomViewElement,
  CustomViewMember,
  CustomViewProvider,
} from './customViews.ts';
export type {
  ChartSeries,
  ChartViewContent,
  DeclarativeViewContent,
  FormField,
  FormFieldType,
  FormSubmitResult,
  FormValues,
  FormViewContent,
  ListItem,
  ListViewContent,
} from './declarativeViews.ts';
export type {
  DocumentInfo,
  DocumentsApi,
  DocumentVersionInfo,
  LiveDocument,
  NewDocument,
} from './documents.ts';
export {
  type CustomViewEditorFor,
  type EditorsApi,
  editorMatch,
} from './entityEditors.ts';
export { allowedRelations, fieldDefinitionOf, validateFieldValue } from './entityFields.ts';
export { PermissionDeniedError } from './errors.ts';
export type { FilesApi, OpenDialogOptions, OpenedFile } from './files.ts';
export type {
  EntityInfo,
  EntityKindInfo,
  EntityPatch,
  EntityQuery,
  GraphApi,
  GraphChange,
  GraphEdit,
  GraphSearchHit,
  GraphSearchOptions,
  GraphStyleInfo,
  GraphTransaction,
  NewEntity,
  RelationInfo,
  RelationKindInfo,
  RelationQuery,
  RelationSource,
  TransactionResult,
} from './graph.ts';
export type { HealthChecksApi } from './healthChecks.ts';
export { argOrAsk, type LinkEndOptions, linkCommand, pickEntity } from './helpers.ts';
export type { JsonObject, JsonValue } from './json.ts';
export { type CustomViewMount, lazyCustomView } from './lazyView.ts';
export { linkEntities } from './linkFlow.ts';
export type {
  InvitationLinkInfo,
  MemberInfo,
  MemberRole,
  MembersApi,
  NewInvitation,
} from './members.ts';
export { compareEntities, naturalCompare } from './naturalOrder.ts';
export type { QuickOpenApi, QuickOpenProvider, QuickOpenResult } from './quickOpen.ts';
export type { SettingsApi, StorageApi } from './settings.ts';
export { recordTransaction } from './transaction.ts';
export { API_VERSION } from './version.ts';
export type { TreeItem, ViewContent, ViewProvider, ViewsApi } from './views.ts';
export type {
  Webview,
  WebviewContent,
  WebviewsApi,
  WebviewView,
  WebviewViewProvider,
} from './webviews.ts';
export type {
  CancellationToken,
  InputBoxOptions,
  NotificationOptions,
  NotificationSeverity,
  Progress,
  ProgressOptions,
  QuickPickItem,
  QuickPickOptions,
  ShowViewOptions,
  StatusBarItem,
  StatusBarItemOptions,
  WindowApi,
} from './window.ts';
export {
  type AnalysisInput,
  type AnalysisInWorkerOptions,
  type AnalysisWorker,
  type AnalysisWorkerScope,
  analysisInWorker,
  serveAnalysis,
} from './workerAnalyses.ts';
