import type { Extension, Hocuspocus, onRequestPayload } from '@hocuspocus/server';
import { addAccountRoutes } from '../http/accountRoutes.ts';
import type { ApiContext } from '../http/apiContext.ts';
import type { ClientAddressOf } from '../http/clientAddress.ts';
import {
  appContentSecurityPolicy,
  declaredNetworkOrigins,
  PLUGIN_FILE_POLICY,
} from '../http/contentSecurityPolicy.ts';
import { addHealthCheckRoutes } from '../http/healthCheckRoutes.ts';
import { addHistoryRoutes } from '../http/historyRoutes.ts';
import { sendError, sendJson } from '../http/httpIO.ts';
import type { HttpRoutes } from '../http/httpRoutes.ts';
import { addInvitationRoutes } from '../http/invitationRoutes.ts';
import { isRejection } from '../http/limiterStore.ts';
import { addMemberActivityRoutes } from '../http/memberActivityRoutes.ts';
import { type MetricsAccess, metricsAllowed } from '../http/metricsAccess.ts';
import { listPlugins } from '../http/pluginCatalog.ts';
import { Router } from '../http/router.ts';
import { checkSameOrigin } from '../http/sameOrigin.ts';
import { servePluginFile, serveStatic } from '../http/staticFiles.ts';
import { addWorkspaceRoutes } from '../http/workspaceRoutes.ts';
import type { ServerServices } from '../services.ts';
import { ApiError } from '../store/errors.ts';

/** Options of the HTTP side of the server. */
export interface HttpOptions {
  /** The built web app (`apps/web/dist`); a page says how to build it when missing. */
  webRoot: string;
  pluginsDir: string | undefined;
  secureCookies: boolean;
  /** The public URL's origin, when configured (links, WebSocket URLs, the CSRF check). */
  publicOrigin: string | undefined;
  /** The client behind a request, through trusted proxies. */
  clientAddress: ClientAddressOf;
  /** Who may read `/metrics`. */
  metricsAccess: MetricsAccess;
  storeKind: 'sqlite' | 'postgres';
  version: string;
  /** Extra figures for `/metrics` and `/healthz`, e.g. y-websocket connections. */
  extraConnections: () => number;
  /** Routes the app adds (see {@link HttpRoutes}). */
  routes?: readonly HttpRoutes[];
}

/**
 * The JSON API, `/healthz`, `/metrics` and the web app, on the same HTTP server as the
 * WebSocket endpoints.
 */
export function httpExtension(services: ServerServices, options: HttpOptions): Extension {
  let hocuspocus: Hocuspocus | undefined;
  const api: ApiContext = {
    services,
    hocuspocus: () => {
      if (!hocuspocus) throw new Error('the sync server is not configured yet');
      return hocuspocus;
    },
    pluginsDir: options.pluginsDir,
    secureCookies: options.secureCookies,
    publicOrigin: options.publicOrigin,
    clientAddress: options.clientAddress,
  };
  const router = new Router();
  addAccountRoutes(router, api);
  addWorkspaceRoutes(router, api);
  addHistoryRoutes(router, api);
  addInvitationRoutes(router, api);
  addMemberActivityRoutes(router, api);
  addHealthCheckRoutes(router, api);
  for (const add of options.routes ?? []) add(router, api);
  router.add('GET', '/api/plugins', async ({ response }) => {
    sendJson(response, 200, { plugins: listPlugins(options.pluginsDir) });
  });
  const requests = services.limiters('requests', {
    points: services.limits.requestsPerMinute,
    durationSeconds: 60,
  });
  const started = Date.now();

  const refresh = () => {
    const instance = api.hocuspocus();
    services.metrics.documentsOpen = instance.getDocumentsCount();
    services.metrics.connections = instance.getConnectionsCount() + options.extraConnections();
  };

  return {
    extensionName: 'repertoire-http',
    async onConfigure({ instance }) {
      hocuspocus = instance;
    },
    async onRequest({ request, response }: onRequestPayload) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      services.metrics.httpRequests += 1;
      try {
        if (url.pathname === '/healthz') {
          refresh();
          let healthy = true;
          try {
            await services.db.prepare('SELECT 1').get();
          } catch {
            healthy = false;
          }
          sendJson(response, healthy ? 200 : 503, {
            status: healthy ? 'ok' : 'unavailable',
            version: options.version,
            uptimeSeconds: Math.round((Date.now() - started) / 1000),
            store: options.storeKind,
            connections: services.metrics.connections,
            documents: services.metrics.documentsOpen,
          });
        } else if (url.pathname === '/metrics') {
          if (!metricsAllowed(options.metricsAccess, request, options.clientAddress))
            throw new ApiError('forbidden', '/metrics is not open to this client');
          refresh();
          const text = await services.metrics.render();
          response.writeHead(200, { 'content-type': services.metrics.contentType });
          response.end(text);
        } else if (url.pathname.startsWith('/api/')) {
          try {
            await requests.consume(options.clientAddress(request));
          } catch (error) {
            if (!isRejection(error)) throw error;
            throw new ApiError(
              'rate_limited',
              'too many requests',
              undefined,
              error.msBeforeNext / 1000,
            );
          }
          checkSameOrigin(request, options.publicOrigin);
          const found = router.match(request.method ?? 'GET', url.pathname);
          if (found === null) throw new ApiError('not_found', `no API route ${url.pathname}`);
          if (found === 'method')
            throw new ApiError(
              'not_found',
              `${request.method} is not supported on ${url.pathname}`,
            );
          await found.handler({ request, response, params: found.params, url });
        } else if (url.pathname.startsWith('/plugins/') && request.method === 'GET') {
          const dir = options.pluginsDir;
          response.setHeader('content-security-policy', PLUGIN_FILE_POLICY);
          const served =
            dir && servePluginFile(dir, url.pathname.slice('/plugins'.length), response);
          if (!served) throw new ApiError('not_found', `no plugin file ${url.pathname}`);
        } else if (request.method === 'GET' || request.method === 'HEAD') {
          const installed = listPlugins(options.pluginsDir).map((plugin) => plugin.packageJson);
          response.setHeader(
            'content-security-policy',
            appContentSecurityPolicy(declaredNetworkOrigins(installed)),
          );
          serveStatic(options.webRoot, url.pathname, response, request.headers['accept-encoding']);
        } else {
          throw new ApiError('not_found', 'not found');
        }
      } catch (error) {
        if (!(error instanceof ApiError)) {
          services.metrics.errors += 1;
          services.logger.error({ err: error, path: url.pathname }, 'request failed');
        }
        // A body left unread (refused as too large) would be parsed as the next request on a
        // kept-alive connection; closing it after the answer keeps the client's next request clean.
        if (!request.complete && !response.headersSent) response.setHeader('connection', 'close');
        if (!response.headersSent) sendError(response, error);
        else response.end();
      }
      // An empty rejection tells Hocuspocus the request is answered.
      throw null;
    },
  };
}
