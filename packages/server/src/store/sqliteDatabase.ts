import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqlDatabase, SqlStatement, SqlValue } from './sqlDatabase.ts';

/** The transaction a piece of async code runs in; `open` turns false once it ended. */
interface Scope {
  open: boolean;
}

/**
 * `node:sqlite`'s synchronous connection behind the asynchronous {@link SqlDatabase}. Every query
 * runs at once (the returned promise is already settled), except while a transaction awaits: one
 * connection has one transaction, so a query from outside it waits until it ended rather than
 * slipping into it (and being rolled back with it).
 */
export class SqliteDatabase implements SqlDatabase {
  /** The connection itself, for the synchronous live path and for tests. */
  readonly sync: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #scope = new AsyncLocalStorage<Scope>();
  /** Settles when the open transaction ended; undefined when none is open. */
  #busy: Promise<void> | undefined;

  constructor(sync: DatabaseSync) {
    this.sync = sync;
  }

  /** Whether a transaction is open (a synchronous write now would land inside it). */
  get busy(): boolean {
    return this.#busy !== undefined;
  }

  /** A cached prepared statement of the underlying connection. */
  statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.sync.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #inScope(): boolean {
    return this.#scope.getStore()?.open === true;
  }

  /** Runs `query` now, or once the transaction of other code has ended. */
  async #run<T>(query: () => T): Promise<T> {
    while (this.#busy && !this.#inScope()) await this.#busy;
    return query();
  }

  prepare(sql: string): SqlStatement {
    return {
      get: (...params: SqlValue[]) => this.#run(() => this.statement(sql).get(...params)),
      all: (...params: SqlValue[]) => this.#run(() => this.statement(sql).all(...params)),
      run: (...params: SqlValue[]) =>
        this.#run(() => ({ changes: Number(this.statement(sql).run(...params).changes) })),
    };
  }

  exec(sql: string): Promise<void> {
    return this.#run(() => this.sync.exec(sql));
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#inScope()) return fn();
    while (this.#busy) await this.#busy;
    let end!: () => void;
    this.#busy = new Promise((resolve) => {
      end = resolve;
    });
    const scope: Scope = { open: true };
    try {
      this.sync.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.#scope.run(scope, fn);
        this.sync.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.sync.isTransaction) this.sync.exec('ROLLBACK');
        throw error;
      }
    } finally {
      scope.open = false;
      this.#busy = undefined;
      end();
    }
  }

  async close(): Promise<void> {
    while (this.#busy) await this.#busy;
    if (this.sync.isOpen) this.sync.close();
  }
}
