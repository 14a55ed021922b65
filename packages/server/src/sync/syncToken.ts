import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** What a valid sync token names: the user, and the session it was issued to. */
export interface SyncTokenClaims {
  userId: string;
  /** The session (cookie) the token was issued to; it is refused once that session ends. */
  sessionId: string;
}

/**
 * Signs and checks the short-lived tokens a client passes when it opens a document. A token is
 * tied to the session it was issued to (`sid`), so signing out ends it before it expires.
 */
export class SyncTokens {
  readonly #key: Uint8Array;
  readonly #lifetimeSeconds: number;

  constructor(secret: Uint8Array = randomBytes(32), lifetimeSeconds = 600) {
    this.#key = secret;
    this.#lifetimeSeconds = lifetimeSeconds;
  }

  /** A token naming `userId` and its session, valid for the configured lifetime. */
  async issue(userId: string, sessionId: string): Promise<{ token: string; expiresAt: string }> {
    const expires = Math.floor(Date.now() / 1000) + this.#lifetimeSeconds;
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(expires)
      .setAudience('repertoire-sync')
      .sign(this.#key);
    return { token, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** The user and session of a valid token, or null for a bad, foreign or expired one. */
  async verify(token: string | null | undefined): Promise<SyncTokenClaims | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        audience: 'repertoire-sync',
      });
      return typeof payload.sub === 'string' && typeof payload.sid === 'string'
        ? { userId: payload.sub, sessionId: payload.sid }
        : null;
    } catch {
      return null;
    }
  }
}
