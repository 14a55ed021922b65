/** A value a statement takes as a parameter. */
export type SqlValue = string | number | bigint | null | Uint8Array;

/** A prepared statement: the part of `node:sqlite`'s `StatementSync` the stores use. */
export interface SqlStatement {
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
  run(...params: SqlValue[]): { changes: number | bigint };
}

/**
 * The synchronous SQL connection every store is written against: `node:sqlite`'s `DatabaseSync`
 * satisfies it, and so does the PostgreSQL connection (`openPostgres`). Stores write portable SQL
 * (SQLite syntax, which the PostgreSQL connection translates).
 */
export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  close(): void;
}
