import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';
import type { AccountStore } from './store/accountStore.ts';
import type { ActivityStore } from './store/activityStore.ts';
import type { DocumentStore } from './store/documentStore.ts';
import type { HistoryStore } from './store/historyStore.ts';
import type { SqlDatabase } from './store/sqlDatabase.ts';
import type { WorkspaceStore } from './store/workspaceStore.ts';
import type { GraphGuard } from './sync/graphGuard.ts';
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
  /** Failed sign-ins per email (five times as many per address) within 5 minutes before `429`. */
  signInFailures: number;
}

/** The defaults of {@link Limits}. */
export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocumentsPerConnection: 200,
  maxConnectionsPerUser: 50,
  messagesPerSecond: 500,
  requestsPerMinute: 600,
  signInFailures: 10,
};

/** Everything the server's extensions and API share, built once in `createRepertoireServer`. */
export interface ServerServices {
  readonly db: SqlDatabase;
  readonly documents: DocumentStore;
  readonly accounts: AccountStore;
  readonly workspaces: WorkspaceStore;
  readonly activity: ActivityStore;
  readonly history: HistoryStore;
  readonly tokens: SyncTokens;
  /** Checks every update to a graph document against the kinds' schemas (both protocols). */
  readonly graphGuard: GraphGuard;
  /** The open sync connections, which follow role changes, removals and sign-outs at once. */
  readonly connections: OpenConnections;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly limits: Limits;
}
