// Issue 14, item 12: with relay first, an edit's acknowledgement waits for the commit that stores
// it. When that commit fails, the sender must not be acknowledged: its connection closes (1011),
// its client reconnects, and nothing on that document is acknowledged until the server stored the
// live state that holds the edit. The failure is real: triggers in the SQLite file make writes
// abort.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_FILE, openDatabase } from './store/database.ts';
import { DocumentStore } from './store/documentStore.ts';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  // Its failures come from triggers in the SQLite file.
  server = await startTestServer({ limits: { messagesPerSecond: 10_000 }, sqliteOnly: true });
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

it('closes the sender unacknowledged when its commit fails, and stores the edit once it is sent again', async () => {
  const owner = await ApiClient.signUp(server.base, 'Failing');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Failing store' })).body
    .workspace.id as string;
  const name = `${workspaceId}/doc/failing`;
  const writer = await connectProvider(server.ws, name, () => owner.token());
  const reader = await connectProvider(server.ws, name, await owner.token());
  const closes: number[] = [];
  writer.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  writer.document.getArray<string>('items').push(['first']);
  await acknowledged(writer);

  const saboteur = new DatabaseSync(join(server.dir.path, DATABASE_FILE));
  saboteur.exec('PRAGMA busy_timeout = 5000');
  // Both tables: the append fails, and so does the repair that writes the whole state again.
  for (const [trigger, table, event] of [
    ['refuse_updates', 'document_updates', 'INSERT'],
    ['refuse_states', 'document_states', 'INSERT'],
    ['refuse_state_changes', 'document_states', 'UPDATE'],
  ])
    saboteur.exec(`CREATE TRIGGER ${trigger} BEFORE ${event} ON ${table}
      BEGIN SELECT RAISE(ABORT, 'the disk refused the write'); END`);
  try {
    writer.document.getArray<string>('items').push(['while-failing']);
    await eventually(() => closes.includes(1011), 10_000, 'the sender closed with 1011');
    // Never acknowledged: the client still counts the edit as its own unsynced change.
    expect(writer.unsyncedChanges, 'acknowledged although the commit failed').toBeGreaterThan(0);
    // The other member still got it at once (relay first), so their screens agree.
    await eventually(
      () => reader.document.getArray<string>('items').toArray().includes('while-failing'),
      5_000,
      'the relay to the reader',
    );
    // The writer reconnects and syncs again, but while the store still refuses the document's
    // state, nothing on it is acknowledged: not the reconnect, not the reader's next edit.
    reader.document.getArray<string>('items').push(['built-on-it']);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(closes.filter((c) => c === 1011)).toHaveLength(1);
    expect(writer.unsyncedChanges, 'the writer acknowledged before the edit was stored').toBe(1);
    expect(reader.unsyncedChanges, 'the reader acknowledged before the edit was stored').toBe(1);
  } finally {
    for (const trigger of ['refuse_updates', 'refuse_states', 'refuse_state_changes'])
      saboteur.exec(`DROP TRIGGER ${trigger}`);
    saboteur.close();
  }

  // The provider reconnects on its own, sends the edit again, and this time it is stored.
  await acknowledged(writer, 20_000);
  await acknowledged(reader, 20_000);
  writer.destroy();
  reader.destroy();
  await server.server.close();
  const db = await openDatabase(server.dir.path);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await new DocumentStore(db).load(name)) as Uint8Array);
    expect(doc.getArray<string>('items').toArray()).toEqual([
      'first',
      'while-failing',
      'built-on-it',
    ]);
  } finally {
    await db.close();
  }
}, 60_000);
