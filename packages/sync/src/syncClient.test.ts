import { Server } from '@hocuspocus/server';
import { freePort } from '@repertoire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncClient } from './syncClient.ts';

// A real Hocuspocus server over real WebSockets; tokens name the role ("viewer" is read-only).
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
    const viewer = client(s.url, 'viewer').open('w1/graph');
    await Promise.all([editor.whenSynced, viewer.whenSynced]);
    await until(() => viewer.readOnly.get(), 'read-only scope');
    viewer.doc.getMap('entities').set('sneaky', 'from the viewer');
    await until(() => !viewer.doc.getMap('entities').has('sneaky'), 'the change taken back');
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
});
