import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ApiClient, connectProvider, startTestServer, type TestServer } from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    limits: {
      maxConnectionsPerUser: 3,
      messagesPerSecond: 10,
      maxAwarenessBytes: 16 * 1024,
      awarenessPerSecond: 2,
      maxUnauthenticatedSockets: 3,
      authTimeoutMs: 600,
    },
  });
});
afterAll(() => t.stop());

type Close = { code: number; reason: string };

/** A member with a workspace of their own. */
async function member(name: string): Promise<{ client: ApiClient; ws: string }> {
  const client = await ApiClient.signUp(t.base, name);
  const ws = (await client.call('POST', '/api/workspaces', { name })).body.workspace.id;
  return { client, ws };
}

/** A raw y-websocket socket on `name`, open, with how it closes. */
async function ySocket(
  name: string,
  token: string,
): Promise<{ ws: WebSocket; closed: Promise<Close> }> {
  const ws = new WebSocket(`${t.ws}/y/${name}?token=${encodeURIComponent(token)}`);
  const closed = new Promise<Close>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
}

/** Settles with the close, or 'open' when the socket is still open after `ms`. */
function within(closed: Promise<Close>, ms: number): Promise<Close | 'open'> {
  return Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), ms))]);
}

/** An awareness update announcing a state of about `bytes` bytes, and its client id. */
function awarenessUpdate(bytes: number): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: 'x'.repeat(bytes) } });
  const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return { update, clientId: doc.clientID };
}

function message(type: number, write: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

const awarenessMessage = (update: Uint8Array) =>
  message(1, (e) => encoding.writeVarUint8Array(e, update));

describe('every connection limit holds on /y/ as on /sync', { timeout: 20_000 }, () => {
  it('a member may hold only their connection limit, counted over both protocols', async () => {
    const { client, ws } = await member('Holder');
    const token = await client.token();
    const sync = await connectProvider(t.ws, `${ws}/doc/a`, token);
    const first = await ySocket(`${ws}/doc/b`, token);
    const second = await ySocket(`${ws}/doc/c`, token);
    const third = await ySocket(`${ws}/doc/d`, token);
    expect(await within(third.closed, 2000)).toEqual({
      code: 4429,
      reason: 'Too many connections for this user',
    });
    expect(await within(first.closed, 100)).toBe('open');
    // Freeing one makes room again.
    first.ws.close();
    await first.closed;
    const again = await ySocket(`${ws}/doc/e`, token);
    expect(await within(again.closed, 500)).toBe('open');
    for (const s of [second, again]) s.ws.close();
    sync.destroy();
  });

  it('a /y/ socket sending faster than the message rate is closed with 4429', async () => {
    const { client, ws } = await member('Flooder');
    const socket = await ySocket(`${ws}/doc/flood`, await client.token());
    for (let i = 0; i < 200; i++) socket.ws.send(message(3));
    expect(await within(socket.closed, 3000)).toEqual({
      code: 4429,
      reason: 'Rate limit exceeded',
    });
  });
});

describe('awareness is capped by size and by rate', { timeout: 20_000 }, () => {
  it('an oversized awareness state on /sync closes the sender and reaches nobody', async () => {
    const { client, ws } = await member('Shouter');
    const name = `${ws}/doc/presence`;
    const peer = await connectProvider(t.ws, name, await client.token());
    const raw = new RawSyncClient(`${t.ws}/sync`);
    await raw.authenticate(name, await client.token());
    const { update, clientId } = awarenessUpdate(100 * 1024);
    raw.send(name, awarenessMessage(update));
    expect(await raw.closed).toEqual({ code: 4413, reason: 'Awareness state too large' });
    await new Promise((r) => setTimeout(r, 200));
    expect(peer.awareness?.getStates().has(clientId)).toBe(false);
    const live = t.server.hocuspocus.hocuspocus.documents.get(name);
    expect(live?.awareness.getStates().has(clientId)).toBe(false);
    peer.destroy();
  });

  it('an oversized awareness state on /y/ closes the sender and reaches nobody', async () => {
    const { client, ws } = await member('YShouter');
    const name = `${ws}/doc/presence`;
    const peer = await connectProvider(t.ws, name, await client.token());
    const socket = await ySocket(name, await client.token());
    const { update, clientId } = awarenessUpdate(100 * 1024);
    socket.ws.send(awarenessMessage(update));
    expect(await within(socket.closed, 3000)).toEqual({
      code: 4413,
      reason: 'Awareness state too large',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(peer.awareness?.getStates().has(clientId)).toBe(false);
    peer.destroy();
  });

  it('awareness updates faster than the awareness rate close the connection on both protocols', async () => {
    const { client, ws } = await member('Fidget');
    const name = `${ws}/doc/cursor`;
    const raw = new RawSyncClient(`${t.ws}/sync`);
    await raw.authenticate(name, await client.token());
    const socket = await ySocket(`${ws}/doc/cursor2`, await client.token());
    for (let i = 0; i < 12; i++) {
      const { update } = awarenessUpdate(10);
      raw.send(name, awarenessMessage(update));
      socket.ws.send(awarenessMessage(update));
    }
    const expected = { code: 4429, reason: 'Awareness rate limit exceeded' };
    expect(await raw.closed).toEqual(expected);
    expect(await within(socket.closed, 3000)).toEqual(expected);
  });
});

describe('sockets that never sign in', { timeout: 20_000 }, () => {
  it('one address may hold only a few, and each is dropped when it does not authorize in time', async () => {
    const waiting = [0, 1, 2].map(() => new RawSyncClient(`${t.ws}/sync`));
    await Promise.all(waiting.map((c) => c.opened()));
    const refused = new WebSocket(`${t.ws}/sync`);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_request, response) =>
        resolve(String(response.statusCode)),
      );
      refused.on('open', () => resolve('open'));
    });
    expect(refusal).toBe('429');
    const started = Date.now();
    await Promise.all(waiting.map((c) => c.closed));
    expect(Date.now() - started).toBeLessThan(5000);
    // Once they are gone, a newcomer that signs in is served.
    const { client, ws } = await member('Late');
    const provider = await connectProvider(t.ws, `${ws}/doc/late`, await client.token());
    provider.destroy();
  });

  it('an authorized socket is not dropped by the sign-in deadline', async () => {
    const { client, ws } = await member('Patient');
    const raw = new RawSyncClient(`${t.ws}/sync`);
    await raw.authenticate(`${ws}/doc/stay`, await client.token());
    const socket = await ySocket(`${ws}/doc/stay2`, await client.token());
    expect(await within(raw.closed, 1200)).toBe('open');
    expect(await within(socket.closed, 10)).toBe('open');
    raw.socket.close();
    socket.ws.close();
  });
});

