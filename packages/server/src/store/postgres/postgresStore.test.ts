import { type PostgresServer, startPostgresRetrying } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentStore } from '../documentStore.ts';
import { GroupCommit } from '../groupCommit.ts';
import { WorkspaceStore } from '../workspaceStore.ts';
import { openPostgres } from './openPostgres.ts';
import { toPostgresSql } from './postgresDialect.ts';
import { PostgresDocuments } from './postgresDocuments.ts';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgresRetrying();
}, 90_000);
afterAll(() => postgres?.stop());

describe('the PostgreSQL store', () => {
  it('translates the stores’ SQLite dialect', () => {
    expect(toPostgresSql('SELECT a AS createdAt FROM t WHERE x = ? AND (? IS NULL OR y = ?)')).toBe(
      'SELECT a AS "createdAt" FROM t WHERE x = $1 AND ($2::text IS NULL OR y = $3)',
    );
    expect(toPostgresSql("INSERT OR IGNORE INTO settings (key, value) VALUES ('k', ?)")).toBe(
      "INSERT INTO settings (key, value) VALUES ('k', $1) ON CONFLICT DO NOTHING",
    );
  });

  it('migrates once when two instances start together, and shares what each writes', async () => {
    const one = await openPostgres(postgres.url);
    const two = await openPostgres(postgres.url);
    const made = await new WorkspaceStore(one).create('Shared', null);
    expect(await new WorkspaceStore(two).name(made.id)).toBe('Shared');
    expect(
      ((await one.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()) as { n: number }).n,
    ).toBeGreaterThanOrEqual(4);
    await one.close();
    await two.close();
  });

  it('compacting on one instance keeps updates another instance stored meanwhile', async () => {
    const one = await openPostgres(postgres.url);
    const two = await openPostgres(postgres.url);
    const name = 'w_compact/doc/a';
    const storeOne = new DocumentStore(one, { shared: true });
    const storeTwo = new DocumentStore(two, { shared: true });
    const docOne = new Y.Doc();
    const docTwo = new Y.Doc();
    const writes: Promise<void>[] = [];
    docOne.on('update', (u: Uint8Array) => writes.push(storeOne.append(name, u)));
    docTwo.on('update', (u: Uint8Array) => writes.push(storeTwo.append(name, u)));
    docOne.getArray<string>('items').push(['from one']);
    // Instance two's change has not reached instance one's document when one compacts.
    docTwo.getArray<string>('items').push(['from two']);
    await Promise.all(writes);
    await storeOne.compact(name, Y.encodeStateAsUpdate(docOne));
    expect(await storeOne.pendingUpdates(name)).toBe(0);
    const loaded = new Y.Doc();
    await storeTwo.loadInto(name, loaded);
    expect(loaded.getArray<string>('items').toArray().sort()).toEqual(['from one', 'from two']);
    await one.close();
    await two.close();
  });

  it('names the query when PostgreSQL refuses it', async () => {
    const db = await openPostgres(postgres.url);
    await expect(db.prepare('SELECT * FROM no_such_table').all()).rejects.toThrow(
      /PostgreSQL: relation "no_such_table" does not exist/,
    );
    // The connection stays usable after an error.
    expect(await db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    await db.close();
  });

  it('the asynchronous document store: group commits batch what arrives while one is in flight, and compaction keeps another instance’s updates', async () => {
    const one = new PostgresDocuments(postgres.url);
    const two = new PostgresDocuments(postgres.url);
    const name = 'w_async/doc/a';
    const commits: number[] = [];
    const group = new GroupCommit(one, (n) => commits.push(n));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 30; i++) doc.getArray<number>('items').push([i]);
    // Ten in the first turn; twenty more while that commit is on the wire.
    const first = updates.slice(0, 10).map((u) => group.append(name, u));
    await new Promise((r) => setImmediate(r));
    const rest = updates.slice(10).map((u) => group.append(name, u));
    await Promise.all([...first, ...rest]);
    expect(commits).toEqual([10, 20]);
    expect(await two.pendingUpdates(name)).toBe(30);

    const other = new Y.Doc();
    other.getArray<number>('items').push([99]);
    await two.appendAll([{ name, update: Y.encodeStateAsUpdate(other) }]);
    await one.compact(name, Y.encodeStateAsUpdate(doc));
    expect(await one.pendingUpdates(name)).toBe(0);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await two.load(name)) as Uint8Array);
    expect(loaded.getArray<number>('items').length).toBe(31);
    await expect(
      one.appendAll([
        { name: 'x', update: new Uint8Array() },
        { name: null as unknown as string, update: new Uint8Array() },
      ]),
    ).rejects.toThrow(/null/);
    await one.close();
    await two.close();
  });
});
