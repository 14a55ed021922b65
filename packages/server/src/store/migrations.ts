import type { SqlDatabase } from './sqlDatabase.ts';

/** One schema change; `version` only ever grows and a shipped migration is never edited. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Every SQLite schema change, in order. Append new ones at the end with the next version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents: compacted state plus the updates received since',
    sql: `
      CREATE TABLE document_states (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE document_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        data BLOB NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE INDEX document_updates_by_name ON document_updates (name, id);
    `,
  },
  {
    version: 2,
    description: 'accounts, sessions, workspaces, members, invitations',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        enabled_plugins TEXT
      );
      CREATE TABLE members (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        joined_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX members_by_user ON members (user_id);
      CREATE TABLE invitations (
        token TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
        created_by TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        uses_left INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'activity records, graph snapshots and named document versions',
    sql: `
      CREATE TABLE activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        document_name TEXT NOT NULL,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        updates INTEGER NOT NULL,
        bytes INTEGER NOT NULL
      );
      CREATE INDEX activity_by_workspace ON activity (workspace_id, last_at);
      CREATE TABLE graph_snapshots (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL,
        at TEXT NOT NULL,
        trigger TEXT NOT NULL,
        label TEXT,
        created_by TEXT,
        state BLOB NOT NULL
      );
      CREATE INDEX graph_snapshots_by_workspace ON graph_snapshots (workspace_id, at);
      CREATE TABLE document_versions (
        id TEXT PRIMARY KEY,
        document_name TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        state BLOB NOT NULL
      );
      CREATE INDEX document_versions_by_document ON document_versions (document_name, created_at);
    `,
  },
  {
    version: 4,
    description: 'server settings (e.g. the key that signs sync tokens)',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
      );
    `,
  },
  {
    version: 5,
    description: "health-check rounds and the members' private answers",
    sql: `
      CREATE TABLE health_rounds (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        questions TEXT NOT NULL,
        threshold INTEGER NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_by TEXT,
        closed_at TEXT,
        invited INTEGER
      );
      CREATE INDEX health_rounds_by_workspace ON health_rounds (workspace_id, opened_at);
      CREATE TABLE health_answers (
        round_id TEXT NOT NULL REFERENCES health_rounds (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        member_id TEXT,
        scores TEXT NOT NULL,
        comments TEXT NOT NULL,
        share_comments INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (round_id, user_id)
      );
    `,
  },
];

/**
 * Brings the database up to the newest schema, one transaction per migration, recording each in
 * `schema_migrations`. Returns the versions it applied.
 */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const row = (await db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()) as
    | { v: number | null }
    | undefined;
  const current = row?.v ?? 0;
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    try {
      await db.transaction(async () => {
        await db.exec(migration.sql);
        await db
          .prepare(
            'INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)',
          )
          .run(migration.version, migration.description, new Date().toISOString());
      });
    } catch (error) {
      throw new Error(
        `migration ${migration.version} (${migration.description}) failed: ${String(error)}`,
      );
    }
    applied.push(migration.version);
  }
  return applied;
}
