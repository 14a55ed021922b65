import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Role } from '../store/workspaceStore.ts';

/** A change of who may do what, which open connections must follow at once. */
export type AccessChange =
  | { type: 'member'; workspaceId: string; userId: string; role: Role | null }
  | { type: 'session'; sessionId: string };

const CHANNEL = 'repertoire:access';

/**
 * Delivers access changes to this instance's open connections and, with Redis, to every other
 * instance's: a role change or sign-out on one instance applies to sockets on all of them.
 * Delivered here first (no round trip), then published; an instance ignores its own messages.
 */
export class AccessChanges {
  readonly #listeners = new Set<(change: AccessChange) => void>();
  readonly #instance = randomUUID();
  readonly #logger: Logger;
  readonly #redisUrl: string | undefined;
  #pub: Redis | undefined;
  #sub: Redis | undefined;

  constructor(logger: Logger, redisUrl?: string) {
    this.#logger = logger;
    this.#redisUrl = redisUrl;
  }

  /** Calls `listener` with every change, local or from another instance. */
  onDidChange(listener: (change: AccessChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Applies `change` here and sends it to the other instances. */
  announce(change: AccessChange): void {
    this.#deliver(change);
    this.#pub
      ?.publish(CHANNEL, JSON.stringify({ from: this.#instance, change }))
      .catch((error: unknown) =>
        this.#logger.warn({ reason: String(error) }, 'access change not published to Redis'),
      );
  }

  /** Subscribes to the other instances' changes (with Redis); resolves once subscribed. */
  async start(): Promise<void> {
    if (!this.#redisUrl || this.#sub) return;
    this.#pub = new Redis(this.#redisUrl, { lazyConnect: false });
    this.#sub = new Redis(this.#redisUrl, { lazyConnect: false });
    for (const client of [this.#pub, this.#sub])
      client.on('error', (error) =>
        this.#logger.warn({ reason: String(error) }, 'Redis (access changes) error'),
      );
    this.#sub.on('message', (_channel: string, message: string) => this.#receive(message));
    await this.#sub.subscribe(CHANNEL);
  }

  /** Closes the Redis connections. */
  stop(): void {
    this.#pub?.disconnect();
    this.#sub?.disconnect();
    this.#pub = undefined;
    this.#sub = undefined;
  }

  #receive(message: string): void {
    try {
      const { from, change } = JSON.parse(message) as { from: string; change: AccessChange };
      if (from !== this.#instance) this.#deliver(change);
    } catch {
      this.#logger.warn('unreadable access change from Redis ignored');
    }
  }

  #deliver(change: AccessChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#logger.error({ reason: String(error) }, 'applying an access change failed');
      }
    }
  }
}
