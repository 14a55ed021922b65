import { randomBytes } from 'node:crypto';
import type { ServerServices } from '@repertoire/server';
import { errors, jwtVerify, SignJWT } from 'jose';

const AUDIENCE = 'repertoire-calendar-feed';
const SECRET_KEY = 'calendar-feed-secret';

/** What a valid feed token names. */
export interface FeedClaims {
  readonly feedId: string;
  readonly workspaceId: string;
  readonly userId: string;
}

/** Why a feed token was refused. */
export type FeedTokenProblem = 'expired' | 'invalid';

/**
 * Signs and checks calendar feed tokens (HS256, jose). The key is the store's own, made once,
 * separate from the sync tokens' so neither kind of token can stand in for the other, and kept
 * in the store so links survive restarts and work on every instance that shares it.
 */
export class FeedTokens {
  readonly #services: Pick<ServerServices, 'db'>;
  #key: Promise<Uint8Array> | undefined;

  constructor(services: Pick<ServerServices, 'db'>) {
    this.#services = services;
  }

  /** The key, read (or made) once, at first use. */
  #secret(): Promise<Uint8Array> {
    this.#key ??= feedSecret(this.#services);
    this.#key.catch(() => {
      // Asked again next time rather than failing for good.
      this.#key = undefined;
    });
    return this.#key;
  }

  /** A token for one feed link, valid until `expiresAt`. */
  async sign(claims: FeedClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ ws: claims.workspaceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setJti(claims.feedId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setAudience(AUDIENCE)
      .sign(await this.#secret());
  }

  /** The claims of a good token, or why it is refused (forged, foreign, malformed or expired). */
  async verify(token: string): Promise<FeedClaims | FeedTokenProblem> {
    try {
      const { payload } = await jwtVerify(token, await this.#secret(), {
        algorithms: ['HS256'],
        audience: AUDIENCE,
      });
      const { sub, jti, ws } = payload;
      return typeof sub === 'string' && typeof jti === 'string' && typeof ws === 'string'
        ? { userId: sub, feedId: jti, workspaceId: ws }
        : 'invalid';
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
    }
  }
}

async function feedSecret(services: Pick<ServerServices, 'db'>): Promise<Uint8Array> {
  const { db } = services;
  const read = async () =>
    (await db.prepare('SELECT value FROM settings WHERE key = ?').get(SECRET_KEY)) as
      | { value: Uint8Array }
      | undefined;
  const row = await read();
  if (row) return new Uint8Array(row.value);
  await db
    .prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)')
    .run(SECRET_KEY, randomBytes(32));
  // Another instance may have won the insert: everyone uses the stored one.
  return new Uint8Array(((await read()) as { value: Uint8Array }).value);
}
