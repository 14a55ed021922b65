import type { Extension } from '@hocuspocus/server';
import type { ServerServices } from '../services.ts';
import { AccessRefused } from '../sync/authorize.ts';
import { closeSocket } from '../sync/closeSocket.ts';
import type { SyncContext } from '../sync/syncContext.ts';

/** A closing error Hocuspocus turns into a WebSocket close with this code and reason. */
class LimitExceeded extends Error {
  readonly code = 4429;
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * Documents per connection, connections per member, and messages per second per connection.
 * (The frame size limit is the WebSocket server's `maxPayload`.)
 */
export function limitsExtension(services: ServerServices): Extension {
  const { limits, metrics } = services;
  const documentsBySocket = new Map<string, Set<string>>();
  const socketsByUser = new Map<string, Set<string>>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const burst = limits.messagesPerSecond * 4;

  return {
    extensionName: 'repertoire-limits',
    // After authentication, so the member is known.
    priority: 500,
    async onAuthenticate({ socketId, documentName, context }) {
      const { user } = context as SyncContext;
      const documents = documentsBySocket.get(socketId) ?? new Set<string>();
      const sockets = socketsByUser.get(user.id) ?? new Set<string>();
      if (!documents.has(documentName) && documents.size >= limits.maxDocumentsPerConnection)
        throw new AccessRefused(4429, 'Too many documents on one connection');
      if (!sockets.has(socketId) && sockets.size >= limits.maxConnectionsPerUser)
        throw new AccessRefused(4429, 'Too many connections for this user');
      documents.add(documentName);
      sockets.add(socketId);
      documentsBySocket.set(socketId, documents);
      socketsByUser.set(user.id, sockets);
    },
    async onDisconnect({ socketId, documentName, context }) {
      const documents = documentsBySocket.get(socketId);
      documents?.delete(documentName);
      if (documents && documents.size === 0) {
        documentsBySocket.delete(socketId);
        buckets.delete(socketId);
        const user = (context as SyncContext | undefined)?.user;
        if (user) {
          const sockets = socketsByUser.get(user.id);
          sockets?.delete(socketId);
          if (sockets?.size === 0) socketsByUser.delete(user.id);
        }
      }
    },
    async beforeHandleMessage({ socketId, update, connection }) {
      metrics.messagesReceived += 1;
      metrics.bytesReceived += update.byteLength;
      const now = Date.now();
      const bucket = buckets.get(socketId) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(
        burst,
        bucket.tokens + ((now - bucket.at) / 1000) * limits.messagesPerSecond,
      );
      bucket.at = now;
      buckets.set(socketId, bucket);
      if (bucket.tokens < 1) {
        metrics.errors += 1;
        const error = new LimitExceeded('Rate limit exceeded');
        closeSocket(connection, error.code, error.reason);
        throw error;
      }
      bucket.tokens -= 1;
    },
  };
}
