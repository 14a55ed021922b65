import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * How many sockets a member holds on all instances together (issue 14, item 8, scaled out).
 * {@link ConnectionLimits} counts a member's sockets on this instance; this adds the other
 * instances' when they share a Redis.
 */
export interface SharedConnectionCount {
  /** Counts `socketId` for `userId`; false when the member already holds `limit` sockets. */
  claim(userId: string, socketId: string, limit: number): Promise<boolean>;
  /** `socketId` closed: it no longer counts. */
  release(userId: string, socketId: string): void;
  /** Stops refreshing this instance's claims (they expire on their own). */
  close(): void;
}

/** How long a claim lives unless its instance refreshes it (a killed instance's sockets age out). */
const CLAIM_TTL_MS = 60_000;
const REFRESH_MS = CLAIM_TTL_MS / 3;
const key = (userId: string) => `repertoire:connections:${userId}`;

// One round trip, atomic: drop expired claims, keep or refresh this socket's, refuse past the limit.
// KEYS[1] the member's sorted set; ARGV: now, expiry, member, limit, ttl.
const CLAIM_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) == false and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

/**
 * The count in Redis: one sorted set per member, each claim scored by its expiry. Every instance
 * refreshes its live sockets' claims, so a killed instance's sockets stop counting after
 * {@link CLAIM_TTL_MS}. When Redis does not answer, the socket is let in and the outage logged:
 * the per-instance limit still holds, and an outage must not lock every member out.
 */
export class RedisConnectionCount implements SharedConnectionCount {
  readonly #redis: Redis;
  readonly #logger: Logger;
  readonly #instance = randomUUID();
  /** This instance's live claims: member of the set → user id. */
  readonly #claims = new Map<string, string>();
  readonly #timer: NodeJS.Timeout;

  constructor(redis: Redis, logger: Logger) {
    this.#redis = redis;
    this.#logger = logger;
    this.#timer = setInterval(() => void this.#refresh(), REFRESH_MS);
    this.#timer.unref();
  }

  async claim(userId: string, socketId: string, limit: number): Promise<boolean> {
    const member = `${this.#instance}:${socketId}`;
    const now = Date.now();
    try {
      const admitted = await this.#redis.eval(
        CLAIM_SCRIPT,
        1,
        key(userId),
        now,
        now + CLAIM_TTL_MS,
        member,
        limit,
        CLAIM_TTL_MS,
      );
      if (admitted !== 1) return false;
    } catch (error) {
      this.#logger.warn(
        { err: error },
        'shared connection count unavailable; counting this instance only',
      );
      return true;
    }
    this.#claims.set(member, userId);
    return true;
  }

  release(userId: string, socketId: string): void {
    const member = `${this.#instance}:${socketId}`;
    this.#claims.delete(member);
    this.#redis.zrem(key(userId), member).catch(() => {
      // Unreachable Redis: the claim expires on its own.
    });
  }

  close(): void {
    clearInterval(this.#timer);
  }

  async #refresh(): Promise<void> {
    if (this.#claims.size === 0) return;
    const expiry = Date.now() + CLAIM_TTL_MS;
    const pipeline = this.#redis.pipeline();
    for (const [member, userId] of this.#claims) {
      pipeline.zadd(key(userId), expiry, member);
      pipeline.pexpire(key(userId), CLAIM_TTL_MS);
    }
    await pipeline.exec().catch(() => {});
  }
}
