import { Server } from '@hocuspocus/server';
import { freePort } from '@repertoire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncRefusal } from './refusal.ts';
import { SyncClient } from './syncClient.ts';

// A real Hocuspocus server over real WebSockets; tokens name the role ("viewer" is read-only).
// Like the Repertoire server's graph check, an update that leaves an entity "bad" closes the
// sender's socket with 4422 before anything of it is applied.
async function startServer(port?: number) {
  const sockets = new Set<string>();
  const server = new Server({
    port: port ?? (await freePort()),
    quiet: true,
    async onAuthenticate({ token, socketId, connectionConfig }) {
      sockets.add(socketId);
      if (token === 'bad') throw new Error('bad token');
      if (token === 'viewer') connectionConfig.readOnly = true;
      return { user: token };
    },
    async beforeSync({ type, payload, document, connection }) {
      if (type !== 1 && type !== 2) return;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
      Y.applyUpdate(copy, payload);
      if (!copy.getMap('entities').has('bad')) return;
      const socket = (connection as unknown as { webSocket: { close(c: number, r: string): void } })
        .webSocket;
      socket.close(4422, 'Invalid graph update: entity "bad" is not allowed');
      throw new Error('refused');
    },
  });
  await server.listen();
  // Like a crashed process: drop every TCP connection, not just the listening socket.
  const tcp = new Set<import('node:net').Socket>();
  server.httpServer.on('connection', (socket: import('node:net').Socket) => tcp.add(socket));
  const kill = async () => {
    for (const socket of tcp) socket.destroy();
    await server.destroy();
  };
  return {
    server,
    kill,
    sockets,
    url: `ws://127.0.0.1:${server.address.port}`,
    port: server.address.port,
  };
}

