export {
  createRepertoireServer,
  type RepertoireServer,
  type RepertoireServerOptions,
} from './createRepertoireServer.ts';
export {
  type RoutingOptions,
  workspaceOfPath,
} from './extensions/routingExtension.ts';
export { aggregateAnswers } from './healthCheck/aggregateAnswers.ts';
export {
  type ApiContext,
  documentState,
  publicBase,
  requireRole,
  requireUser,
} from './http/apiContext.ts';
export { readJson, sendJson } from './http/httpIO.ts';
export type { HttpRoutes } from './http/httpRoutes.ts';
export { listPlugins, type PluginInfo } from './http/pluginCatalog.ts';
export { type RouteContext, Router } from './http/router.ts';
export { Metrics } from './metrics.ts';
export { HashRing } from './routing/hashRing.ts';
export { DEFAULT_LIMITS, type Limits, type ServerServices } from './services.ts';
export { AccountStore, type User } from './store/accountStore.ts';
export { type ActivityRecord, ActivityStore } from './store/activityStore.ts';
export { DATABASE_FILE, openDatabase } from './store/database.ts';
export { DocumentStore } from './store/documentStore.ts';
export { ApiError } from './store/errors.ts';
export {
  type HealthAnswerRecord,
  HealthCheckStore,
  type HealthRoundRecord,
} from './store/healthCheckStore.ts';
export {
  type DocumentVersion,
  type GraphSnapshotInfo,
  HistoryStore,
} from './store/historyStore.ts';
export { linkedMember, linkMember, memberLinks } from './store/memberLinkStore.ts';
export { MIGRATIONS, type Migration, migrate } from './store/migrations.ts';
export { claimDataDir, runningServerPid, SERVER_PID_FILE } from './store/serverPid.ts';
export {
  type Member,
  type Role,
  WorkspaceStore,
  type WorkspaceSummary,
} from './store/workspaceStore.ts';
export { type DocumentName, graphDocumentName, parseDocumentName } from './sync/documentName.ts';
export { type GraphRepairItem, repairGraphDocument } from './sync/graphRepair.ts';
export { auditGraph, type GraphProblem } from './sync/graphUpdateCheck.ts';
export { readServerKinds } from './sync/serverKinds.ts';
export { SyncTokens } from './sync/syncToken.ts';
export { exportWorkspace, importWorkspace, type WorkspaceArchive } from './workspaceArchive.ts';
