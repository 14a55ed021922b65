import type { KindRegistry } from '@repertoire/core';
import type { Logger } from 'pino';
import type { LimiterFactory } from './http/limiterStore.ts';
import type { Metrics } from './metrics.ts';
import type { AccountStore } from './store/accountStore.ts';
import type { ActivityStore } from './store/activityStore.ts';
import type { DocumentStore } from './store/documentStore.ts';
import type { HistoryStore } from './store/historyStore.ts';
import type { LiveDocuments } from './store/liveDocuments.ts';
import type { SqlDatabase } from './store/sqlDatabase.ts';
import type { StorageQuota } from './store/storageQuota.ts';
import type { WorkspaceStore } from './store/workspaceStore.ts';
import type { ConnectionLimits } from './sync/connectionLimits.ts';
import type { GraphGuard } from './sync/graphGuard.ts';
import type { Handshakes } from './sync/handshakes.ts';
import type { OpenConnections } from './sync/openConnections.ts';
import type { SyncTokens } from './sync/syncToken.ts';

/** The limits the server enforces; every one is explicit and configurable. */
export interface Limits {
  /** Largest WebSocket frame in bytes; a bigger one closes the connection with 1009. */
  maxMessageBytes: number;
  /** Documents one connection may have open at once. */
  maxDocumentsPerConnection: number;
  /** WebSocket connections one member may have open at once. */
  maxConnectionsPerUser: number;
  /** Messages per second one connection may send (token bucket, burst = 4 seconds' worth). */
  messagesPerSecond: number;
  /** HTTP API requests per minute per client address. */
  requestsPerMinute: number;
  /**
   * Failed sign-ins per account from one client address within 15 minutes before `429` (five
   * times as many per address across accounts); each further lock-out lasts twice as long.
   */
  signInFailures: number;
  /** Seconds the first sign-in lock-out lasts; each further one within a day doubles it. */
  signInLockoutSeconds: number;
  /** WebSockets one client address may hold open before any of their documents is authorized. */
  maxUnauthenticatedSockets: number;
  /** Milliseconds a WebSocket may stay open without authorizing a document. */
  authTimeoutMs: number;
  /** Largest awareness update (presence, cursors) in bytes; a bigger one closes with 4413. */
  maxAwarenessBytes: number;
  /** Awareness updates per second one connection may send (burst = 4 seconds' worth). */
  awarenessPerSecond: number;
  /** Largest workspace archive `POST /api/workspaces/import` accepts, in bytes. */
  maxImportBytes: number;
  /** Stored bytes one workspace may hold (all its documents) before imports and edits are refused. */
  maxWorkspaceBytes: number;
  /** Stored bytes of all the workspaces one member owns before imports are refused. */
  maxUserBytes: number;
}

/** The defaults of {@link Limits}. */
export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocumentsPerConnection: 200,
  maxConnectionsPerUser: 50,
  messagesPerSecond: 500,
  requestsPerMinute: 600,
  signInFailures: 10,
  signInLockoutSeconds: 5 * 60,
  maxUnauthenticatedSockets: 20,
  authTimeoutMs: 10_000,
  maxAwarenessBytes: 64 * 1024,
  awarenessPerSecond: 30,
  maxImportBytes: 32 * 1024 * 1024,
  maxWorkspaceBytes: 256 * 1024 * 1024,
  maxUserBytes: 1024 * 1024 * 1024,
};

/** Everything the server's extensions and API share, built once in `createRepertoireServer`. */
export interface ServerServices {
  readonly db: SqlDatabase;
  readonly documents: DocumentStore;
  /**
   * The live sync path's view of the same documents: synchronous on SQLite, asynchronous over a
   * connection pool on PostgreSQL, so no query of a live edit blocks the event loop.
   */
  readonly liveDocuments: LiveDocuments;
  readonly accounts: AccountStore;
  readonly workspaces: WorkspaceStore;
  readonly activity: ActivityStore;
  readonly history: HistoryStore;
  readonly tokens: SyncTokens;
  /** Checks every update to a graph document against the kinds' schemas (both protocols). */
  readonly graphGuard: GraphGuard;
  /**
   * The kinds the plugins' manifests contribute (what `graphGuard` checks against): routes that
   * read a workspace's graph read it through them, in the current shape of each kind.
   */
  readonly kinds: KindRegistry;
  /** The open sync connections, which follow role changes, removals and sign-outs at once. */
  readonly connections: OpenConnections;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly limits: Limits;
  /** Rate limiters on one store: memory, or Redis when instances share one. */
  readonly limiters: LimiterFactory;
  /** Connections per member, documents per connection and message rates, for both protocols. */
  readonly connectionLimits: ConnectionLimits;
  /** WebSockets not yet authorized: capped per address and timed out. */
  readonly handshakes: Handshakes;
  /** Storage quotas per workspace and per member. */
  readonly quota: StorageQuota;
}
