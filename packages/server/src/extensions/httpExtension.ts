import type { Extension, Hocuspocus, onRequestPayload } from '@hocuspocus/server';
import { addAccountRoutes } from '../http/accountRoutes.ts';
import type { ApiContext } from '../http/apiContext.ts';
import { addHistoryRoutes } from '../http/historyRoutes.ts';
import { clientAddress, sendError, sendJson } from '../http/httpIO.ts';
import { addMemberActivityRoutes } from '../http/memberActivityRoutes.ts';
import { listPlugins } from '../http/pluginCatalog.ts';
import { RateLimiter } from '../http/rateLimiter.ts';
import { Router } from '../http/router.ts';
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
  storeKind: 'sqlite' | 'postgres';
  version: string;
  /** Extra figures for `/metrics` and `/healthz`, e.g. y-websocket connections. */
  extraConnections: () => number;
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
  };
  const router = new Router();
  addAccountRoutes(router, api);
  addWorkspaceRoutes(router, api);
  addHistoryRoutes(router, api);
  addMemberActivityRoutes(router, api);
  router.add('GET', '/api/plugins', async ({ response }) => {
    sendJson(response, 200, { plugins: listPlugins(options.pluginsDir) });
  });
  const requests = new RateLimiter(services.limits.requestsPerMinute, 60_000);
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
            services.db.prepare('SELECT 1').get();
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
          refresh();
          response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
          response.end(services.metrics.render());
        } else if (url.pathname.startsWith('/api/')) {
          const address = clientAddress(request);
          if (!requests.hit(address)) {
            response.setHeader('retry-after', String(requests.retryAfter(address)));
            throw new ApiError('rate_limited', 'too many requests');
          }
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
          const served =
            dir && servePluginFile(dir, url.pathname.slice('/plugins'.length), response);
          if (!served) throw new ApiError('not_found', `no plugin file ${url.pathname}`);
        } else if (request.method === 'GET' || request.method === 'HEAD') {
          serveStatic(options.webRoot, url.pathname, response);
        } else {
          throw new ApiError('not_found', 'not found');
        }
      } catch (error) {
        if (!(error instanceof ApiError)) {
          services.metrics.errors += 1;
          services.logger.error({ err: error, path: url.pathname }, 'request failed');
        }
        if (!response.headersSent) sendError(response, error);
        else response.end();
      }
      // An empty rejection tells Hocuspocus the request is answered.
      throw null;
    },
  };
}
