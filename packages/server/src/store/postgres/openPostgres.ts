import { MIGRATIONS, migrate } from '../migrations.ts';
import { PostgresDatabase } from './postgresDatabase.ts';
import { toPostgresDdl } from './postgresDialect.ts';

/** Any fixed number: the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK = 5_230_001;

/**
 * Connects to PostgreSQL at `url` and migrates it to the newest schema (the same versioned
 * migrations as SQLite, translated). Instances starting together take turns migrating.
 */
export async function openPostgres(url: string): Promise<PostgresDatabase> {
  const db = new PostgresDatabase(url);
  try {
    // Fail fast on a wrong URL rather than at the first request.
    await db.prepare('SELECT 1 AS ok').get();
    await migrateLocked(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function migrateLocked(db: PostgresDatabase): Promise<void> {
  const migrations = MIGRATIONS.map((m) => ({ ...m, sql: toPostgresDdl(m.sql) }));
  // A session-level lock on one pooled connection, held while the migrations run on others.
  await db.withConnection(async (query) => {
    await query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migrate(db, migrations);
    } finally {
      await query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}
