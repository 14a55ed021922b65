// Issue 14, item 13: in PostgreSQL mode no query of a live edit blocks the event loop, and an edit
// is still acknowledged only once PostgreSQL stored it. PostgreSQL is made slow on purpose: the
// test holds an exclusive lock on the update log, so every append waits for it.
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { type PostgresServer, startPostgresRetrying } from '@repertoire/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresDocuments } from './store/postgres/postgresDocuments.ts';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let postgres: PostgresServer;
let server: TestServer;
beforeAll(async () => {
  postgres = await startPostgresRetrying();
  server = await startTestServer({
    databaseUrl: postgres.url,
    limits: { messagesPerSecond: 10_000 },
  });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
});

it('keeps the event loop running while PostgreSQL is slow, and acknowledges nothing before it is stored', async () => {
  const owner = await ApiClient.signUp(server.base, 'Waiter');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Slow store' })).body
    .workspace.id as string;
  const token = await owner.token();
  const names = [0, 1, 2, 3].map((i) => `${workspaceId}/doc/d${i}`);
  const providers: HocuspocusProvider[] = await Promise.all(
    names.map((name) => connectProvider(server.ws, name, token)),
  );
  // A first edit each, stored while PostgreSQL is fast (the storage quota reads its estimate then).
  for (const p of providers) p.document.getArray<string>('items').push(['first']);
  await Promise.all(providers.map((p) => acknowledged(p)));

  const locker = new pg.Client({ connectionString: postgres.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE document_updates IN ACCESS EXCLUSIVE MODE');

  // A timer in the server's process (this one) that should fire every 10 ms.
  let last = performance.now();
  let worstGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 10);
  const lockedFor = 1500;
  const perProvider = 50;
  const writes = (async () => {
    for (let i = 0; i < perProvider; i++) {
      for (const [d, p] of providers.entries())
        p.document.getArray<string>('items').push([`${d}-${i}`]);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await new Promise((r) => setTimeout(r, lockedFor));
  await writes;
  const unacknowledgedWhileLocked = providers.map((p) => p.unsyncedChanges);
  clearInterval(timer);
  await locker.query('COMMIT');
  await locker.end();

  // Before the fix each append waited in Atomics.wait for the lock: the timer stopped for 1.5 s.
  expect(worstGap, 'longest pause of a 10 ms timer while PostgreSQL was locked').toBeLessThan(
    lockedFor / 3,
  );
  // Nothing was acknowledged that PostgreSQL had not stored.
  for (const n of unacknowledgedWhileLocked) expect(n).toBeGreaterThan(0);

  await Promise.all(providers.map((p) => acknowledged(p, 30_000)));
  const documents = new PostgresDocuments(postgres.url);
  try {
    for (const [d, name] of names.entries()) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await documents.load(name)) as Uint8Array);
      const items = doc.getArray<string>('items').toArray();
      expect(items).toHaveLength(perProvider + 1);
      expect(items).toContain(`${d}-${perProvider - 1}`);
    }
  } finally {
    await documents.close();
    for (const p of providers) p.destroy();
  }
}, 60_000);

it('relays an edit to the other members while its commit waits, and acknowledges it only once stored', async () => {
  const owner = await ApiClient.signUp(server.base, 'Relayer');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Relay first' })).body
    .workspace.id as string;
  const token = await owner.token();
  const name = `${workspaceId}/doc/relayed`;
  const writer = await connectProvider(server.ws, name, token);
  const reader = await connectProvider(server.ws, name, token);
  writer.document.getArray<string>('items').push(['first']);
  await acknowledged(writer);

  const locker = new pg.Client({ connectionString: postgres.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE document_updates IN ACCESS EXCLUSIVE MODE');
  try {
    for (let i = 0; i < 5; i++) writer.document.getArray<string>('items').push([`while-${i}`]);
    // The reader has every edit although none of them can be stored yet (before: the relay
    // waited for the commit, so nothing arrived while the store was locked).
    const reached = async () => reader.document.getArray<string>('items').length;
    await expect.poll(reached, { timeout: 3000 }).toBe(6);
    await new Promise((r) => setTimeout(r, 300));
    expect(writer.unsyncedChanges, 'acknowledged before stored').toBeGreaterThan(0);
  } finally {
    await locker.query('COMMIT');
    await locker.end();
  }
  await acknowledged(writer, 30_000);
  const documents = new PostgresDocuments(postgres.url);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await documents.load(name)) as Uint8Array);
    expect(doc.getArray<string>('items').toArray()).toContain('while-4');
  } finally {
    await documents.close();
    writer.destroy();
    reader.destroy();
  }
}, 60_000);

it('serves other requests and live edits while a store query waits for PostgreSQL', async () => {
  const owner = await ApiClient.signUp(server.base, 'Patient');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Locked rows' })).body
    .workspace.id as string;
  const token = await owner.token();
  const name = `${workspaceId}/doc/live`;
  const writer = await connectProvider(server.ws, name, token);
  writer.document.getArray<string>('items').push(['before']);
  await acknowledged(writer);

  // Another connection holds the workspaces table: creating one waits on the lock (before, the
  // synchronous connection waited in Atomics.wait, and the whole server with it).
  const locker = new pg.Client({ connectionString: postgres.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE workspaces IN ACCESS EXCLUSIVE MODE');
  let created = false;
  const create = owner
    .call('POST', '/api/workspaces', { name: 'Waits for the lock' })
    .then((response) => {
      created = true;
      return response;
    });
  try {
    await new Promise((r) => setTimeout(r, 300));
    expect(created, 'the request waits for PostgreSQL').toBe(false);
    const started = performance.now();
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - started, '/healthz answered at once').toBeLessThan(500);
    writer.document.getArray<string>('items').push(['while locked']);
    await acknowledged(writer, 5000);
  } finally {
    await locker.query('COMMIT');
    await locker.end();
  }
  expect((await create).status).toBe(201);
  writer.destroy();
}, 60_000);
