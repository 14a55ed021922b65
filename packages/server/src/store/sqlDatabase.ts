/** A value a statement takes as a parameter. */
export type SqlValue = string | number | bigint | null | Uint8Array;

/** A statement the stores run: each call is one query, answered by a promise. */
export interface SqlStatement {
  get(...params: SqlValue[]): Promise<unknown>;
  all(...params: SqlValue[]): Promise<unknown[]>;
  run(...params: SqlValue[]): Promise<{ changes: number }>;
}

/**
 * The asynchronous SQL connection every store is written against (issue 14, item 13): SQLite
 * (`openDatabase`, synchronous underneath) and PostgreSQL (`openPostgres`, a connection pool) both
 * satisfy it, so no store blocks the event loop on PostgreSQL. Stores write portable SQL (SQLite
 * syntax, which the PostgreSQL connection translates).
 *
 * A statement run while {@link transaction}'s callback is in progress (awaited from it, however
 * deep) runs inside that transaction; every other statement waits for no transaction on SQLite
 * (one connection) and takes its own connection on PostgreSQL.
 */
export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
  /** Runs `sql` (one or more statements without parameters). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction that commits when it resolves and rolls back when it throws.
   * `fn` may be run again when PostgreSQL finds the transaction conflicted with another
   * (serializable isolation), so it must do nothing but queries and pure computation. Inside a
   * transaction, a nested call joins it.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
