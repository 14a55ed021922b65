import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import {
  freePort,
  type PostgresServer,
  type RedisServer,
  type ServiceProcess,
  startPostgresRetrying,
  startProcess,
  startRedis,
  type TempDir,
  tempDir,
  waitForPort,
} from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { HashRing } from './routing/hashRing.ts';
import { ApiClient, acknowledged, connectProvider, eventually } from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';
import { RawYClient } from './testing/rawYClient.ts';

const CHILD = fileURLToPath(new URL('./testing/serveChild.ts', import.meta.url));

let postgres: PostgresServer;
let redis: RedisServer;
let dir: TempDir;
const instances: ServiceProcess[] = [];

/** One more server instance in its own process, on the shared PostgreSQL and Redis. */
async function startInstance(
  port?: number,
  peers: string[] = [],
): Promise<{ base: string; ws: string; proc: ServiceProcess }> {
  port ??= await freePort();
  const proc = startProcess(process.execPath, [
    CHILD,
    dir.path,
    String(port),
    postgres.url,
    redis.url,
    ...(peers.length > 0 ? [peers.join(',')] : []),
  ]);
  instances.push(proc);
  await waitForPort(port, 30_000);
  return { base: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, proc };
}

beforeAll(async () => {
  [postgres, redis, dir] = await Promise.all([
    startPostgresRetrying(),
    startRedis(),
    tempDir('repertoire-scale-'),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all(instances.map((p) => p.stop()));
  await Promise.all([postgres?.stop(), redis?.stop(), dir?.dispose()]);
});

const text = (p: HocuspocusProvider) => p.document.getText('t').toString();

describe('several instances on PostgreSQL and Redis', { timeout: 120_000 }, () => {
  it('share accounts, and clients on two instances converge; killing one loses nothing acknowledged', async () => {
    const one = await startInstance();
    const two = await startInstance();
    expect(await (await fetch(`${one.base}/healthz`)).json()).toMatchObject({
      status: 'ok',
      store: 'postgres',
    });

    // An account and workspace made on instance 1 sign in and sync on instance 2.
    const owner = await ApiClient.signUp(one.base, 'Scaled');
    const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Two servers' })).body
      .workspace.id as string;
    const onTwo = new ApiClient(two.base);
    onTwo.cookie = owner.cookie;
    expect((await onTwo.call('GET', `/api/workspaces/${workspaceId}`)).status).toBe(200);

    const name = `${workspaceId}/doc/shared`;
    const a = await connectProvider(one.ws, name, () => owner.token());
    const b = await connectProvider(two.ws, name, () => onTwo.token());
    a.document.getText('t').insert(0, 'from one. ');
    b.document.getText('t').insert(0, 'from two. ');
    await eventually(
      () => text(a) === text(b) && text(a).length === 20,
      10_000,
      'convergence across instances',
    );

    // Writes through instance 2 under load; each acknowledged item is recorded, then kill -9.
    const acked: string[] = [];
    const items = b.document.getArray<string>('items');
    let running = true;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        items.push([`item ${i}`]);
        const pushed = Date.now();
        while (running && b.unsyncedChanges > 0 && Date.now() - pushed < 5000)
          await new Promise((r) => setTimeout(r, 2));
        if (running && b.unsyncedChanges === 0) acked.push(`item ${i}`);
      }
    })();
    await eventually(() => acked.length >= 100, 30_000, '100 acknowledged writes');
    two.proc.child.kill('SIGKILL');
    running = false;
    await writer;
    b.destroy();

    // The client reconnects to the surviving instance with its own document (as behind a load
    // balancer); the survivor has every acknowledged item, and so does a fresh client.
    const again = await connectProvider(one.ws, name, () => owner.token(), b.document);
    await acknowledged(again);
    const fresh = await connectProvider(one.ws, name, () => owner.token());
    const have = new Set(fresh.document.getArray<string>('items').toArray());
    expect(acked.filter((item) => !have.has(item))).toEqual([]);
    expect(text(fresh)).toBe(text(a));

    // A third instance, started afterwards, loads the same state from PostgreSQL.
    a.destroy();
    again.destroy();
    fresh.destroy();
    const three = await startInstance();
    const late = await connectProvider(three.ws, name, () => owner.token());
    const lateItems = new Set(late.document.getArray<string>('items').toArray());
    expect(acked.filter((item) => !lateItems.has(item))).toEqual([]);
    late.destroy();
  });

  it('a viewer is read-only on every instance', async () => {
    const one = await startInstance();
    const owner = await ApiClient.signUp(one.base, 'Owner');
    const viewer = await ApiClient.signUp(one.base, 'Viewer');
    const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Viewed' })).body
      .workspace.id as string;
    const invitation = (
      await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'viewer' })
    ).body.invitation;
    await viewer.call('POST', `/api/invitations/${invitation.token}/accept`);
    const name = `${workspaceId}/doc/read-only`;
    const writer = await connectProvider(one.ws, name, () => owner.token());
    writer.document.getText('t').insert(0, 'owner text');
    await acknowledged(writer);
    const two = await startInstance();
    const viewerClient = new ApiClient(two.base);
    viewerClient.cookie = viewer.cookie;
    const reader = await connectProvider(two.ws, name, () => viewerClient.token(), new Y.Doc());
    await eventually(() => text(reader) === 'owner text', 10_000, 'viewer sees the text');
    reader.document.getText('t').insert(0, 'vandalism ');
    await new Promise((r) => setTimeout(r, 1000));
    expect(text(writer)).toBe('owner text');
    writer.destroy();
    reader.destroy();
  });

  it('role changes, removals and sign-outs on one instance apply to sockets on another at once', async () => {
    const [one, two] = await Promise.all([startInstance(), startInstance()]);
    const owner = await ApiClient.signUp(one.base, 'Owner');
    const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Revoked' })).body
      .workspace.id as string;
    /** A member signed in on instance two, with raw /sync and /y/ sockets open there. */
    const memberOnTwo = async (name: string, doc: string) => {
      const member = await ApiClient.signUp(two.base, name);
      const invitation = (
        await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'editor' })
      ).body.invitation;
      await member.call('POST', `/api/invitations/${invitation.token}/accept`);
      const sync = new RawSyncClient(`${two.ws}/sync`);
      await sync.authenticate(doc, await member.token());
      const y = new RawYClient(two.ws, doc, await member.token());
      await y.opened();
      return { member, sync, y };
    };
    const within = <T>(promise: Promise<T>) =>
      Promise.race([
        promise,
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000)),
      ]);

    const demotedDoc = `${workspaceId}/doc/demoted`;
    const demoted = await memberOnTwo('Demoted', demotedDoc);
    await owner.call('PATCH', `/api/workspaces/${workspaceId}/members/${demoted.member.userId}`, {
      role: 'viewer',
    });
    expect(await within(demoted.sync.closed)).toMatchObject({ code: 4409 });
    const vandal = new Y.Doc();
    vandal.getText('t').insert(0, 'after the demotion');
    demoted.y.sendUpdate(Y.encodeStateAsUpdate(vandal));
    expect(await within(demoted.y.closed)).toEqual({
      code: 4403,
      reason: 'Read-only: viewers cannot edit',
    });
    const check = await connectProvider(one.ws, demotedDoc, () => owner.token());
    expect(text(check)).toBe('');
    check.destroy();

    const removedDoc = `${workspaceId}/doc/removed`;
    const removed = await memberOnTwo('Removed', removedDoc);
    await owner.call('DELETE', `/api/workspaces/${workspaceId}/members/${removed.member.userId}`);
    const gone = { code: 4403, reason: 'Forbidden: no longer a member of this workspace' };
    expect(await within(removed.sync.closed)).toEqual(gone);
    expect(await within(removed.y.closed)).toEqual(gone);

    const signedOut = await memberOnTwo('Leaving', `${workspaceId}/doc/signed-out`);
    const onOne = new ApiClient(one.base);
    onOne.cookie = signedOut.member.cookie;
    expect((await onOne.call('POST', '/api/auth/sign-out')).status).toBe(204);
    const ended = { code: 4401, reason: 'Unauthorized: signed out' };
    expect(await within(signedOut.sync.closed)).toEqual(ended);
    expect(await within(signedOut.y.closed)).toEqual(ended);
  });

  it('routes a workspace to its owning instance, and falls back when the owner dies', async () => {
    const ports = [await freePort(), await freePort()];
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const [a, b] = await Promise.all(ports.map((p) => startInstance(p, urls)));
    if (!a || !b) throw new Error('instances did not start');
    const owner = await ApiClient.signUp(a.base, 'Router');
    // Tokens come from instance b, which outlives a.
    const tokens = new ApiClient(b.base);
    tokens.cookie = owner.cookie;
    // A workspace owned by instance a, which the client reaches through instance b.
    const ring = new HashRing(urls);
    let workspaceId = '';
    for (let i = 0; i < 50 && (workspaceId === '' || ring.owner(workspaceId) !== urls[0]); i++)
      workspaceId = (await owner.call('POST', '/api/workspaces', { name: `Routed ${i}` })).body
        .workspace.id as string;
    expect(ring.owner(workspaceId)).toBe(urls[0]);
    const documents = async (base: string) =>
      ((await (await fetch(`${base}/healthz`)).json()) as { documents: number }).documents;

    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: `${b.ws}/sync/${workspaceId}`,
      name: `${workspaceId}/doc/routed`,
      document: doc,
      token: () => tokens.token(),
      WebSocketPolyfill: WebSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    await eventually(() => provider.isSynced, 10_000, 'sync through the router');
    doc.getText('t').insert(0, 'owned by a. ');
    await acknowledged(provider);
    expect(await documents(a.base)).toBe(1);
    expect(await documents(b.base)).toBe(0);
    expect(await (await fetch(`${b.base}/metrics`)).text()).toMatch(
      /repertoire_proxied_connections_total [1-9]/,
    );

    // The owner dies: the provider reconnects to b, which now serves the workspace itself.
    a.proc.child.kill('SIGKILL');
    await eventually(() => !provider.isSynced, 10_000, 'the drop');
    await eventually(() => provider.isSynced, 20_000, 'resync on the fallback instance');
    doc.getText('t').insert(doc.getText('t').length, 'served by b.');
    await acknowledged(provider, 20_000);
    expect(await documents(b.base)).toBe(1);
    const fresh = await connectProvider(b.ws, `${workspaceId}/doc/routed`, () => tokens.token());
    expect(fresh.document.getText('t').toString()).toBe('owned by a. served by b.');
    fresh.destroy();
    provider.destroy();
  });
});
