import type { Extension, onUpgradePayload } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';

/**
 * Admits a WebSocket upgrade only while its client address holds fewer unauthorized sockets than
 * allowed, and starts the clock within which it must authorize a document (see `Handshakes`).
 * Runs after workspace-owner routing, so a proxied upgrade is counted by the instance serving it.
 */
export function handshakeExtension(services: ServerServices): Extension {
  return {
    extensionName: 'repertoire-handshakes',
    priority: 1500,
    async onUpgrade({ request, socket }: onUpgradePayload) {
      if (services.handshakes.begin(request, socket)) return;
      services.metrics.errors += 1;
      services.logger.info({ url: request.url }, 'too many unauthorized sockets; upgrade refused');
      socket.end(
        'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 46\r\n\r\nToo many connections waiting to be authorized\n',
      );
      // An empty rejection tells Hocuspocus this upgrade is handled.
      throw null;
    },
  };
}
