import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError } from '../store/errors.ts';
import { isRejection, type LimiterFactory } from './limiterStore.ts';

/** The window failed sign-ins are counted in. */
const WINDOW_SECONDS = 15 * 60;
const LONGEST_BLOCK_SECONDS = 24 * 3600;

/** A reserved sign-in attempt: settle it once the password has been checked. */
export interface SignInAttempt {
  /** The password was right: forget this client's failures on this account. */
  succeeded(): Promise<void>;
}

/**
 * The sign-in limit. An attempt is *reserved* before the password is hashed, atomically in the
 * limiter's store (memory or Redis), so parallel guesses cannot all slip under the limit while
 * their hashes run. Failures count per account *and* client: a guesser locks only their own
 * client out of that account, never the member signing in from elsewhere. Each lock-out of the
 * same account and client lasts twice as long as the one before. A client also has a larger
 * budget across all accounts, against one address trying many accounts.
 */
export class SignInLimits {
  readonly #perAccountAndClient: RateLimiterAbstract;
  readonly #perClient: RateLimiterAbstract;
  readonly #lockouts: RateLimiterAbstract;
  readonly #firstLockoutSeconds: number;

  /** `failuresAllowed` per account and client; the first lock-out lasts `firstLockoutSeconds`. */
  constructor(limiters: LimiterFactory, failuresAllowed: number, firstLockoutSeconds: number) {
    this.#firstLockoutSeconds = firstLockoutSeconds;
    this.#perAccountAndClient = limiters('sign-in', {
      points: failuresAllowed,
      durationSeconds: WINDOW_SECONDS,
    });
    this.#perClient = limiters('sign-in-client', {
      points: failuresAllowed * 5,
      durationSeconds: WINDOW_SECONDS,
    });
    this.#lockouts = limiters('sign-in-lockouts', { points: 1_000_000, durationSeconds: 86_400 });
  }

  /** Reserves one attempt by `client` on `email`, or throws `rate_limited` with a retry delay. */
  async reserve(email: string, client: string): Promise<SignInAttempt> {
    const pair = JSON.stringify([email, client]);
    const first = this.#firstLockoutSeconds;
    await this.#take(this.#perAccountAndClient, pair, first, async () => {
      // The attempt that crossed the limit sets the lock-out; later ones just see it.
      const strikes = (await this.#lockouts.penalty(pair)).consumedPoints;
      const seconds = Math.min(first * 2 ** (strikes - 1), LONGEST_BLOCK_SECONDS);
      await this.#perAccountAndClient.block(pair, seconds);
      return seconds;
    });
    try {
      await this.#take(this.#perClient, client, WINDOW_SECONDS);
    } catch (error) {
      // Refused before any hashing: the account's budget is not spent on it.
      await this.#perAccountAndClient.reward(pair, 1);
      throw error;
    }
    return {
      succeeded: async () => {
        await Promise.all([
          this.#perAccountAndClient.delete(pair),
          this.#lockouts.delete(pair),
          this.#perClient.reward(client, 1),
        ]);
      },
    };
  }

  async #take(
    limiter: RateLimiterAbstract,
    key: string,
    fallbackSeconds: number,
    onFirstRefusal?: () => Promise<number>,
  ): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!isRejection(error)) throw error;
      let seconds = error.msBeforeNext / 1000;
      if (onFirstRefusal && error.consumedPoints === limiter.points + 1)
        seconds = await onFirstRefusal();
      throw new ApiError(
        'rate_limited',
        'too many failed sign-ins; try again later',
        undefined,
        seconds > 0 ? seconds : fallbackSeconds,
      );
    }
  }
}
