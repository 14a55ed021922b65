import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrations.ts';
import type { SqlDatabase } from './sqlDatabase.ts';

/** The name of the SQLite file inside the data directory. */
export const DATABASE_FILE = 'repertoire.sqlite';

/**
 * Opens (creating if needed) the SQLite store in `dataDir` and migrates it to the newest schema.
 * WAL mode: a committed write is in the OS before the call returns, so it survives `kill -9`.
 */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL');
  // NORMAL is crash-safe for process death in WAL mode; FULL would only add power-loss safety.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Runs `fn` in one immediate transaction, rolling back if it throws. */
export function transaction<T>(db: SqlDatabase, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
