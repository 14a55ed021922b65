import { randomBytes } from 'node:crypto';
import type { SqlDatabase } from './sqlDatabase.ts';

/**
 * The key that signs sync tokens, made once and kept in the store so tokens stay valid across
 * restarts and every instance sharing the store accepts them.
 */
export async function tokenSecret(db: SqlDatabase): Promise<Uint8Array> {
  const row = (await db.prepare("SELECT value FROM settings WHERE key = 'token-secret'").get()) as
    | { value: Uint8Array }
    | undefined;
  if (row) return new Uint8Array(row.value);
  const secret = randomBytes(32);
  await db
    .prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('token-secret', ?)")
    .run(secret);
  return tokenSecret(db);
}
