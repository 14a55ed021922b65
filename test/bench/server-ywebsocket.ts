// The reference y-websocket server's connection handling (y-websocket 1.5.4, bin/utils.js, MIT,
// © Kevin Jahns), in memory, without persistence or HTTP callbacks, for server.bench.ts.
// Ported rather than installed: y-websocket 1.5 pulls leveldown (a native build the frozen install
// refuses), and its successor @y/websocket-server runs Yjs 14, whose sync does not complete with
// the Yjs 13 clients everyone else here uses.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const PING_TIMEOUT = 30_000;

class SharedDoc extends Y.Doc {
  readonly name: string;
  readonly conns = new Map<WebSocket, Set<number>>();
  readonly awareness: awarenessProtocol.Awareness;

  constructor(name: string) {
    super({ gc: true });
    this.name = name;
    this.awareness = new awarenessProtocol.Awareness(this);
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        conn: WebSocket | null,
      ) => {
        const changed = added.concat(updated, removed);
        const ids = conn ? this.conns.get(conn) : undefined;
        if (ids) {
          for (const id of added) ids.add(id);
          for (const id of removed) ids.delete(id);
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
        const message = encoding.toUint8Array(encoder);
        for (const c of this.conns.keys()) send(this, c, message);
      },
    );
    this.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const c of this.conns.keys()) send(this, c, message);
    });
  }
}

const docs = new Map<string, SharedDoc>();

function closeConn(doc: SharedDoc, conn: WebSocket): void {
  const ids = doc.conns.get(conn);
  if (ids) {
    doc.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(doc.awareness, Array.from(ids), null);
  }
  conn.close();
}

function send(doc: SharedDoc, conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.CONNECTING && conn.readyState !== conn.OPEN) closeConn(doc, conn);
  try {
    conn.send(message, (error) => {
      if (error) closeConn(doc, conn);
    });
  } catch {
    closeConn(doc, conn);
  }
}

/** Serves one y-websocket connection on the document named by the request path. */
export function setupWSConnection(conn: WebSocket, url: string): void {
  conn.binaryType = 'arraybuffer';
  const name = url.slice(1).split('?')[0] as string;
  let doc = docs.get(name);
  if (!doc) {
    doc = new SharedDoc(name);
    docs.set(name, doc);
  }
  const shared = doc;
  shared.conns.set(conn, new Set());
  conn.on('message', (data: ArrayBuffer) => {
    try {
      const encoder = encoding.createEncoder();
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, shared, conn);
        if (encoding.length(encoder) > 1) send(shared, conn, encoding.toUint8Array(encoder));
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(
          shared.awareness,
          decoding.readVarUint8Array(decoder),
          conn,
        );
      }
    } catch (error) {
      console.error(error);
    }
  });
  let pong = true;
  const ping = setInterval(() => {
    if (!pong) {
      if (shared.conns.has(conn)) closeConn(shared, conn);
      clearInterval(ping);
    } else if (shared.conns.has(conn)) {
      pong = false;
      try {
        conn.ping();
      } catch {
        closeConn(shared, conn);
        clearInterval(ping);
      }
    }
  }, PING_TIMEOUT);
  conn.on('close', () => {
    closeConn(shared, conn);
    clearInterval(ping);
  });
  conn.on('pong', () => {
    pong = true;
  });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, shared);
  send(shared, conn, encoding.toUint8Array(encoder));
  const states = shared.awareness.getStates();
  if (states.size > 0) {
    const aw = encoding.createEncoder();
    encoding.writeVarUint(aw, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      aw,
      awarenessProtocol.encodeAwarenessUpdate(shared.awareness, Array.from(states.keys())),
    );
    send(shared, conn, encoding.toUint8Array(aw));
  }
}
