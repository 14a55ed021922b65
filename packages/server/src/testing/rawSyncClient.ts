import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';

/** A bare WebSocket speaking just enough of the Hocuspocus protocol to send hand-made frames. */
export class RawSyncClient {
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly received: Uint8Array[] = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    this.closed = new Promise((resolve) =>
      this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.readyState === WebSocket.OPEN) resolve();
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  /** Sends the auth message for `documentName` and waits for the server's answer. */
  async authenticate(documentName: string, token: string): Promise<void> {
    await this.opened();
    const before = this.received.length;
    const e = encoding.createEncoder();
    encoding.writeVarString(e, documentName);
    encoding.writeVarUint(e, 2); // Auth
    encoding.writeVarUint(e, 0); // Token
    encoding.writeVarString(e, token);
    this.socket.send(encoding.toUint8Array(e));
    const deadline = Date.now() + 5000;
    while (this.received.length === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
  }

  /** Sends `[documentName, ...payload]`. */
  send(documentName: string, payload: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, documentName);
    encoding.writeUint8Array(e, payload);
    this.socket.send(encoding.toUint8Array(e));
  }

  /** Sends a sync update frame carrying `update`. */
  sendUpdate(documentName: string, update: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // Sync
    encoding.writeVarUint(e, 2); // Update
    encoding.writeVarUint8Array(e, update);
    this.send(documentName, encoding.toUint8Array(e));
  }
}
