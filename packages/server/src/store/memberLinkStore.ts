import type { SqlDatabase } from './sqlDatabase.ts';

// Which member entity each account is, per workspace ("accounts are members"). Kept by the
// server, not in the shared graph, so nobody can claim to be someone else by editing the graph:
// a link is made only for the signed-in account itself. Stored in the `settings` table under
// `member-link:<workspace>:<user>` (no migration needed), the member id as UTF-8 bytes.

const PREFIX = 'member-link:';
const keyOf = (workspaceId: string, userId: string) => `${PREFIX}${workspaceId}:${userId}`;
const text = new TextDecoder();
const bytes = new TextEncoder();

/** The member entity linked to `userId` in `workspaceId`, or undefined. */
export async function linkedMember(
  db: SqlDatabase,
  workspaceId: string,
  userId: string,
): Promise<string | undefined> {
  const row = (await db
    .prepare('SELECT value FROM settings WHERE key = ?')
    .get(keyOf(workspaceId, userId))) as { value: Uint8Array | string } | undefined;
  if (!row) return undefined;
  return typeof row.value === 'string' ? row.value : text.decode(new Uint8Array(row.value));
}

/** Every account → member link of a workspace. */
export async function memberLinks(
  db: SqlDatabase,
  workspaceId: string,
): Promise<Map<string, string>> {
  const prefix = `${PREFIX}${workspaceId}:`;
  const rows = (await db
    .prepare('SELECT key, value FROM settings WHERE key >= ? AND key < ?')
    .all(prefix, `${prefix}\uffff`)) as { key: string; value: Uint8Array | string }[];
  return new Map(
    rows.map((r) => [
      r.key.slice(prefix.length),
      typeof r.value === 'string' ? r.value : text.decode(new Uint8Array(r.value)),
    ]),
  );
}

/** Links `userId` to `memberId` in `workspaceId`, replacing an earlier link of that account. */
export async function linkMember(
  db: SqlDatabase,
  workspaceId: string,
  userId: string,
  memberId: string,
): Promise<void> {
  const key = keyOf(workspaceId, userId);
  await db.transaction(async () => {
    await db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    await db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      .run(key, bytes.encode(memberId));
  });
}
