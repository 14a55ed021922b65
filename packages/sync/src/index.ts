export { ApiClient, type ApiClientOptions, ApiError } from './apiClient.ts';
export type {
  GraphSnapshotInfo,
  Invitation,
  InvitationInfo,
  InvitationPreview,
  Member,
  Role,
  User,
  WorkspaceSummary,
} from './apiTypes.ts';
export { type Disposable, Observable } from './observable.ts';
export { hasIndexedDb, type OfflineCache, openOfflineCache } from './offlineCache.ts';
export type { RefusalCause, SyncRefusal } from './refusal.ts';
export {
  type Backoff,
  type ConnectionStatus,
  SyncClient,
  type SyncClientOptions,
  type SyncedDocument,
  type SyncState,
} from './syncClient.ts';
