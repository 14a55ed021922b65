import type { ServerServices } from '@repertoire/server';
import { z } from 'zod';

/** A calendar feed link as the server keeps it: whose it is and how long it lives. */
export interface FeedRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

const recordSchema = z.object({
  userId: z.string().min(1),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

// Kept in the store's `settings` table under `calendar-feed:<workspace>:<feed>` (no migration):
// a link works only while its record exists, so deleting the record revokes it at once, on every
// instance sharing the store.
const PREFIX = 'calendar-feed:';
const keyOf = (workspaceId: string, feedId: string) => `${PREFIX}${workspaceId}:${feedId}`;
const text = new TextDecoder();
const bytes = new TextEncoder();
const decode = (value: Uint8Array | string) =>
  typeof value === 'string' ? value : text.decode(new Uint8Array(value));

/** The feed links the server keeps. */
export class FeedStore {
  readonly #db: ServerServices['db'];

  constructor(services: Pick<ServerServices, 'db'>) {
    this.#db = services.db;
  }

  /** Keeps a new link. */
  async add(record: FeedRecord): Promise<void> {
    const { id, workspaceId, ...value } = record;
    await this.#db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      .run(keyOf(workspaceId, id), bytes.encode(JSON.stringify(value)));
  }

  /** One link, or undefined when there is none (never made, or revoked). */
  async get(workspaceId: string, feedId: string): Promise<FeedRecord | undefined> {
    const row = (await this.#db
      .prepare('SELECT value FROM settings WHERE key = ?')
      .get(keyOf(workspaceId, feedId))) as { value: Uint8Array | string } | undefined;
    return row ? parse(workspaceId, feedId, row.value) : undefined;
  }

  /** A member's links in a workspace, newest first. */
  async list(workspaceId: string, userId: string): Promise<FeedRecord[]> {
    const prefix = `${PREFIX}${workspaceId}:`;
    const rows = (await this.#db
      .prepare('SELECT key, value FROM settings WHERE key >= ? AND key < ?')
      .all(prefix, `${prefix}\uffff`)) as { key: string; value: Uint8Array | string }[];
    return rows
      .map((r) => parse(workspaceId, r.key.slice(prefix.length), r.value))
      .filter((r): r is FeedRecord => r?.userId === userId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Forgets a link; whether there was one. */
  async remove(workspaceId: string, feedId: string): Promise<boolean> {
    const key = keyOf(workspaceId, feedId);
    const { changes } = await this.#db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    return changes > 0;
  }
}

function parse(
  workspaceId: string,
  id: string,
  value: Uint8Array | string,
): FeedRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(decode(value)));
    return parsed.success ? { id, workspaceId, ...parsed.data } : undefined;
  } catch {
    return undefined;
  }
}
