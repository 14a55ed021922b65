import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let viewer: ApiClient;
let stranger: ApiClient;
let anonymous: ApiClient;
let ws: string;

async function join(client: ApiClient, role: 'editor' | 'viewer') {
  const invitation = (await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role })).body
    .invitation;
  expect((await client.call('POST', `/api/invitations/${invitation.token}/accept`)).status).toBe(
    200,
  );
}

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Owner');
  editor = await ApiClient.signUp(t.base, 'Editor');
  viewer = await ApiClient.signUp(t.base, 'Viewer');
  stranger = await ApiClient.signUp(t.base, 'Stranger');
  anonymous = new ApiClient(t.base);
  ws = (await owner.call('POST', '/api/workspaces', { name: 'Leaders' })).body.workspace.id;
  await join(editor, 'editor');
  await join(viewer, 'viewer');
});
afterAll(() => t.stop());

describe('accounts', () => {
  it('names the bad field of a sign-up and creates nothing', async () => {
    const c = new ApiClient(t.base);
    const r = await c.call('POST', '/api/auth/sign-up', {
      email: 'x@example.org',
      password: 'short',
      name: 'X',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect(
      (await c.call('POST', '/api/auth/sign-in', { email: 'x@example.org', password: 'short' }))
        .status,
    ).toBe(401);
  });

  it('refuses a second account with the same email', async () => {
    const r = await new ApiClient(t.base).call('POST', '/api/auth/sign-up', {
      email: owner.email.toUpperCase(),
      password: 'another password',
      name: 'Copy',
    });
    expect(r.status).toBe(409);
  });

  it('sets an httpOnly session cookie, and sign-out ends the session', async () => {
    const c = new ApiClient(t.base);
    const response = await fetch(`${t.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: 'correct horse' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/);
    c.cookie = (response.headers.get('set-cookie') as string).split(';')[0] as string;
    expect((await c.call('GET', '/api/me')).body.user.id).toBe(owner.userId);
    await c.call('POST', '/api/auth/sign-out');
    c.cookie = (response.headers.get('set-cookie') as string).split(';')[0] as string;
    expect((await c.call('GET', '/api/me')).status).toBe(401);
  });

  it('tells a signed-out browser so without an error status, and a signed-in one who it is', async () => {
    const c = new ApiClient(t.base);
    const signedOut = await c.call('GET', '/api/session');
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ user: null });
    const response = await fetch(`${t.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: 'correct horse' }),
    });
    c.cookie = (response.headers.get('set-cookie') as string).split(';')[0] as string;
    const signedIn = await c.call('GET', '/api/session');
    expect(signedIn.body.user.id).toBe(owner.userId);
    expect(signedIn.body.workspaces.length).toBeGreaterThan(0);
  });

  it('rate-limits wrong passwords, even when the right one comes next', async () => {
    const victim = await ApiClient.signUp(t.base, 'Victim');
    const c = new ApiClient(t.base);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await c.call('POST', '/api/auth/sign-in', { email: victim.email, password: `wrong ${i}` }))
          .status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(
      (
        await c.call('POST', '/api/auth/sign-in', {
          email: victim.email,
          password: 'correct horse',
        })
      ).status,
    ).toBe(429);
  }, 20_000);
});

