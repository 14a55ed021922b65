import type { AddressInfo } from 'node:net';
import { type DirectConnection, type Extension, Server } from '@hocuspocus/server';
import { Redis as IORedis } from 'ioredis';
import { type Logger, pino } from 'pino';
import type * as Y from 'yjs';
import { accessExtension } from './extensions/accessExtension.ts';
import { activityExtension } from './extensions/activityExtension.ts';
import { authExtension } from './extensions/authExtension.ts';
import { frameValidationExtension } from './extensions/frameValidationExtension.ts';
import { graphValidationExtension } from './extensions/graphValidationExtension.ts';
import { handshakeExtension } from './extensions/handshakeExtension.ts';
import { historyExtension } from './extensions/historyExtension.ts';
import { httpExtension } from './extensions/httpExtension.ts';
import { limitsExtension } from './extensions/limitsExtension.ts';
import { metricsExtension } from './extensions/metricsExtension.ts';
import { persistenceExtensions } from './extensions/persistenceExtension.ts';
import { redisExtension } from './extensions/redisExtension.ts';
import { type RoutingOptions, routingExtension } from './extensions/routingExtension.ts';
import { yWebsocketExtension } from './extensions/yWebsocketExtension.ts';
import { clientAddressOf } from './http/clientAddress.ts';
import type { HttpRoutes } from './http/httpRoutes.ts';
import { limiterFactory } from './http/limiterStore.ts';
import type { MetricsAccess } from './http/metricsAccess.ts';
import { Metrics } from './metrics.ts';
import { DEFAULT_LIMITS, type Limits, type ServerServices } from './services.ts';
import { AccountStore } from './store/accountStore.ts';
import { ActivityStore } from './store/activityStore.ts';
import { openDatabase } from './store/database.ts';
import { DocumentStore } from './store/documentStore.ts';
import { HistoryStore } from './store/historyStore.ts';
import { sqliteLiveDocuments } from './store/liveDocuments.ts';
import { openPostgres } from './store/postgres/openPostgres.ts';
import { PostgresDocuments } from './store/postgres/postgresDocuments.ts';
import { claimDataDir } from './store/serverPid.ts';
import { tokenSecret } from './store/settingsStore.ts';
import type { SqlDatabase } from './store/sqlDatabase.ts';
import { StorageQuota } from './store/storageQuota.ts';
import { WorkspaceStore } from './store/workspaceStore.ts';
import { AccessChanges } from './sync/accessChanges.ts';
import { ConnectionLimits } from './sync/connectionLimits.ts';
import { parseDocumentName } from './sync/documentName.ts';
import { GraphGuard } from './sync/graphGuard.ts';
import { Handshakes } from './sync/handshakes.ts';
import { OpenConnections } from './sync/openConnections.ts';
import { readServerKinds } from './sync/serverKinds.ts';
import { RedisConnectionCount } from './sync/sharedConnectionCount.ts';
import { stewardCheck } from './sync/stewards.ts';
import { SyncTokens } from './sync/syncToken.ts';

function isGraphItem(item: Y.Item): boolean {
  const name = (item.parent as Y.AbstractType<unknown> | null)?.doc as { name?: unknown } | null;
  return typeof name?.name === 'string' && parseDocumentName(name.name)?.kind === 'graph';
}

