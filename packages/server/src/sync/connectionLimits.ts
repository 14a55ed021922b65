import { AccessRefused } from './authorize.ts';
import type { SharedConnectionCount } from './sharedConnectionCount.ts';

/** The limits {@link ConnectionLimits} applies (the matching fields of the server's `Limits`). */
export interface ConnectionLimitsOptions {
  maxDocumentsPerConnection: number;
  maxConnectionsPerUser: number;
  messagesPerSecond: number;
  maxAwarenessBytes: number;
  awarenessPerSecond: number;
}

/** Why a connection is closed for what it sent: a WebSocket close code and reason. */
export interface LimitClose {
  readonly code: number;
  readonly reason: string;
}

/** Close reasons of {@link ConnectionLimits} (see API.md). */
export const LIMIT_CLOSE = {
  rate: { code: 4429, reason: 'Rate limit exceeded' },
  awarenessRate: { code: 4429, reason: 'Awareness rate limit exceeded' },
  awarenessSize: { code: 4413, reason: 'Awareness state too large' },
  quota: { code: 4413, reason: 'Workspace storage quota exceeded' },
} as const satisfies Record<string, LimitClose>;

/** A token bucket holding up to four seconds' worth of `perSecond`. */
class Bucket {
  #tokens: number;
  #at = Date.now();
  readonly #perSecond: number;
  constructor(perSecond: number) {
    this.#perSecond = perSecond;
    this.#tokens = perSecond * 4;
  }
  take(): boolean {
    const now = Date.now();
    this.#tokens = Math.min(
      this.#perSecond * 4,
      this.#tokens + ((now - this.#at) / 1000) * this.#perSecond,
    );
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

interface SocketState {
  readonly userId: string;
  readonly documents: Set<string>;
  readonly messages: Bucket;
  readonly awareness: Bucket;
}

/**
 * The per-connection limits, one set for both protocols (Hocuspocus on `/sync`, y-websocket on
 * `/y/`), so a member cannot escape a limit by switching protocol: connections per member,
 * documents per connection, messages per second, and awareness size and rate. Everything about a
 * socket is forgotten when its last document closes.
 */
export class ConnectionLimits {
  readonly #limits: ConnectionLimitsOptions;
  readonly #sockets = new Map<string, SocketState>();
  readonly #socketsByUser = new Map<string, Set<string>>();
  readonly #shared: SharedConnectionCount | undefined;

  /** With `shared`, the connections per member are counted on every instance together. */
  constructor(limits: ConnectionLimitsOptions, shared?: SharedConnectionCount) {
    this.#limits = limits;
    this.#shared = shared;
  }

  /**
   * Lets `socketId` of `userId` open `documentName`, or throws `AccessRefused` 4429; a socket new
   * to this member is also counted by the shared count, when there is one, against the same limit.
   */
  async admit(socketId: string, userId: string, documentName: string): Promise<void> {
    const isNew = !this.#socketsByUser.get(userId)?.has(socketId);
    this.#admitHere(socketId, userId, documentName);
    if (!isNew || !this.#shared) return;
    const admitted = await this.#shared.claim(userId, socketId, this.#limits.maxConnectionsPerUser);
    // Closed while Redis answered: its claim is not wanted any more.
    if (!this.#sockets.has(socketId)) {
      if (admitted) this.#shared.release(userId, socketId);
      return;
    }
    if (admitted) return;
    this.#forget(socketId);
    throw new AccessRefused(4429, 'Too many connections for this user');
  }

  /** Stops the shared count's upkeep (the server is closing). */
  close(): void {
    this.#shared?.close();
  }

  #admitHere(socketId: string, userId: string, documentName: string): void {
    const state = this.#sockets.get(socketId);
    const userSockets = this.#socketsByUser.get(userId) ?? new Set<string>();
    if (state && !state.documents.has(documentName)) {
      if (state.documents.size >= this.#limits.maxDocumentsPerConnection)
        throw new AccessRefused(4429, 'Too many documents on one connection');
    }
    if (!userSockets.has(socketId) && userSockets.size >= this.#limits.maxConnectionsPerUser)
      throw new AccessRefused(4429, 'Too many connections for this user');
    const admitted = state ?? {
      userId,
      documents: new Set<string>(),
      messages: new Bucket(this.#limits.messagesPerSecond),
      awareness: new Bucket(this.#limits.awarenessPerSecond),
    };
    admitted.documents.add(documentName);
    this.#sockets.set(socketId, admitted);
    userSockets.add(socketId);
    this.#socketsByUser.set(userId, userSockets);
  }

  /** `socketId` closed `documentName`; the socket is forgotten with its last document. */
  release(socketId: string, documentName: string): void {
    const state = this.#sockets.get(socketId);
    if (!state) return;
    state.documents.delete(documentName);
    if (state.documents.size > 0) return;
    this.#forget(socketId);
    this.#shared?.release(state.userId, socketId);
  }

  #forget(socketId: string): void {
    const state = this.#sockets.get(socketId);
    if (!state) return;
    this.#sockets.delete(socketId);
    const userSockets = this.#socketsByUser.get(state.userId);
    userSockets?.delete(socketId);
    if (userSockets?.size === 0) this.#socketsByUser.delete(state.userId);
  }

  /** Counts one message of `socketId`; the close to apply when it is over the rate. */
  message(socketId: string): LimitClose | null {
    const state = this.#sockets.get(socketId);
    return !state || state.messages.take() ? null : LIMIT_CLOSE.rate;
  }

  /** Counts one awareness update of `bytes`; the close to apply when it is too big or too fast. */
  awareness(socketId: string, bytes: number): LimitClose | null {
    if (bytes > this.#limits.maxAwarenessBytes) return LIMIT_CLOSE.awarenessSize;
    const state = this.#sockets.get(socketId);
    return !state || state.awareness.take() ? null : LIMIT_CLOSE.awarenessRate;
  }
}
