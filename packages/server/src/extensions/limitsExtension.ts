import type { Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { ServerServices } from '../services.ts';
import { closeSocket } from '../sync/closeSocket.ts';
import { LIMIT_CLOSE, type LimitClose } from '../sync/connectionLimits.ts';
import { HANDSHAKE_HEADER } from '../sync/handshakes.ts';
import type { SyncContext } from '../sync/syncContext.ts';

const QUOTA_CLOSE = LIMIT_CLOSE.quota;
const SYNC = 0;
const AWARENESS = 1;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** What a frame carries that a limit looks at: an awareness update's or a Yjs update's size. */
type Payload = { kind: 'awareness' | 'update'; bytes: number } | null;

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

function payloadOf(frame: Uint8Array): Payload {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === AWARENESS) return { kind: 'awareness', bytes: decoding.readVarUint(decoder) };
    if (type !== SYNC && type !== SYNC_REPLY) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== SYNC_STEP_2 && syncType !== UPDATE) return null;
    return { kind: 'update', bytes: decoding.readVarUint(decoder) };
  } catch {
    // Malformed frames are the frame validation's to refuse.
    return null;
  }
}

/**
 * The `/sync` side of {@link ConnectionLimits}: documents per connection, connections per member,
 * messages per second, awareness size and rate; and the workspace's storage quota for edits. (The frame size limit is the WebSocket server's
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
      await connectionLimits.admit(socketId, user.id, documentName);
      services.handshakes.authorized(requestHeaders.get(HANDSHAKE_HEADER));
    },
    async onDisconnect({ socketId, documentName }) {
      connectionLimits.release(socketId, documentName);
    },
    async beforeHandleMessage({ socketId, update, connection, context }) {
      metrics.messagesReceived += 1;
      metrics.bytesReceived += update.byteLength;
      const overRate = connectionLimits.message(socketId);
      if (overRate) refuse(connection, overRate);
      const payload = payloadOf(update);
      if (payload?.kind === 'awareness') {
        const overAwareness = connectionLimits.awareness(socketId, payload.bytes);
        if (overAwareness) refuse(connection, overAwareness);
      } else if (payload?.kind === 'update' && !connection.readOnly) {
        const { workspaceId } = context as SyncContext;
        if (!(await services.quota.allowsEdit(workspaceId, payload.bytes)))
          refuse(connection, QUOTA_CLOSE);
      }
    },
  };
}
