import { randomUUID } from 'node:crypto';
import type { Document, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';
import { LIMIT_CLOSE } from './connectionLimits.ts';
import type { MemberOrigin, SyncContext } from './syncContext.ts';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** Close codes the y-websocket endpoint uses (see API.md). */
export const Y_CLOSE = {
  malformed: { code: 4400, reason: 'Malformed message' },
  readOnly: { code: 4403, reason: 'Read-only: viewers cannot edit' },
} as const;

/** Frames kept from the moment a socket opens until its document is ready. */
export interface EarlyFrames {
  readonly frames: [Buffer, boolean][];
  stop(): void;
}

/** Starts keeping the frames of a fresh socket, so none is lost while it is authorized and loaded. */
export function keepEarlyFrames(socket: WebSocket): EarlyFrames {
  const frames: [Buffer, boolean][] = [];
  const keep = (data: Buffer, isBinary: boolean) => frames.push([data, isBinary]);
  socket.on('message', keep);
  return { frames, stop: () => socket.off('message', keep) };
}

/**
 * One y-websocket client on one document, served over the very Document Hocuspocus has loaded,
 * so both kinds of client edit the same live state (and the same persistence, activity and
 * history hooks see every change). The member's role is enforced here: a viewer's update closes
 * the connection and is not applied.
 */
export async function serveYWebsocket(
  services: ServerServices,
  hocuspocus: Hocuspocus,
  socket: WebSocket,
  documentName: string,
  context: SyncContext,
  early: EarlyFrames,
): Promise<void> {
  const { metrics, logger, connectionLimits } = services;
  const socketId = `y-${randomUUID()}`;
  // The same per-member limits as `/sync` (throws AccessRefused, which closes the socket).
  await connectionLimits.admit(socketId, context.user.id, documentName);
  let direct: Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;
  try {
    direct = await hocuspocus.openDirectConnection(documentName, context);
  } catch (error) {
    connectionLimits.release(socketId, documentName);
    throw error;
  }
  const document = direct.document as Document;
  const origin: MemberOrigin = { source: 'local', context };
  const controlled = new Set<number>();
  let closed = false;

  const send = (bytes: Uint8Array) => {
    if (socket.readyState !== socket.OPEN) return;
    metrics.messagesSent += 1;
    metrics.bytesSent += bytes.byteLength;
    socket.send(bytes);
  };

  const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
    if (updateOrigin === origin) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  };
  const onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    awarenessOrigin: unknown,
  ) => {
    if (awarenessOrigin === socket) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(document.awareness, changed),
    );
    send(encoding.toUint8Array(encoder));
  };
  document.on('update', onUpdate);
  document.awareness.on('update', onAwareness);

  const untrack = services.connections.track({
    context,
    close: (code, reason) => close(code, reason),
  });
  const close = (code?: number, reason?: string) => {
    if (closed) return;
    closed = true;
    untrack();
    document.off('update', onUpdate);
    document.awareness.off('update', onAwareness);
    awarenessProtocol.removeAwarenessStates(document.awareness, [...controlled], null);
    connectionLimits.release(socketId, documentName);
    if (code !== undefined && socket.readyState === socket.OPEN) socket.close(code, reason);
    void direct.disconnect();
  };

  /**
   * Handles one frame; a promise when its checks wait for the store (the quota's measure, or
   * whether the sender stewards), and then later frames wait for it (`onMessage`).
   */
  const handle = (data: Uint8Array): void | Promise<void> => {
    metrics.messagesReceived += 1;
    metrics.bytesReceived += data.byteLength;
    const overRate = connectionLimits.message(socketId);
    if (overRate) throw Object.assign(new Error(overRate.reason), overRate);
    const decoder = decoding.createDecoder(data);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const peek = decoding.clone(decoder);
      const syncType = decoding.readVarUint(peek);
      if (
        syncType === syncProtocol.messageYjsSyncStep2 ||
        syncType === syncProtocol.messageYjsUpdate
      ) {
        const update = decoding.readVarUint8Array(peek);
        // Decoding the whole update first means a malformed one fails before anything is applied.
        Y.decodeUpdate(update);
        if (context.role === 'viewer') {
          if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
          throw Object.assign(new Error('viewer update'), Y_CLOSE.readOnly);
        }
        const apply = () => {
          if (!closed) applySync(decoder, encoder);
        };
        // Throws InvalidGraphUpdate (4422, with the reason) before anything of it is applied.
        const check = () => services.graphGuard.check(documentName, document, update, context);
        const allowed = services.quota.allowsEdit(context.workspaceId, update.byteLength);
        if (allowed === false) throw Object.assign(new Error('quota'), LIMIT_CLOSE.quota);
        if (allowed !== true)
          return allowed.then(async (ok) => {
            if (!ok) throw Object.assign(new Error('quota'), LIMIT_CLOSE.quota);
            await check();
            apply();
          });
        const checked = check();
        if (checked) return checked.then(apply);
      }
      applySync(decoder, encoder);
    } else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      const overAwareness = connectionLimits.awareness(socketId, update.byteLength);
      if (overAwareness) throw Object.assign(new Error(overAwareness.reason), overAwareness);
      awarenessProtocol.applyAwarenessUpdate(document.awareness, update, socket);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(document.awareness, [
          ...document.awareness.getStates().keys(),
        ]),
      );
      send(encoding.toUint8Array(encoder));
    } else {
      throw new Error(`unknown message type ${type}`);
    }
  };

  const applySync = (decoder: decoding.Decoder, encoder: encoding.Encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, encoder, document, origin);
    if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
  };

  const fail = (error: unknown) => {
    if (closed) return;
    const close_ =
      error instanceof Object && 'code' in error
        ? (error as { code: number; reason: string })
        : Y_CLOSE.malformed;
    metrics.errors += 1;
    logger.info(
      { documentName, userId: context.user.id, reason: close_.reason },
      'y-websocket connection closed',
    );
    close(close_.code, close_.reason);
  };

  // Frames that arrived while an earlier one waited for the store, in order.
  let waiting: Uint8Array[] | undefined;
  const run = (data: Uint8Array) => {
    try {
      const pending = handle(data);
      if (pending) {
        waiting = [];
        pending.then(resume, fail);
      }
    } catch (error) {
      fail(error);
    }
  };
  const resume = () => {
    const queued = waiting ?? [];
    waiting = undefined;
    while (queued.length > 0 && !closed) {
      run(queued.shift() as Uint8Array);
      if (waiting) {
        (waiting as Uint8Array[]).push(...queued);
        return;
      }
    }
  };
  const onMessage = (data: Buffer, isBinary: boolean) => {
    if (closed) return;
    if (!isBinary) {
      fail(new Error('text frame'));
      return;
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (waiting) waiting.push(frame);
    else run(frame);
  };
  early.stop();
  socket.on('message', onMessage);
  socket.on('close', () => close());
  socket.on('error', () => close());

  // Greet like the reference server: our state vector, then everyone's awareness.
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(step1, document);
  send(encoding.toUint8Array(step1));
  const states = [...document.awareness.getStates().keys()];
  if (states.length > 0) {
    const aw = encoding.createEncoder();
    encoding.writeVarUint(aw, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      aw,
      awarenessProtocol.encodeAwarenessUpdate(document.awareness, states),
    );
    send(encoding.toUint8Array(aw));
  }
  for (const [data, isBinary] of early.frames) onMessage(data, isBinary);
  if (socket.readyState !== socket.OPEN) close();
}
