import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';

/** A bare WebSocket on the y-websocket endpoint: the frames it got, and how it was closed. */
export class RawYClient {
  readonly socket: WebSocket;
  readonly received: Uint8Array[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  /** Opens `<ws>/y/<name>?token=…` (`ws` is the server's `ws://host:port`). */
  constructor(ws: string, name: string, token: string) {
    this.socket = new WebSocket(`${ws}/y/${name}?token=${encodeURIComponent(token)}`);
    this.socket.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    this.closed = new Promise((resolve) =>
      this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Resolves once the server greeted (authorized and loaded the document). */
  async opened(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length === 0) {
      if (Date.now() > deadline) throw new Error('no y-websocket greeting');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Sends a sync update frame carrying `update`. */
  sendUpdate(update: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // Sync
    encoding.writeVarUint(e, 2); // Update
    encoding.writeVarUint8Array(e, update);
    this.socket.send(encoding.toUint8Array(e));
  }
}
