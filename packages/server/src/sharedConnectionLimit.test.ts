import {
  type PostgresServer,
  type RedisServer,
  startPostgresRetrying,
  startRedis,
} from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiClient, connectProvider, startTestServer, type TestServer } from './testing/harness.ts';

// Issue 14, item 8, scaled out: the connections a member may hold are counted on every instance
// together, through the shared Redis, on both protocols.

const LIMIT = 3;
let postgres: PostgresServer;
let redis: RedisServer;
let one: TestServer;
let two: TestServer;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgresRetrying(), startRedis()]);
  const shared = {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    limits: { maxConnectionsPerUser: LIMIT },
  };
  one = await startTestServer(shared);
  two = await startTestServer(shared);
}, 60_000);
afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

type Close = { code: number; reason: string };

/** A raw y-websocket socket, open, with how it closes. */
async function ySocket(base: string, name: string, token: string) {
  const ws = new WebSocket(`${base}/y/${name}?token=${encodeURIComponent(token)}`);
  const closed = new Promise<Close>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
}

function within(closed: Promise<Close>, ms: number): Promise<Close | 'open'> {
  return Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), ms))]);
}

describe('the per-member connection limit holds across instances', { timeout: 60_000 }, () => {
  it('sockets on one instance count against the limit on the other, on both protocols', async () => {
    const owner = await ApiClient.signUp(one.base, 'Spread');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'Two servers' })).body.workspace
      .id as string;
    const token = await owner.token();

    // Two on instance one (one per protocol), one on instance two: the limit is reached.
    const sync = await connectProvider(one.ws, `${ws}/doc/a`, token);
    const first = await ySocket(one.ws, `${ws}/doc/b`, token);
    const second = await ySocket(two.ws, `${ws}/doc/c`, token);
    expect(await within(second.closed, 500)).toBe('open');

    // A fourth, on either instance, is refused: each instance alone holds fewer than the limit.
    const third = await ySocket(two.ws, `${ws}/doc/d`, token);
    expect(await within(third.closed, 3000)).toEqual({
      code: 4429,
      reason: 'Too many connections for this user',
    });
    await expect(connectProvider(two.ws, `${ws}/doc/e`, token)).rejects.toThrow(
      'Too many connections for this user',
    );
    expect(await within(first.closed, 100)).toBe('open');

    // Closing a socket on instance one makes room on instance two.
    first.ws.close();
    await first.closed;
    await new Promise((r) => setTimeout(r, 200));
    const again = await ySocket(two.ws, `${ws}/doc/f`, token);
    expect(await within(again.closed, 1000)).toBe('open');

    for (const s of [second, again]) s.ws.close();
    sync.destroy();
  });
});
