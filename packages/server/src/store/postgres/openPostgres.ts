import { MIGRATIONS, migrate } from '../migrations.ts';
import { PostgresDatabase, toPostgresDdl } from './postgresDatabase.ts';

/** Any fixed number: the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK = 5_230_001;

/**
 * Connects to PostgreSQL at `url` and migrates it to the newest schema (the same versioned
 * migrations as SQLite, translated). Instances starting together take turns migrating.
 */
export function openPostgres(url: string): PostgresDatabase {
  const db = new PostgresDatabase(url);
  db.prepare(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`).get();
  try {
    migrate(
      db,
      MIGRATIONS.map((m) => ({ ...m, sql: toPostgresDdl(m.sql) })),
    );
  } finally {
    db.prepare(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).get();
  }
  return db;
}
