import pg from 'pg';
import * as Y from 'yjs';
import type { DocumentAppend, LiveDocuments } from '../liveDocuments.ts';

// int8 (COUNT, ids) as JS numbers, as node:sqlite returns them; per pool, not process-wide.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const bytes = (value: Uint8Array) => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

/**
 * The live document path on PostgreSQL, asynchronous over a `pg` pool (issue 14, item 13): no
 * query blocks the event loop, and each caller's promise resolves once PostgreSQL committed, so
 * an acknowledgement that waits for it still means "stored". The other stores (accounts,
 * workspaces, …) keep the synchronous connection (`PostgresDatabase`).
 */
export class PostgresDocuments implements LiveDocuments {
  readonly #pool: pg.Pool;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(url: string, options: { max?: number } = {}) {
    this.#pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, types });
    // An idle client's error (PostgreSQL restarted) is not fatal: the pool replaces it.
    this.#pool.on('error', () => {});
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    const done = () => this.#inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  }

  appendAll(entries: readonly DocumentAppend[]): Promise<void> {
    const at = new Date().toISOString();
    // One multi-row INSERT is one statement, so it commits all rows or none without BEGIN/COMMIT
    // round trips.
    const values = entries.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`);
    const params = entries.flatMap((e) => [e.name, bytes(e.update), at]);
    return this.#track(
      this.#pool
        .query(
          `INSERT INTO document_updates (name, data, received_at) VALUES ${values.join(', ')}`,
          params,
        )
        .then(() => undefined),
    );
  }

  async load(name: string): Promise<Uint8Array | null> {
    // Updates before state, in one snapshot: a compaction by another instance moves updates into
    // the state, and one REPEATABLE READ transaction sees either both before or both after.
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const updates = await client.query<{ data: Buffer }>(
        'SELECT data FROM document_updates WHERE name = $1 ORDER BY id',
        [name],
      );
      const state = await client.query<{ state: Buffer }>(
        'SELECT state FROM document_states WHERE name = $1',
        [name],
      );
      await client.query('COMMIT');
      const parts = [
        ...state.rows.map((r) => new Uint8Array(r.state)),
        ...updates.rows.map((r) => new Uint8Array(r.data)),
      ];
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async pendingUpdates(name: string): Promise<number> {
    const result = await this.#pool.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM document_updates WHERE name = $1',
      [name],
    );
    return result.rows[0]?.n ?? 0;
  }

  /**
   * Merges what is stored (another instance may have appended updates this one has not applied)
   * with `state`, and deletes exactly the updates it merged, in one transaction.
   */
  compact(name: string, state: Uint8Array): Promise<void> {
    return this.#track(this.#compact(name, state));
  }

  async #compact(name: string, state: Uint8Array): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      // The state row first, locked: a concurrent compaction of this document (another
      // instance) finishes before this one reads the updates, so it never sees rows that one deleted.
      const stored = await client.query<{ state: Buffer }>(
        'SELECT state FROM document_states WHERE name = $1 FOR UPDATE',
        [name],
      );
      const rows = await client.query<{ id: number; data: Buffer }>(
        'SELECT id, data FROM document_updates WHERE name = $1 ORDER BY id',
        [name],
      );
      const parts = [
        ...stored.rows.map((r) => new Uint8Array(r.state)),
        ...rows.rows.map((r) => new Uint8Array(r.data)),
        state,
      ];
      const merged = parts.length === 1 ? state : Y.mergeUpdates(parts);
      if (rows.rows.length > 0)
        await client.query('DELETE FROM document_updates WHERE name = $1 AND id = ANY($2)', [
          name,
          rows.rows.map((r) => r.id),
        ]);
      await client.query(
        'INSERT INTO document_states (name, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        [name, bytes(merged), new Date().toISOString()],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
    await this.#pool.end();
  }
}