/** How to run a Repertoire server. */
export interface RepertoireServerOptions {
  /** Directory of the SQLite store (created if missing); unused when `databaseUrl` is set. */
  dataDir: string;
  /** PostgreSQL connection URL: store everything there instead of SQLite (several instances). */
  databaseUrl?: string;
  /** Redis URL: share live documents with the other instances on the same Redis. */
  redisUrl?: string;
  /**
   * Workspace-owner routing between instances (needs the shared `databaseUrl` and `redisUrl`):
   * this instance's URL and every instance's URL.
   */
  routing?: RoutingOptions;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Address to listen on; all interfaces by default. */
  host?: string;
  /** The built web app; defaults to a path that does not exist (the "build it" page). */
  webRoot?: string;
  /** Where installed plugins' package.json manifests are read from. */
  pluginsDir?: string;
  /**
   * Where the built-in plugins' manifests are read from. Graph updates are checked against the
   * kinds the built-in and installed plugins contribute; with neither, only `mentions` is known
   * and every entity is refused.
   */
  builtinPluginsDir?: string;
  limits?: Partial<Limits>;
  /** A pino logger; by default JSON logs at `info` to stdout. */
  logger?: Logger;
  /** The least time between automatic graph snapshots. */
  snapshotIntervalMs?: number;
  /** Updates by one member to one document closer than this coalesce into one activity record. */
  activityWindowMs?: number;
  /** Mark the session cookie `Secure` and hand out `wss://` URLs (behind HTTPS). */
  secureCookies?: boolean;
  /**
   * The URL members reach the server at (`https://cop.example.org`). Links and WebSocket URLs are
   * built on it, state-changing requests must come from its origin, and an `https:` URL makes the
   * session cookie `Secure` and the WebSocket URLs `wss://`.
   */
  publicUrl?: string;
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (addresses, CIDR ranges, or `loopback`,
   * `linklocal`, `uniquelocal`), so limits see the real client; none by default.
   */
  trustedProxies?: string[];
  /** Who may read `/metrics`: `loopback` (default), `public`, or `{ token }` (Bearer). */
  metricsAccess?: MetricsAccess;
  /** Lifetime of sync tokens in seconds. */
  tokenLifetimeSeconds?: number;
  /** Extra Hocuspocus extensions (e.g. Redis for scale-out), composed after the built-in ones. */
  extensions?: Extension[];
  /** Routes the app adds to the JSON API (the year plan's calendar feed). */
  routes?: readonly HttpRoutes[];
}

/** A running (or ready to run) Repertoire server. */
export interface RepertoireServer {
  readonly services: ServerServices;
  readonly hocuspocus: Server;
  /** Starts listening; resolves with the port. */
  listen(): Promise<number>;
  /** The port once listening. */
  readonly port: number;
  /** Opens a document on the server side (for loading content, sample data, migrations). */
  openDocument(name: string): Promise<DirectConnection>;
  /** Stops accepting connections, stores every loaded document and closes the store. */
  close(): Promise<void>;
}

/**
 * Builds the server: one HTTP server with the JSON API, the web app, Hocuspocus on `/sync` and
 * y-websocket on `/y/…`, over the SQLite store in `dataDir`. Every server feature is one
 * Hocuspocus extension; this is the one place they are composed.
 */
