import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ApiClient,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';
import { RawYClient } from './testing/rawYClient.ts';

let t: TestServer;
let owner: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ tokenLifetimeSeconds: 2 });
  owner = await ApiClient.signUp(t.base, 'Olive');
  workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Leaders' })).body.workspace
    .id;
});
afterAll(() => t.stop());

async function member(name: string, role: 'editor' | 'viewer' = 'editor'): Promise<ApiClient> {
  const client = await ApiClient.signUp(t.base, name);
  const invitation = (
    await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role })
  ).body.invitation;
  await client.call('POST', `/api/invitations/${invitation.token}/accept`);
  return client;
}

class RawY extends RawYClient {
  constructor(name: string, token: string) {
    super(t.ws, name, token);
  }
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const liveText = (name: string) =>
  t.server.hocuspocus.hocuspocus.documents.get(name)?.getText('t').toString() ?? '';

const within = <T>(promise: Promise<T>, ms = 5000): Promise<T | 'timeout'> =>
  Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

describe('role changes and removals apply to open connections at once', () => {
  it('an editor demoted to viewer is read-only from that moment on /sync and /y/', async () => {
    const eddie = await member('Eddie');
    const name = `${workspaceId}/doc/demoted`;
    const keeper = await connectProvider(t.ws, name, await owner.token());
    const sync = new RawSyncClient(`${t.ws}/sync`);
    await sync.authenticate(name, await eddie.token());
    const y = new RawY(name, await eddie.token());
    await y.opened();
    const patched = await owner.call(
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${eddie.userId}`,
      {
        role: 'viewer',
      },
    );
    expect(patched.status).toBe(200);
    // The Hocuspocus socket closes so the provider reconnects and learns its read-only scope.
    expect(await within(sync.closed)).toEqual({
      code: 4409,
      reason: 'Role changed: reconnect to continue',
    });
    y.sendUpdate(textUpdate('written after the demotion'));
    expect(await within(y.closed)).toEqual({
      code: 4403,
      reason: 'Read-only: viewers cannot edit',
    });
    expect(liveText(name)).toBe('');
    expect(await t.server.services.documents.load(name)).toBeNull();
    keeper.destroy();
  });

  it('a removed member is disconnected on /sync and /y/ and gets no more edits', async () => {
    const rita = await member('Rita');
    const name = `${workspaceId}/doc/removed`;
    const keeper = await connectProvider(t.ws, name, await owner.token());
    const sync = new RawSyncClient(`${t.ws}/sync`);
    await sync.authenticate(name, await rita.token());
    const y = new RawY(name, await rita.token());
    await y.opened();
    const removed = await owner.call(
      'DELETE',
      `/api/workspaces/${workspaceId}/members/${rita.userId}`,
    );
    expect(removed.status).toBe(204);
    const gone = { code: 4403, reason: 'Forbidden: no longer a member of this workspace' };
    expect(await within(sync.closed)).toEqual(gone);
    expect(await within(y.closed)).toEqual(gone);
    const seen = [sync.received.length, y.received.length];
    keeper.document.getText('t').insert(0, 'after Rita left');
    await new Promise((r) => setTimeout(r, 300));
    expect([sync.received.length, y.received.length]).toEqual(seen);
    keeper.destroy();
  });
});

describe('sync tokens are tied to the session', () => {
  it('signing out closes open /sync and /y/ sockets, and its unexpired token opens nothing', async () => {
    const sam = await member('Sam');
    const name = `${workspaceId}/doc/signed-out`;
    const token = await sam.token();
    const sync = new RawSyncClient(`${t.ws}/sync`);
    await sync.authenticate(name, token);
    const y = new RawY(name, token);
    await y.opened();
    expect((await sam.call('POST', '/api/auth/sign-out')).status).toBe(204);
    const signedOut = { code: 4401, reason: 'Unauthorized: signed out' };
    expect(await within(sync.closed)).toEqual(signedOut);
    expect(await within(y.closed)).toEqual(signedOut);
    const again = new RawY(name, token);
    expect(await within(again.closed)).toEqual({
      code: 4401,
      reason: 'Unauthorized: the session has ended; sign in again',
    });
    await expect(connectProvider(t.ws, name, token)).rejects.toThrow('session has ended');
  });

  it('"sign out other sessions" and a password change close the other devices\' sockets', async () => {
    const sam = await member('Sammy');
    const device = async () => {
      const client = new ApiClient(t.base);
      const r = await client.call('POST', '/api/auth/sign-in', {
        email: sam.email,
        password: 'correct horse',
      });
      expect(r.status).toBe(200);
      const sync = new RawSyncClient(`${t.ws}/sync`);
      await sync.authenticate(`${workspaceId}/doc/devices`, await client.token());
      return sync;
    };
    const signedOut = { code: 4401, reason: 'Unauthorized: signed out' };
    const phone = await device();
    expect((await sam.call('POST', '/api/auth/sign-out-others')).status).toBe(200);
    expect(await within(phone.closed)).toEqual(signedOut);
    const laptop = await device();
    const changed = await sam.call('POST', '/api/auth/password', {
      currentPassword: 'correct horse',
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect(await within(laptop.closed)).toEqual(signedOut);
  });

  it('a standard WebsocketProvider reconnects after its token expired, with params it refreshes', async () => {
    const name = `${workspaceId}/doc/refreshed`;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${t.ws}/y`, name, doc, {
      params: { token: await owner.token() },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    // The documented way: keep `provider.params.token` fresh; each reconnect reads it.
    const refresh = setInterval(async () => {
      provider.params.token = await owner.token();
    }, 500);
    try {
      await eventually(() => provider.synced, 5000, 'first sync');
      await new Promise((r) => setTimeout(r, 2500)); // the first token has expired
      provider.ws?.close(); // a dropped connection
      await eventually(() => !provider.synced || !provider.wsconnected, 5000, 'drop');
      await eventually(() => provider.synced, 10_000, 'sync after reconnect');
      doc.getText('t').insert(0, 'still editing');
      await eventually(() => liveText(name) === 'still editing', 5000, 'edit after reconnect');
    } finally {
      clearInterval(refresh);
      provider.destroy();
    }
  });

  it('without a refresh, the reconnect after expiry is refused with 4401 (why the refresh is needed)', async () => {
    const name = `${workspaceId}/doc/stale`;
    const provider = new WebsocketProvider(`${t.ws}/y`, name, new Y.Doc(), {
      params: { token: await owner.token() },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await eventually(() => provider.synced, 5000, 'first sync');
      await new Promise((r) => setTimeout(r, 2500));
      const closed = new Promise<{ code: number }>((resolve) =>
        provider.on('closed', (event) => resolve(event)),
      );
      provider.ws?.close();
      expect(await within(closed, 10_000)).toMatchObject({ code: 4401 });
    } finally {
      provider.destroy();
    }
  });
});
