import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { SqlDatabase, SqlStatement, SqlValue } from '../sqlDatabase.ts';
import { toPostgresSql } from './postgresDialect.ts';

/** How long one query may take before the caller gets an error instead of waiting forever. */
const QUERY_TIMEOUT_MS = 30_000;
/** Attempts of a transaction that PostgreSQL refused as conflicting (serialization, deadlock). */
const MAX_ATTEMPTS = 8;
/** SQLSTATEs of a conflicting transaction that is safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);

// int8 (COUNT, ids, BIGINT columns) and numeric as JS numbers, as node:sqlite returns them; per
// pool, not process-wide.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

interface Scope {
  readonly client: pg.PoolClient;
  open: boolean;
}

const toParam = (value: SqlValue) =>
  value instanceof Uint8Array
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;

/** Rows as node:sqlite gives them: bytea as a plain Uint8Array rather than a Buffer. */
function toRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows)
    for (const key of Object.keys(row)) {
      const value = row[key];
      if (Buffer.isBuffer(value)) row[key] = new Uint8Array(value);
    }
  return rows;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The stores' connection to PostgreSQL: a `pg` pool, so a query waits on the wire without
 * blocking the event loop. A transaction holds one pooled connection and runs serializable, the
 * guarantee SQLite's single writer gives the stores (check-then-write, such as "the last owner
 * cannot leave", cannot interleave with another instance's); a conflict is retried.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly #pool: pg.Pool;
  readonly #scope = new AsyncLocalStorage<Scope>();
  #closed = false;

  constructor(url: string, options: { max?: number } = {}) {
    this.#pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      types,
      query_timeout: QUERY_TIMEOUT_MS,
    });
    // An idle client's error (PostgreSQL restarted) is not fatal: the pool replaces it.
    this.#pool.on('error', () => {});
  }

  /** The connection of the transaction this code runs in, or the pool. */
  #target(): pg.Pool | pg.PoolClient {
    const scope = this.#scope.getStore();
    return scope?.open ? scope.client : this.#pool;
  }

  async #query(sql: string, params: SqlValue[]): Promise<pg.QueryResult> {
    if (this.#closed) throw new Error('the PostgreSQL connection is closed');
    try {
      return await this.#target().query(toPostgresSql(sql), params.map(toParam));
    } catch (error) {
      throw withContext(error, sql);
    }
  }

  prepare(sql: string): SqlStatement {
    return {
      get: async (...params) => toRows((await this.#query(sql, params)).rows)[0],
      all: async (...params) => toRows((await this.#query(sql, params)).rows),
      run: async (...params) => ({ changes: (await this.#query(sql, params)).rowCount ?? 0 }),
    };
  }

  async exec(sql: string): Promise<void> {
    if (this.#closed) throw new Error('the PostgreSQL connection is closed');
    try {
      await this.#target().query(sql);
    } catch (error) {
      throw withContext(error, sql);
    }
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#scope.getStore()?.open) return fn();
    if (this.#closed) throw new Error('the PostgreSQL connection is closed');
    for (let attempt = 1; ; attempt++) {
      const client = await this.#pool.connect();
      const scope: Scope = { client, open: true };
      try {
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        const result = await this.#scope.run(scope, fn);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        const code = (error as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
      } finally {
        scope.open = false;
        client.release();
      }
      // Back off a little, randomly, so two conflicting instances do not collide again.
      await sleep(Math.random() * 5 * attempt);
    }
  }

  /** Runs `fn` with queries on one pooled connection of its own (session-level locks). */
  async withConnection<T>(
    fn: (query: (sql: string) => Promise<unknown>) => Promise<T>,
  ): Promise<T> {
    const client = await this.#pool.connect();
    try {
      return await fn((sql) => client.query(sql));
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** PostgreSQL's error with the statement it refused, keeping its SQLSTATE `code`. */
function withContext(error: unknown, sql: string): Error {
  const e = error as Error & { code?: string };
  const wrapped = new Error(`PostgreSQL: ${e.message ?? String(error)} (${sql.slice(0, 80)})`, {
    cause: error,
  }) as Error & { code?: string };
  wrapped.code = e.code;
  return wrapped;
}