describe('the auth matrix: each role × each operation', () => {
  const operations: [string, () => [string, string, unknown?], Record<string, number>][] = [
    [
      'read the workspace',
      () => ['GET', `/api/workspaces/${ws}`],
      { owner: 200, editor: 200, viewer: 200, stranger: 403 },
    ],
    [
      'list members',
      () => ['GET', `/api/workspaces/${ws}/members`],
      { owner: 200, editor: 200, viewer: 200, stranger: 403 },
    ],
    [
      'invite',
      () => ['POST', `/api/workspaces/${ws}/invitations`, { role: 'viewer' }],
      { owner: 201, editor: 403, viewer: 403, stranger: 403 },
    ],
    [
      'change plugins',
      () => ['PUT', `/api/workspaces/${ws}/plugins`, { enabled: null }],
      { owner: 200, editor: 403, viewer: 403, stranger: 403 },
    ],
    [
      'read plugins',
      () => ['GET', `/api/workspaces/${ws}/plugins`],
      { owner: 200, editor: 200, viewer: 200, stranger: 403 },
    ],
    [
      'snapshot the graph',
      () => ['POST', `/api/workspaces/${ws}/history/graph`, { label: 'x' }],
      { owner: 201, editor: 201, viewer: 403, stranger: 403 },
    ],
    [
      'list snapshots',
      () => ['GET', `/api/workspaces/${ws}/history/graph`],
      { owner: 200, editor: 200, viewer: 200, stranger: 403 },
    ],
    [
      'name a document version',
      () => ['POST', `/api/workspaces/${ws}/documents/d1/versions`, { name: 'v1' }],
      { owner: 201, editor: 201, viewer: 403, stranger: 403 },
    ],
    [
      'read activity',
      () => ['GET', `/api/workspaces/${ws}/activity`],
      { owner: 200, editor: 200, viewer: 200, stranger: 403 },
    ],
    [
      'export',
      () => ['GET', `/api/workspaces/${ws}/export`],
      { owner: 200, editor: 200, viewer: 200, stranger: 403 },
    ],
    [
      "change someone's role",
      () => ['PATCH', `/api/workspaces/${ws}/members/${viewer.userId}`, { role: 'viewer' }],
      { owner: 200, editor: 403, viewer: 403, stranger: 403 },
    ],
  ];
  for (const [what, request, expected] of operations) {
    it(`${what}: ${JSON.stringify(expected)}, anonymous 401`, async () => {
      const clients: Record<string, ApiClient> = { owner, editor, viewer, stranger };
      const [method, path, body] = request();
      for (const [role, status] of Object.entries(expected)) {
        const r = await (clients[role] as ApiClient).call(method, path, body);
        expect(r.status, `${role} ${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
      }
      expect((await anonymous.call(method, path, body)).status).toBe(401);
    });
  }

  it('sync: owner and editor write, a viewer only reads, a stranger is refused', async () => {
    const name = `${ws}/doc/matrix`;
    for (const [client, who] of [
      [owner, 'owner'],
      [editor, 'editor'],
    ] as const) {
      const p = await connectProvider(t.ws, name, await client.token());
      p.document.getArray('who').push([who]);
      await acknowledged(p);
      p.destroy();
    }
    const v = await connectProvider(t.ws, name, await viewer.token());
    expect(v.document.getArray('who').toArray().sort()).toEqual(['editor', 'owner']);
    v.document.getArray('who').push(['viewer']);
    await new Promise((r) => setTimeout(r, 200));
    v.destroy();
    await expect(connectProvider(t.ws, name, await stranger.token())).rejects.toThrow();
    const check = new Y.Doc();
    const p = await connectProvider(t.ws, name, await owner.token(), check);
    expect(check.getArray('who').toArray().sort()).toEqual(['editor', 'owner']);
    p.destroy();
  });
});

describe('invitations', () => {
  it('a single-use link cannot be used twice', async () => {
    const invitation = (
      await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'editor' })
    ).body.invitation;
    const a = await ApiClient.signUp(t.base, 'A');
    const b = await ApiClient.signUp(t.base, 'B');
    expect((await a.call('POST', `/api/invitations/${invitation.token}/accept`)).status).toBe(200);
    expect((await b.call('POST', `/api/invitations/${invitation.token}/accept`)).status).toBe(410);
    expect((await b.call('GET', `/api/workspaces/${ws}`)).status).toBe(403);
  });

  it('the last owner cannot be demoted', async () => {
    const r = await owner.call('PATCH', `/api/workspaces/${ws}/members/${owner.userId}`, {
      role: 'editor',
    });
    expect(r.status).toBe(409);
  });
});
