import * as Y from 'yjs';
import type { SqlDatabase, SqlStatement } from './sqlDatabase.ts';

/**
 * The durable home of every Yjs document: a compacted state plus the updates received since.
 * Each promise resolves once the write is committed, so an acknowledgement that waits for it
 * means "stored".
 */
export class DocumentStore {
  readonly #db: SqlDatabase;
  readonly #append: SqlStatement;
  readonly #state: SqlStatement;
  readonly #updates: SqlStatement;
  readonly #count: SqlStatement;

  readonly #shared: boolean;

  /**
   * `shared`: other server instances write to the same store (PostgreSQL), so compaction must
   * merge what they appended; a store only this process serves (SQLite) skips that work.
   */
  constructor(db: SqlDatabase, options: { shared?: boolean } = {}) {
    this.#db = db;
    this.#shared = options.shared ?? false;
    this.#append = db.prepare(
      'INSERT INTO document_updates (name, data, received_at) VALUES (?, ?, ?)',
    );
    this.#state = db.prepare('SELECT state FROM document_states WHERE name = ?');
    this.#updates = db.prepare('SELECT id, data FROM document_updates WHERE name = ? ORDER BY id');
    this.#count = db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE name = ?');
  }

  /** Appends one update. */
  async append(name: string, update: Uint8Array): Promise<void> {
    await this.#append.run(name, update, new Date().toISOString());
  }

  /** Appends several updates in one transaction: all are stored, or none (group commit). */
  async appendAll(entries: readonly { name: string; update: Uint8Array }[]): Promise<void> {
    const at = new Date().toISOString();
    // One row needs no explicit transaction (BEGIN and COMMIT are round trips on PostgreSQL).
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only) {
      await this.#append.run(only.name, only.update, at);
      return;
    }
    await this.#db.transaction(async () => {
      for (const { name, update } of entries) await this.#append.run(name, update, at);
    });
  }

  /** How many updates of `name` are stored beside its compacted state. */
  async pendingUpdates(name: string): Promise<number> {
    return ((await this.#count.get(name)) as { n: number }).n;
  }

  /** The whole stored document as one update, or null when nothing is stored under `name`. */
  async load(name: string): Promise<Uint8Array | null> {
    // Updates before state: a compaction in between (another instance) moves updates into the
    // state, so reading in this order never misses one.
    const updates = ((await this.#updates.all(name)) as { data: Uint8Array }[]).map(
      (row) => row.data,
    );
    const state = (await this.#state.get(name)) as { state: Uint8Array } | undefined;
    if (!state && updates.length === 0) return null;
    const parts = state ? [state.state, ...updates] : updates;
    return parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
  }

  /** Applies the stored document to `doc`; returns whether anything was stored. */
  async loadInto(name: string, doc: Y.Doc): Promise<boolean> {
    const update = await this.load(name);
    if (!update) return false;
    Y.applyUpdate(doc, update);
    return true;
  }

  /**
   * Folds the stored updates of `name`, and `state` (the live document's full state), into one
   * compacted state. It merges what is stored rather than trusting `state` to contain it, since
   * another instance sharing the store may have appended updates this one has not applied yet;
   * and it deletes exactly the updates it merged. On an unshared store `state` already contains
   * every stored update (the live document applied each one before it was appended).
   */
  async compact(name: string, state: Uint8Array): Promise<void> {
    if (!this.#shared) {
      await this.put(name, state);
      return;
    }
    await this.#db.transaction(async () => {
      const rows = (await this.#updates.all(name)) as { id: number | bigint; data: Uint8Array }[];
      const stored = (await this.#state.get(name)) as { state: Uint8Array } | undefined;
      const parts = [...(stored ? [stored.state] : []), ...rows.map((row) => row.data), state];
      const merged = parts.length === 1 ? state : Y.mergeUpdates(parts);
      if (rows.length > 0)
        await this.#db
          .prepare(
            'DELETE FROM document_updates WHERE name = ? AND id IN (SELECT value FROM json_each(?))',
          )
          .run(name, JSON.stringify(rows.map((row) => Number(row.id))));
      await this.#writeState(name, merged);
    });
  }

  async #writeState(name: string, state: Uint8Array): Promise<void> {
    await this.#db
      .prepare(
        'INSERT INTO document_states (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      )
      .run(name, state, new Date().toISOString());
  }

  /** Writes a document whole (import, restore), replacing what was stored. */
  async put(name: string, state: Uint8Array): Promise<void> {
    await this.#db.transaction(async () => {
      await this.#db.prepare('DELETE FROM document_updates WHERE name = ?').run(name);
      await this.#writeState(name, state);
    });
  }

  /** Bytes stored for every document whose name starts with `prefix` (states and pending updates). */
  async bytes(prefix: string): Promise<number> {
    const row = (await this.#db
      .prepare(
        'SELECT (SELECT COALESCE(SUM(length(state)), 0) FROM document_states WHERE substr(name, 1, ?) = ?) + (SELECT COALESCE(SUM(length(data)), 0) FROM document_updates WHERE substr(name, 1, ?) = ?) AS n',
      )
      .get(prefix.length, prefix, prefix.length, prefix)) as { n: number | bigint | string };
    return Number(row.n);
  }

  /** Names of every stored document, optionally only those starting with `prefix`. */
  async names(prefix = ''): Promise<string[]> {
    const rows = (await this.#db
      .prepare(
        'SELECT name FROM document_states WHERE substr(name, 1, ?) = ? UNION SELECT DISTINCT name FROM document_updates WHERE substr(name, 1, ?) = ? ORDER BY name',
      )
      .all(prefix.length, prefix, prefix.length, prefix)) as { name: string }[];
    return rows.map((row) => row.name);
  }
}
