import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** What one named limit counts: `points` per `durationSeconds`. */
export interface LimiterOptions {
  points: number;
  durationSeconds: number;
}

/** Makes the server's rate limiters, all on one store. */
export type LimiterFactory = (name: string, options: LimiterOptions) => RateLimiterAbstract;

/**
 * rate-limiter-flexible limiters: in memory for one instance, or on Redis when several instances
 * share it, so a limit holds across all of them. Both stores expire idle keys. While Redis does not
 * answer, each instance falls back to counting in its own memory rather than letting everything
 * through.
 */
export function limiterFactory(redis?: Redis): LimiterFactory {
  return (name, { points, durationSeconds }) => {
    const keyPrefix = `repertoire:limit:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration: durationSeconds,
      insuranceLimiter: memory,
    });
  };
}

/** Whether `error`, from a limiter's `consume`, means "over the limit" (and not a store failure). */
export function isRejection(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
