import type { Extension } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';

const COUNTED = Symbol('repertoire-counted');

/** Keeps the connection, document and outgoing-traffic gauges of `/metrics` current. */
export function metricsExtension(services: ServerServices): Extension {
  const { metrics } = services;
  return {
    extensionName: 'repertoire-metrics',
    async connected({ connection }) {
      // One WebSocket carries many documents; count and wrap it once.
      const socket = (
        connection as unknown as { webSocket: { send(data: unknown): void; [COUNTED]?: true } }
      ).webSocket;
      if (socket[COUNTED]) return;
      socket[COUNTED] = true;
      const send = socket.send.bind(socket);
      socket.send = (data: unknown) => {
        metrics.messagesSent += 1;
        metrics.bytesSent += (data as { byteLength?: number }).byteLength ?? 0;
        send(data);
      };
    },
    async afterLoadDocument({ instance }) {
      metrics.documentsOpen = instance.getDocumentsCount();
    },
    async afterUnloadDocument({ instance }) {
      metrics.documentsOpen = instance.getDocumentsCount();
    },
    async onConnect({ instance }) {
      metrics.connections = instance.getConnectionsCount() + 1;
    },
    async onDisconnect({ instance }) {
      metrics.connections = instance.getConnectionsCount();
    },
  };
}
