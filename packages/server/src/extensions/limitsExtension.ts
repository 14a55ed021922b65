import type { Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { ServerServices } from '../services.ts';
import { closeSocket } from '../sync/closeSocket.ts';
import type { LimitClose } from '../sync/connectionLimits.ts';
import { HANDSHAKE_HEADER } from '../sync/handshakes.ts';
import type { SyncContext } from '../sync/syncContext.ts';

const AWARENESS = 1;

/** A closing error Hocuspocus turns into a WebSocket close with this code and reason. */
class LimitExceeded extends Error {
  readonly code: number;
  readonly reason: string;
  constructor({ code, reason }: LimitClose) {
    super(reason);
    this.code = code;
    this.reason = reason;
  }
}

/** The awareness update's size when `frame` carries one, else null. */
function awarenessBytes(frame: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== AWARENESS) return null;
    return decoding.readVarUint(decoder);
  } catch {
    // Malformed frames are the frame validation's to refuse.
    return null;
  }
}

/**
 * The `/sync` side of {@link ConnectionLimits}: documents per connection, connections per member,
 * messages per second, awareness size and rate. (The frame size limit is the WebSocket server's
 * `maxPayload`; `/y/` applies the same limits in `serveYWebsocket`.)
 */
export function limitsExtension(services: ServerServices): Extension {
  const { connectionLimits, metrics } = services;

  const refuse = (connection: Parameters<typeof closeSocket>[0], close: LimitClose): never => {
    metrics.errors += 1;
    closeSocket(connection, close.code, close.reason);
    throw new LimitExceeded(close);
  };

  return {
    extensionName: 'repertoire-limits',
    // After authentication, so the member is known.
    priority: 500,
    async onAuthenticate({ socketId, documentName, context, requestHeaders }) {
      const { user } = context as SyncContext;
      connectionLimits.admit(socketId, user.id, documentName);
      services.handshakes.authorized(requestHeaders.get(HANDSHAKE_HEADER));
    },
    async onDisconnect({ socketId, documentName }) {
      connectionLimits.release(socketId, documentName);
    },
    async beforeHandleMessage({ socketId, update, connection }) {
      metrics.messagesReceived += 1;
      metrics.bytesReceived += update.byteLength;
      const overRate = connectionLimits.message(socketId);
      if (overRate) refuse(connection, overRate);
      const awareness = awarenessBytes(update);
      if (awareness !== null) {
        const overAwareness = connectionLimits.awareness(socketId, awareness);
        if (overAwareness) refuse(connection, overAwareness);
      }
    },
  };
}
