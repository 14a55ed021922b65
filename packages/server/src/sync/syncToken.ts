import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** Signs and checks the short-lived tokens a client passes when it opens a document. */
export class SyncTokens {
  readonly #key: Uint8Array;
  readonly #lifetimeSeconds: number;

  constructor(secret: Uint8Array = randomBytes(32), lifetimeSeconds = 600) {
    this.#key = secret;
    this.#lifetimeSeconds = lifetimeSeconds;
  }

  /** A token naming `userId`, valid for the configured lifetime. */
  async issue(userId: string): Promise<{ token: string; expiresAt: string }> {
    const expires = Math.floor(Date.now() / 1000) + this.#lifetimeSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(expires)
      .setAudience('repertoire-sync')
      .sign(this.#key);
    return { token, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** The user id in a valid token, or null for a bad, foreign or expired one. */
  async verify(token: string | null | undefined): Promise<string | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        audience: 'repertoire-sync',
      });
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
