import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ClientAddressOf } from '../http/clientAddress.ts';

/**
 * The header an upgrade request is tagged with, so the document hooks (which see a copy of the
 * request's headers, not the request) can say which pending socket authorized. A client's own
 * value is always overwritten.
 */
export const HANDSHAKE_HEADER = 'x-repertoire-handshake';

/** The limits {@link Handshakes} applies (the matching fields of the server's `Limits`). */
export interface HandshakeLimits {
  maxUnauthenticatedSockets: number;
  authTimeoutMs: number;
}

interface Pending {
  readonly address: string;
  readonly timer: NodeJS.Timeout;
}

/**
 * WebSockets that have not authorized a document yet, on either protocol. One client address may
 * hold only `maxUnauthenticatedSockets` of them, and each must authorize within `authTimeoutMs`
 * or its connection is dropped, so nobody can tie up the server with sockets that never sign in.
 */
export class Handshakes {
  readonly #limits: HandshakeLimits;
  readonly #clientAddress: ClientAddressOf;
  readonly #pending = new Map<string, Pending>();
  readonly #byAddress = new Map<string, number>();

  constructor(limits: HandshakeLimits, clientAddress: ClientAddressOf) {
    this.#limits = limits;
    this.#clientAddress = clientAddress;
  }

  /**
   * Starts the clock on a WebSocket upgrade and tags the request with {@link HANDSHAKE_HEADER};
   * false (refuse it) when its address already has too many sockets waiting.
   */
  begin(request: IncomingMessage, socket: Duplex): boolean {
    const address = this.#clientAddress(request);
    const count = this.#byAddress.get(address) ?? 0;
    if (count >= this.#limits.maxUnauthenticatedSockets) return false;
    this.#byAddress.set(address, count + 1);
    const id = randomUUID();
    request.headers[HANDSHAKE_HEADER] = id;
    const timer = setTimeout(() => {
      this.authorized(id);
      socket.destroy();
    }, this.#limits.authTimeoutMs);
    timer.unref();
    this.#pending.set(id, { address, timer });
    socket.once('close', () => this.authorized(id));
    return true;
  }

  /** The upgrade tagged `id` authorized a document (or closed): it no longer counts. */
  authorized(id: string | null | undefined): void {
    const pending = id ? this.#pending.get(id) : undefined;
    if (!id || !pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    const left = (this.#byAddress.get(pending.address) ?? 1) - 1;
    if (left > 0) this.#byAddress.set(pending.address, left);
    else this.#byAddress.delete(pending.address);
  }

  /** How many sockets wait for authorization (for `/metrics`). */
  get count(): number {
    return this.#pending.size;
  }
}
