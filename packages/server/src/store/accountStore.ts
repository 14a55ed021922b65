import { z } from 'zod';
import { accountInputSchema, normalizeEmail, passwordSchema } from './accountInput.ts';
import { ApiError, invalid } from './errors.ts';
import { newId } from './ids.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SqlDatabase } from './sqlDatabase.ts';
import { parseInput } from './validate.ts';

/** A member's account as the API shows it (never with its password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

const SESSION_DAYS = 30;

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

/** Checks sign-up input (email normalized), throwing an error that names the bad field. */
export function validateAccountInput(input: {
  email?: unknown;
  password?: unknown;
  name?: unknown;
}): {
  email: string;
  password: string;
  name: string;
} {
  return parseInput(accountInputSchema, input);
}

/** Accounts and their sessions. */
export class AccountStore {
  readonly #db: SqlDatabase;
  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Creates an account; a second account with the same email is a `conflict`. */
  async create(input: { email?: unknown; password?: unknown; name?: unknown }): Promise<User> {
    const { email, password, name } = validateAccountInput(input);
    if (await this.byEmail(email))
      throw new ApiError('conflict', 'an account with that email exists', 'email');
    const hash = await hashPassword(password);
    const row: UserRow = {
      id: newId('u'),
      email,
      name,
      password_hash: hash,
      created_at: new Date().toISOString(),
    };
    await this.#db
      .prepare(
        'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(row.id, row.email, row.name, row.password_hash, row.created_at);
    return toUser(row);
  }

  /** The account with `email` and `password`, or null when either is wrong. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const row = (await this.#db
      .prepare('SELECT * FROM users WHERE email = ?')
      .get(normalizeEmail(email))) as UserRow | undefined;
    if (!row) {
      // Spend the same time as a real check so response timing does not reveal accounts.
      await verifyPassword(password, 'scrypt$32768$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
      return null;
    }
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : null;
  }

  async byId(id: string): Promise<User | null> {
    const row = (await this.#db.prepare('SELECT * FROM users WHERE id = ?').get(id)) as
      | UserRow
      | undefined;
    return row ? toUser(row) : null;
  }

  async byEmail(email: string): Promise<User | null> {
    const row = (await this.#db
      .prepare('SELECT * FROM users WHERE email = ?')
      .get(normalizeEmail(email))) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async count(): Promise<number> {
    return ((await this.#db.prepare('SELECT COUNT(*) AS n FROM users').get()) as { n: number }).n;
  }

  /** Opens a session for `userId`; returns its secret id (the cookie value). */
  async openSession(userId: string): Promise<{ id: string; expiresAt: string }> {
    const id = newId('s', 32);
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
    await this.#db
      .prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)')
      .run(id, userId, expiresAt);
    return { id, expiresAt };
  }

  /** The user of a live session, or null for an unknown or expired one. */
  async sessionUser(sessionId: string): Promise<User | null> {
    const row = (await this.#db
      .prepare(
        'SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.expires_at > ?',
      )
      .get(sessionId, new Date().toISOString())) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async closeSession(sessionId: string): Promise<void> {
    await this.#db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
    for (const listener of this.#sessionListeners) listener(sessionId);
  }

  readonly #sessionListeners = new Set<(sessionId: string) => void>();

  /**
   * Calls `listener` with each session that ends (sign-out), so the server closes the sync
   * connections opened with it; returns the function that stops calling it.
   */
  onDidEndSession(listener: (sessionId: string) => void): () => void {
    this.#sessionListeners.add(listener);
    return () => this.#sessionListeners.delete(listener);
  }

  /**
   * Changes the password of `userId` after checking the current one (`wrong_credentials` when it
   * is wrong), and ends every other session: whoever knew the old password is signed out.
   */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: unknown,
    keepSessionId: string,
  ): Promise<void> {
    const next = parseInput(z.object({ newPassword: passwordSchema }), { newPassword }).newPassword;
    const row = (await this.#db.prepare('SELECT * FROM users WHERE id = ?').get(userId)) as
      | UserRow
      | undefined;
    if (!row || !(await verifyPassword(currentPassword, row.password_hash)))
      throw new ApiError('wrong_credentials', 'the current password is wrong', 'currentPassword');
    await this.#setHash(userId, next);
    await this.closeOtherSessions(userId, keepSessionId);
  }

  /** Sets a new password for the account with `email` (the CLI's reset) and ends all its sessions. */
  async resetPassword(email: string, password: unknown): Promise<User> {
    const next = parseInput(z.object({ password: passwordSchema }), { password }).password;
    const user = await this.byEmail(email);
    if (!user) throw invalid('email', `no account with email '${email}'`);
    await this.#setHash(user.id, next);
    await this.#endSessions(user.id, null);
    return user;
  }

  /** Ends every session of `userId` but `keepSessionId`; returns how many ended. */
  closeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
    return this.#endSessions(userId, keepSessionId);
  }

  /**
   * Ends the sessions of `userId` (all, or all but `keep`) through {@link closeSession}, so
   * their open sync connections close too (the listeners of {@link onDidEndSession}).
   */
  async #endSessions(userId: string, keep: string | null): Promise<number> {
    const rows = (await this.#db
      .prepare('SELECT id FROM sessions WHERE user_id = ?')
      .all(userId)) as { id: string }[];
    const ending = rows.map((r) => r.id).filter((id) => id !== keep);
    for (const id of ending) await this.closeSession(id);
    return ending.length;
  }

  async #setHash(userId: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.#db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
  }
}
