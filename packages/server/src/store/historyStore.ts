import { z } from 'zod';
import { newId } from './ids.ts';
import type { SqlDatabase } from './sqlDatabase.ts';
import { parseInput } from './validate.ts';

export interface GraphSnapshotInfo {
  id: string;
  at: string;
  trigger: 'auto' | 'manual';
  label: string | null;
  createdBy: string | null;
}

export interface DocumentVersion {
  id: string;
  documentName: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

const SNAPSHOT_COLUMNS = 'id, at, trigger, label, created_by AS createdBy';
const VERSION_COLUMNS =
  'id, document_name AS documentName, name, created_at AS createdAt, created_by AS createdBy';

/** A snapshot's optional label. */
export const snapshotLabelSchema = z.object({
  label: z
    .string('must be a string of at most 200 characters')
    .max(200, 'must be a string of at most 200 characters')
    .nullable()
    .default(null),
});

/** A document version's name, trimmed. */
export const versionNameSchema = z.object({
  name: z
    .string('must be 1 to 200 characters')
    .trim()
    .min(1, 'must be 1 to 200 characters')
    .max(200, 'must be 1 to 200 characters'),
});

/**
 * Graph snapshots and named document versions, each a full Yjs state (so a past state can be
 * read back without keeping deleted content in the live documents).
 */
export class HistoryStore {
  readonly #db: SqlDatabase;
  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async addSnapshot(
    workspaceId: string,
    state: Uint8Array,
    trigger: 'auto' | 'manual',
    label: unknown = null,
    createdBy: string | null = null,
  ): Promise<GraphSnapshotInfo> {
    const checked = parseInput(snapshotLabelSchema, { label }).label;
    const info: GraphSnapshotInfo = {
      id: newId('g'),
      at: new Date().toISOString(),
      trigger,
      label: checked,
      createdBy,
    };
    await this.#db
      .prepare(
        'INSERT INTO graph_snapshots (id, workspace_id, at, trigger, label, created_by, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(info.id, workspaceId, info.at, trigger, info.label, createdBy, state);
    return info;
  }

  async snapshots(workspaceId: string): Promise<GraphSnapshotInfo[]> {
    return (await this.#db
      .prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM graph_snapshots WHERE workspace_id = ? ORDER BY at`)
      .all(workspaceId)) as unknown as GraphSnapshotInfo[];
  }

  /** The latest snapshot at or before `at` (or the one with `id`), with its state. */
  async snapshotAt(
    workspaceId: string,
    query: { at?: string; id?: string },
  ): Promise<{ info: GraphSnapshotInfo; state: Uint8Array } | null> {
    const row = (await (query.id
      ? this.#db
          .prepare(
            `SELECT ${SNAPSHOT_COLUMNS}, state FROM graph_snapshots WHERE workspace_id = ? AND id = ?`,
          )
          .get(workspaceId, query.id)
      : this.#db
          .prepare(
            `SELECT ${SNAPSHOT_COLUMNS}, state FROM graph_snapshots WHERE workspace_id = ? AND at <= ? ORDER BY at DESC LIMIT 1`,
          )
          .get(workspaceId, query.at ?? '9999'))) as
      | (GraphSnapshotInfo & { state: Uint8Array })
      | undefined;
    if (!row) return null;
    const { state, ...info } = row;
    return { info, state };
  }

  async lastSnapshotTime(workspaceId: string): Promise<number> {
    const row = (await this.#db
      .prepare('SELECT MAX(at) AS at FROM graph_snapshots WHERE workspace_id = ?')
      .get(workspaceId)) as { at: string | null };
    return row.at ? Date.parse(row.at) : 0;
  }

  async addVersion(
    documentName: string,
    name: unknown,
    createdBy: string,
    state: Uint8Array,
  ): Promise<DocumentVersion> {
    const checked = parseInput(versionNameSchema, { name }).name;
    const version: DocumentVersion = {
      id: newId('v'),
      documentName,
      name: checked,
      createdAt: new Date().toISOString(),
      createdBy,
    };
    await this.#db
      .prepare(
        'INSERT INTO document_versions (id, document_name, name, created_at, created_by, state) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(version.id, documentName, version.name, version.createdAt, createdBy, state);
    return version;
  }

  async versions(documentName: string): Promise<DocumentVersion[]> {
    return (await this.#db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM document_versions WHERE document_name = ? ORDER BY created_at`,
      )
      .all(documentName)) as unknown as DocumentVersion[];
  }

  async version(
    documentName: string,
    id: string,
  ): Promise<{ version: DocumentVersion; state: Uint8Array } | null> {
    const row = (await this.#db
      .prepare(
        `SELECT ${VERSION_COLUMNS}, state FROM document_versions WHERE document_name = ? AND id = ?`,
      )
      .get(documentName, id)) as (DocumentVersion & { state: Uint8Array }) | undefined;
    if (!row) return null;
    const { state, ...version } = row;
    return { version, state };
  }
}