export async function createRepertoireServer(
  options: RepertoireServerOptions,
): Promise<RepertoireServer> {
  const sqlite = options.databaseUrl ? undefined : await openDatabase(options.dataDir);
  const db: SqlDatabase = sqlite ?? (await openPostgres(options.databaseUrl as string));
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? pino({ name: 'repertoire' });
  const kinds = readServerKinds([options.builtinPluginsDir, options.pluginsDir], logger);
  const publicOrigin = options.publicUrl ? parsePublicUrl(options.publicUrl) : undefined;
  const secureCookies = options.secureCookies ?? publicOrigin?.startsWith('https:') ?? false;
  const clientAddress = clientAddressOf(options.trustedProxies);
  const redis = options.redisUrl
    ? new IORedis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  // A Redis outage is logged by the limiters' fallback to memory, not thrown at every request.
  redis?.on('error', () => {});
  const documents = new DocumentStore(db, { shared: Boolean(options.databaseUrl) });
  const workspaces = new WorkspaceStore(db);
  const services: ServerServices = {
    db,
    documents,
    liveDocuments: sqlite
      ? sqliteLiveDocuments(sqlite, documents)
      : new PostgresDocuments(options.databaseUrl as string),
    accounts: new AccountStore(db),
    workspaces,
    activity: new ActivityStore(db, options.activityWindowMs),
    history: new HistoryStore(db),
    tokens: new SyncTokens(await tokenSecret(db), options.tokenLifetimeSeconds),
    graphGuard: new GraphGuard(kinds, undefined, (context) => stewardCheck(db, context)),
    kinds,
    connections: new OpenConnections(),
    metrics: new Metrics(),
    logger,
    limits,
    limiters: limiterFactory(redis),
    connectionLimits: new ConnectionLimits(
      limits,
      redis ? new RedisConnectionCount(redis, logger) : undefined,
    ),
    handshakes: new Handshakes(limits, clientAddress),
    quota: new StorageQuota(documents, workspaces, limits),
  };
  // Who may do what changes in the stores; open connections here and on every instance follow.
  const access = new AccessChanges(logger, options.redisUrl);
  access.onDidChange((change) => services.connections.apply(change));
  services.workspaces.onDidChangeMember((change) => access.announce({ type: 'member', ...change }));
  services.accounts.onDidEndSession((sessionId) => access.announce({ type: 'session', sessionId }));
  const yWebsocket = yWebsocketExtension(services);
  const hocuspocus = new Server({
    port: options.port,
    ...(options.host ? { address: options.host } : {}),
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: limits.maxMessageBytes },
    // A graph keeps its deleted content, as the core's graph docs do (`createGraphDoc`): history
    // needs it, and so does the graph validation, which accepts the stamps an undo restores only
    // when it can see that the key held them. Co-edited documents are garbage-collected.
    // (Hocuspocus types the filter without its argument; Yjs passes the item.)
    yDocOptions: {
      gc: true,
      gcFilter: ((item: Y.Item) => !isGraphItem(item)) as () => boolean,
    },
    extensions: [
      httpExtension(services, {
        webRoot: options.webRoot ?? '/nonexistent',
        pluginsDir: options.pluginsDir,
        secureCookies,
        publicOrigin,
        clientAddress,
        metricsAccess: options.metricsAccess ?? 'loopback',
        storeKind: options.databaseUrl ? 'postgres' : 'sqlite',
        version: '0.1.0',
        extraConnections: () => 0,
        ...(options.routes ? { routes: options.routes } : {}),
      }),
      ...(options.routing ? [routingExtension(services, options.routing)] : []),
      handshakeExtension(services),
      yWebsocket,
      authExtension(services),
      accessExtension(services, access),
      limitsExtension(services),
      frameValidationExtension(services),
      graphValidationExtension(services),
      ...persistenceExtensions(services),
      activityExtension(services),
      historyExtension(services, options.snapshotIntervalMs),
      metricsExtension(services),
      ...(options.redisUrl ? [redisExtension(options.redisUrl)] : []),
      ...(options.extensions ?? []),
    ],
  });
  let closed: Promise<void> | undefined;
  let release: (() => void) | undefined;
  return {
    services,
    hocuspocus,
    async listen() {
      await hocuspocus.listen();
      // `restore` refuses to replace a store while a live server uses it.
      if (!options.databaseUrl) release = claimDataDir(options.dataDir);
      return (hocuspocus.httpServer.address() as AddressInfo).port;
    },
    get port() {
      return (hocuspocus.httpServer.address() as AddressInfo | null)?.port ?? options.port;
    },
    openDocument(name) {
      return hocuspocus.hocuspocus.openDirectConnection(name, {});
    },
    close() {
      closed ??= (async () => {
        await hocuspocus.destroy();
        await services.activity
          .flush()
          .catch((error: unknown) =>
            logger.error({ err: error }, 'activity records could not be written'),
          );
        services.connectionLimits.close();
        redis?.disconnect();
        await services.liveDocuments.close();
        await db.close();
        release?.();
      })();
      return closed;
    },
  };
}

/** The origin of a `--public-url`, or a clear error for anything but an http(s) URL. */
function parsePublicUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`publicUrl: '${url}' is not a URL (https://host)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`publicUrl: '${url}' must start with https:// or http://`);
  return parsed.origin;
}
