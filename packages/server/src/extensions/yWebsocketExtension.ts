import type { Extension, onUpgradePayload } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import type { ServerServices } from '../services.ts';
import { AccessRefused, authorizeDocument } from '../sync/authorize.ts';
import { HANDSHAKE_HEADER } from '../sync/handshakes.ts';
import { keepEarlyFrames, serveYWebsocket } from '../sync/yWebsocketConnection.ts';

/** The path prefix of the y-websocket endpoint: `/y/<documentName>?token=…`. */
export const Y_WEBSOCKET_PATH = '/y/';

/**
 * Serves the plain y-websocket protocol on `/y/<documentName>` over the documents Hocuspocus has
 * loaded, with the same token and membership check. Other upgrade paths go on to Hocuspocus.
 */
export function yWebsocketExtension(services: ServerServices): Extension {
  const wss = new WebSocketServer({ noServer: true, maxPayload: services.limits.maxMessageBytes });
  return {
    extensionName: 'repertoire-y-websocket',
    priority: 1000,
    async onUpgrade({ request, socket, head, instance }: onUpgradePayload) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(Y_WEBSOCKET_PATH)) return;
      let documentName: string;
      try {
        documentName = decodeURIComponent(url.pathname.slice(Y_WEBSOCKET_PATH.length));
      } catch {
        documentName = '';
      }
      const token = url.searchParams.get('token');
      wss.handleUpgrade(request, socket, head, (ws) => {
        const early = keepEarlyFrames(ws);
        authorizeDocument(services, token, documentName)
          .then((context) => {
            services.handshakes.authorized(request.headers[HANDSHAKE_HEADER] as string | undefined);
            return serveYWebsocket(services, instance, ws, documentName, context, early);
          })
          .catch((error: unknown) => {
            const refused =
              error instanceof AccessRefused ? error : new AccessRefused(4403, 'Forbidden');
            services.logger.info(
              { documentName, reason: refused.reason },
              'y-websocket access refused',
            );
            ws.close(refused.code, refused.reason);
          });
      });
      // An empty rejection tells Hocuspocus this upgrade is handled.
      throw null;
    },
    async onDestroy() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