describe('malformed /sync frames close the socket', { timeout: 20_000 }, () => {
  const cases: [string, Uint8Array][] = [
    ['an unknown message type', message(42)],
    [
      'a state vector that does not decode',
      message(0, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, Uint8Array.of(200, 200, 200));
      }),
    ],
    [
      'an unknown sync message',
      message(0, (e) => {
        encoding.writeVarUint(e, 9);
        encoding.writeVarUint8Array(e, Uint8Array.of(0, 0));
      }),
    ],
    [
      'an update followed by stray bytes',
      message(0, (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, Uint8Array.of(0, 0));
        encoding.writeUint8Array(e, Uint8Array.of(1, 2, 3));
      }),
    ],
    [
      'an awareness update that does not parse',
      message(1, (e) => {
        encoding.writeVarUint8Array(e, Uint8Array.of(1, 5, 1, 3, 0x7b, 0x7b, 0x7b));
      }),
    ],
    ['a server-internal broadcast', message(6, (e) => encoding.writeVarString(e, 'hi'))],
  ];
  for (const [what, payload] of cases)
    it(`${what} closes the connection with 4400`, async () => {
      const { client, ws } = await member('Garbler');
      const name = `${ws}/doc/frames`;
      const raw = new RawSyncClient(`${t.ws}/sync`);
      await raw.authenticate(name, await client.token());
      raw.send(name, payload);
      expect(await within(raw.closed, 3000)).toEqual({ code: 4400, reason: 'Malformed message' });
    });
});