const until = async (check: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function client(url: string, token = 'editor') {
  const c = new SyncClient({
    url,
    token: async () => token,
    offlineCache: false,
    backoff: { minDelayMs: 50, maxDelayMs: 200 },
  });
  cleanup.push(() => c.destroy());
  return c;
}

describe('SyncClient', () => {
  it('multiplexes the graph and a document over one connection and syncs both ways', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const a = client(s.url);
    const b = client(s.url);
    const [ag, ad] = [a.open('w1/graph'), a.open('w1/doc/d1')];
    const [bg, bd] = [b.open('w1/graph'), b.open('w1/doc/d1')];
    await Promise.all([ag.whenSynced, ad.whenSynced, bg.whenSynced, bd.whenSynced]);
    ag.doc.getMap('entities').set('e1', 'hello');
    bd.doc.getText('t').insert(0, 'typed by b');
    await until(() => bg.doc.getMap('entities').get('e1') === 'hello', 'graph change');
    await until(() => ad.doc.getText('t').toString() === 'typed by b', 'document change');
    // One socket per client, however many documents it has open.
    expect(s.sockets.size).toBe(2);
    await until(() => a.state.get().status === 'connected', 'connected state');
  });

  it('an edit made offline merges with the other side on reconnect', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const a = client(s.url);
    const b = client(s.url);
    const ag = a.open('w1/graph');
    const bg = b.open('w1/graph');
    await Promise.all([ag.whenSynced, bg.whenSynced]);
    a.goOffline();
    await until(() => a.state.get().status === 'offline', 'offline state');
    ag.doc.getMap('m').set('fromA', 1);
    bg.doc.getMap('m').set('fromB', 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(bg.doc.getMap('m').get('fromA')).toBeUndefined();
    expect(a.state.get().pendingChanges).toBeGreaterThan(0);
    a.goOnline();
    await until(() => bg.doc.getMap('m').get('fromA') === 1, 'offline edit reaching b');
    await until(() => ag.doc.getMap('m').get('fromB') === 2, 'b edit reaching a');
    await until(() => a.state.get().pendingChanges === 0, 'everything acknowledged');
  });

  it('reconnects by itself after the server restarts', { timeout: 30_000 }, async () => {
    const s = await startServer();
    const a = client(s.url);
    const ag = a.open('w1/graph');
    await ag.whenSynced;
    await s.kill();
    await until(() => a.state.get().status !== 'connected', 'noticing the server left');
    const again = await startServer(s.port);
    cleanup.push(() => again.server.destroy());
    await until(() => a.state.get().status === 'connected', 'reconnection');
    ag.doc.getMap('m').set('after', true);
    const b = client(s.url);
    const bg = b.open('w1/graph');
    await until(() => bg.doc.getMap('m').get('after') === true, 'edit after reconnect');
  });

  it('reports read-only access for a viewer and refused sign-in as unauthorized', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const viewer = client(s.url, 'viewer').open('w1/graph');
    await until(() => viewer.readOnly.get(), 'read-only scope');
    const refused = client(s.url, 'bad');
    refused.open('w1/graph');
    await until(() => refused.state.get().status === 'unauthorized', 'unauthorized state');
  });

  it('keeps a document open until its last holder releases it', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const a = client(s.url);
    const first = a.open('w1/graph');
    const second = a.open('w1/graph');
    expect(second).toBe(first);
    first.release();
    expect(a.openDocuments()).toEqual(['w1/graph']);
    second.release();
    expect(a.openDocuments()).toEqual([]);
  });

  it("a viewer's local change is taken back at once and never reaches anyone", async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const editor = client(s.url).open('w1/graph');
    const viewerClient = client(s.url, 'viewer');
    const viewer = viewerClient.open('w1/graph');
    await Promise.all([editor.whenSynced, viewer.whenSynced]);
    await until(() => viewer.readOnly.get(), 'read-only scope');
    const refusals: SyncRefusal[] = [];
    viewerClient.onDidRefuse((r) => refusals.push(r));
    viewer.doc.getMap('entities').set('sneaky', 'from the viewer');
    await until(() => !viewer.doc.getMap('entities').has('sneaky'), 'the change taken back');
    // And the member hears of it.
    expect(refusals).toEqual([{ documentName: 'w1/graph', cause: 'read-only', rolledBack: 1 }]);
    // The editor's changes still arrive, and are not taken back.
    editor.doc.getMap('entities').set('e1', 'from the editor');
    await until(
      () => viewer.doc.getMap('entities').get('e1') === 'from the editor',
      'editor change',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(viewer.doc.getMap('entities').get('e1')).toBe('from the editor');
    expect(editor.doc.getMap('entities').has('sneaky')).toBe(false);
  });

  it('an update the server refuses (4422) is taken back with its reason, and sync carries on', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const a = client(s.url);
    const ag = a.open('w1/graph');
    const b = client(s.url);
    const bg = b.open('w1/graph');
    await Promise.all([ag.whenSynced, bg.whenSynced]);
    const refusals: SyncRefusal[] = [];
    a.onDidRefuse((r) => refusals.push(r));
    ag.doc.getMap('entities').set('good', 1);
    await until(() => bg.doc.getMap('entities').get('good') === 1, 'the valid change');
    await until(() => a.state.get().pendingChanges === 0, 'the valid change acknowledged');
    ag.doc.getMap('entities').set('bad', 2);
    await until(() => refusals.length > 0, 'the refusal');
    expect(refusals).toEqual([
      {
        documentName: 'w1/graph',
        cause: 'invalid',
        reason: 'entity "bad" is not allowed',
        rolledBack: 1,
      },
    ]);
    // This device shows what the server holds; what was acknowledged before stays.
    expect(ag.doc.getMap('entities').has('bad')).toBe(false);
    expect(ag.doc.getMap('entities').get('good')).toBe(1);
    // The reconnect carries the change with its undoing, which the server takes: no loop.
    await until(() => a.state.get().status === 'connected', 'reconnected');
    await until(() => a.state.get().pendingChanges === 0, 'everything acknowledged again');
    ag.doc.getMap('entities').set('after', 3);
    await until(() => bg.doc.getMap('entities').get('after') === 3, 'a later change');
    expect(bg.doc.getMap('entities').has('bad')).toBe(false);
    expect(refusals).toHaveLength(1);
  });

  it('a refusal takes back only what was not acknowledged, though the count never reached zero', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const a = client(s.url);
    const ag = a.open('w1/graph');
    const b = client(s.url);
    const bg = b.open('w1/graph');
    await Promise.all([ag.whenSynced, bg.whenSynced]);
    const refusals: SyncRefusal[] = [];
    a.onDidRefuse((r) => refusals.push(r));
    // Three changes sent back to back: the server stores the first two and refuses the third,
    // while this device still counts unacknowledged changes.
    const entities = ag.doc.getMap('entities');
    entities.set('first', 1);
    entities.set('second', 2);
    entities.set('bad', 3);
    await until(() => refusals.length > 0, 'the refusal');
    expect(refusals[0]).toMatchObject({ cause: 'invalid', rolledBack: 1 });
    expect(entities.has('bad')).toBe(false);
    expect([entities.get('first'), entities.get('second')]).toEqual([1, 2]);
    // The reconnect sends only the undoing of the refused change: what was stored stays stored.
    await until(() => a.state.get().status === 'connected', 'reconnected');
    await until(() => a.state.get().pendingChanges === 0, 'everything acknowledged again');
    entities.set('after', 4);
    const other = bg.doc.getMap('entities');
    await until(() => other.get('after') === 4, 'a later change');
    expect([other.get('first'), other.get('second'), other.has('bad')]).toEqual([1, 2, false]);
  });

  it('a refused change from an earlier session stops that document syncing instead of looping', async () => {
    const s = await startServer();
    cleanup.push(() => s.server.destroy());
    const b = client(s.url);
    const bg = b.open('w1/graph');
    await bg.whenSynced;
    // As if y-indexeddb had loaded it: in the document before this session kept anything.
    const stale = new Y.Doc();
    stale.getMap('entities').set('bad', 1);
    const a = client(s.url);
    const refusals: SyncRefusal[] = [];
    a.onDidRefuse((r) => refusals.push(r));
    const ag = a.open('w1/graph', { doc: stale });
    await until(() => refusals.length > 0, 'the refusal');
    expect(refusals).toEqual([
      {
        documentName: 'w1/graph',
        cause: 'invalid',
        reason: 'entity "bad" is not allowed',
        rolledBack: 0,
        stopped: true,
      },
    ]);
    const socketsAfter = s.sockets.size;
    // Reconnects would refuse the same copy again and again: it must wait for a reload.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(refusals).toHaveLength(1);
    expect(s.sockets.size).toBe(socketsAfter);
    expect(ag.doc.getMap('entities').has('bad')).toBe(true);
    expect(bg.doc.getMap('entities').has('bad')).toBe(false);
  });
});
