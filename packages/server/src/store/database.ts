import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrations.ts';
import { SqliteDatabase } from './sqliteDatabase.ts';

/** The name of the SQLite file inside the data directory. */
export const DATABASE_FILE = 'repertoire.sqlite';

/**
 * Opens (creating if needed) the SQLite store in `dataDir` and migrates it to the newest schema.
 * WAL mode: a committed write is in the OS before the call returns, so it survives `kill -9`.
 */
export async function openDatabase(dataDir: string): Promise<SqliteDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const sync = new DatabaseSync(join(dataDir, DATABASE_FILE));
  sync.exec('PRAGMA journal_mode = WAL');
  // NORMAL is crash-safe for process death in WAL mode; FULL would only add power-loss safety.
  sync.exec('PRAGMA synchronous = NORMAL');
  sync.exec('PRAGMA foreign_keys = ON');
  sync.exec('PRAGMA busy_timeout = 5000');
  const db = new SqliteDatabase(sync);
  await migrate(db);
  return db;
}
