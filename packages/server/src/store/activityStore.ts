import type { SqlDatabase } from './sqlDatabase.ts';

/** One member's coalesced updates to one document (see API.md, Activity). */
export interface ActivityRecord {
  userId: string;
  userName: string;
  documentName: string;
  from: string;
  to: string;
  updates: number;
  bytes: number;
}

interface OpenRecord {
  rowId: number | null;
  workspaceId: string;
  userId: string;
  documentName: string;
  first: number;
  last: number;
  updates: number;
  bytes: number;
  dirty: boolean;
}

/** A filter over activity records: a time window, one document, one account. */
export interface ActivityFilter {
  since?: string;
  until?: string;
  document?: string;
  user?: string;
}

/** Totals over a workspace's activity records, naming nobody (what every member may see). */
export interface ActivityTotals {
  records: number;
  updates: number;
  /** How many different accounts made them. */
  members: number;
}

const WHERE = `a.workspace_id = ? AND a.last_at >= ? AND a.first_at <= ?
  AND (? IS NULL OR a.document_name = ?) AND (? IS NULL OR a.user_id = ?)`;
const whereArgs = (workspaceId: string, filter: ActivityFilter) => [
  workspaceId,
  filter.since ?? '',
  filter.until ?? '9999',
  filter.document ?? null,
  filter.document ?? null,
  filter.user ?? null,
  filter.user ?? null,
];

/**
 * Records who changed which document when, from the server's knowledge of the authenticated
 * connection. Updates by one member to one document within `windowMs` of each other coalesce
 * into one record; {@link record} only counts in memory (it is on the live path), and records
 * are written in batches by {@link flush}, one flush at a time.
 */
export class ActivityStore {
  readonly #db: SqlDatabase;
  readonly #windowMs: number;
  readonly #open = new Map<string, OpenRecord>();
  /** Records whose window passed with changes not yet written. */
  #closed: OpenRecord[] = [];
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: SqlDatabase, windowMs = 5 * 60_000) {
    this.#db = db;
    this.#windowMs = windowMs;
  }

  /** Notes one update of `bytes` by `userId` to `documentName` at `now`. */
  record(
    workspaceId: string,
    userId: string,
    documentName: string,
    bytes: number,
    now = Date.now(),
  ): void {
    const key = `${userId}\u0000${documentName}`;
    const open = this.#open.get(key);
    if (open && now - open.last <= this.#windowMs) {
      open.last = now;
      open.updates += 1;
      open.bytes += bytes;
      open.dirty = true;
      return;
    }
    if (open?.dirty) this.#closed.push(open);
    this.#open.set(key, {
      rowId: null,
      workspaceId,
      userId,
      documentName,
      first: now,
      last: now,
      updates: 1,
      bytes,
      dirty: true,
    });
  }

  /**
   * Writes every changed record and forgets records whose window has passed. Flushes run one
   * after another, so a record's first write (which learns its row id) ends before its next.
   */
  flush(now = Date.now()): Promise<void> {
    const run = this.#flushing.then(() => this.#flushNow(now));
    this.#flushing = run.catch(() => {});
    return run;
  }

  async #flushNow(now: number): Promise<void> {
    const closed = this.#closed;
    this.#closed = [];
    for (const [key, open] of this.#open)
      if (now - open.last > this.#windowMs) {
        this.#open.delete(key);
        if (open.dirty) closed.push(open);
      }
    const writing = [...closed, ...[...this.#open.values()].filter((open) => open.dirty)];
    for (const [i, open] of writing.entries()) {
      try {
        await this.#write(open);
      } catch (error) {
        // Keep what was not written for the next flush.
        this.#closed.push(...closed.slice(i).filter((o) => o.dirty));
        throw error;
      }
    }
  }

  async #write(open: OpenRecord): Promise<void> {
    const first = new Date(open.first).toISOString();
    const last = new Date(open.last).toISOString();
    const { updates, bytes } = open;
    // Cleared before the write: an update counted while it is on the wire dirties it again.
    open.dirty = false;
    try {
      if (open.rowId === null) {
        const row = await this.#db
          .prepare(
            'INSERT INTO activity (workspace_id, user_id, document_name, first_at, last_at, updates, bytes) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
          )
          .get(open.workspaceId, open.userId, open.documentName, first, last, updates, bytes);
        open.rowId = Number((row as { id: number | bigint }).id);
      } else {
        await this.#db
          .prepare('UPDATE activity SET last_at = ?, updates = ?, bytes = ? WHERE id = ?')
          .run(last, updates, bytes, open.rowId);
      }
    } catch (error) {
      open.dirty = true;
      throw error;
    }
  }

  /** Records of a workspace, newest first (flushes pending ones first). */
  async list(workspaceId: string, filter: ActivityFilter = {}): Promise<ActivityRecord[]> {
    await this.flush();
    return (await this.#db
      .prepare(
        `SELECT a.user_id AS userId, COALESCE(u.name, '') AS userName, a.document_name AS documentName,
                a.first_at AS "from", a.last_at AS "to", a.updates, a.bytes
         FROM activity a LEFT JOIN users u ON u.id = a.user_id
         WHERE ${WHERE}
         ORDER BY a.last_at DESC LIMIT 1000`,
      )
      .all(...whereArgs(workspaceId, filter))) as unknown as ActivityRecord[];
  }

  /** Totals of the records {@link list} would return, without its limit. */
  async totals(workspaceId: string, filter: ActivityFilter = {}): Promise<ActivityTotals> {
    await this.flush();
    const row = (await this.#db
      .prepare(
        `SELECT COUNT(*) AS records, COALESCE(SUM(a.updates), 0) AS updates,
                COUNT(DISTINCT a.user_id) AS members
         FROM activity a WHERE ${WHERE}`,
      )
      .get(...whereArgs(workspaceId, filter))) as Record<
      keyof ActivityTotals,
      number | bigint | string
    >;
    return {
      records: Number(row.records),
      updates: Number(row.updates),
      members: Number(row.members),
    };
  }
}
