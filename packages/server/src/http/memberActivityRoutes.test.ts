import { Workspace } from '@repertoire/core';
import { asEntityId } from '@repertoire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  startTestServer,
  type TestServer,
} from '../testing/harness.ts';
import { MEMBER_KIND } from '../testing/memberKind.ts';

let t: TestServer;
let owner: ApiClient;
let facilitator: ApiClient;
let plain: ApiClient;
let stranger: ApiClient;
let ws: string;

/** Changes the stored graph of the workspace as the server's own direct connection. */
async function editGraph(change: (workspace: Workspace) => void) {
  const connection = await t.server.openDocument(`${ws}/graph`);
  try {
    await connection.transact((doc) => {
      const workspace = new Workspace(doc, { user: owner.userId });
      workspace.registerEntityKind(MEMBER_KIND);
      change(workspace);
      workspace.dispose();
    });
  } finally {
    await connection.disconnect();
  }
}

/** Edits a co-edited document as `client`, so the server records activity for that account. */
async function edit(client: ApiClient, doc: string) {
  const p = await connectProvider(t.ws, `${ws}/doc/${doc}`, await client.token());
  p.document.getArray('lines').push([client.email]);
  await acknowledged(p);
  p.destroy();
}

async function join(client: ApiClient) {
  const invitation = (
    await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'editor' })
  ).body.invitation;
  await client.call('POST', `/api/invitations/${invitation.token}/accept`);
}

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Owner');
  facilitator = await ApiClient.signUp(t.base, 'Fran');
  plain = await ApiClient.signUp(t.base, 'Pat');
  stranger = await ApiClient.signUp(t.base, 'Stranger');
  ws = (await owner.call('POST', '/api/workspaces', { name: 'Leaders' })).body.workspace.id;
  await join(facilitator);
  await join(plain);
  await editGraph((w) => {
    // Fran's member entity carries her email with other case and spaces: matched, normalised.
    w.createEntity({
      id: asEntityId('m-fran'),
      kind: 'member',
      title: 'Fran',
      fields: { role: 'facilitator', email: `  ${facilitator.email.toUpperCase()} ` },
    });
    w.createEntity({
      id: asEntityId('m-pat'),
      kind: 'member',
      title: 'Pat',
      fields: { role: 'member' },
    });
  });
  for (const client of [owner, facilitator, plain]) await edit(client, 'notes');
});
afterAll(() => t.stop());

const records = async (client: ApiClient) =>
  client.call('GET', `/api/workspaces/${ws}/member-activity`);

describe('accounts are members', () => {
  it('links an account to the member entity with its email', async () => {
    const r = await facilitator.call('GET', `/api/workspaces/${ws}/me/member`);
    expect(r.body).toEqual({ memberId: 'm-fran', access: 'all' });
  });

  it('"This is me" links an account to an unclaimed member', async () => {
    expect((await plain.call('GET', `/api/workspaces/${ws}/me/member`)).body.memberId).toBeNull();
    const r = await plain.call('PUT', `/api/workspaces/${ws}/me/member`, { memberId: 'm-pat' });
    expect(r.status).toBe(200);
    expect((await plain.call('GET', `/api/workspaces/${ws}/me/member`)).body).toEqual({
      memberId: 'm-pat',
      access: 'own',
    });
  });

  it('refuses to claim a member another account already is, and changes nothing', async () => {
    const r = await owner.call('PUT', `/api/workspaces/${ws}/me/member`, { memberId: 'm-fran' });
    expect(r.status).toBe(409);
    expect((await owner.call('GET', `/api/workspaces/${ws}/me/member`)).body.memberId).toBeNull();
  });

  it('refuses an entity that is no member, and a body without one', async () => {
    expect(
      (await owner.call('PUT', `/api/workspaces/${ws}/me/member`, { memberId: 'nobody' })).status,
    ).toBe(404);
    const bad = await owner.call('PUT', `/api/workspaces/${ws}/me/member`, { memberId: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('memberId');
  });
});

describe('activity.read: who reads whose records', () => {
  it("a plain member cannot read others' records, only their own", async () => {
    const r = await records(plain);
    expect(r.status).toBe(200);
    expect(r.body.access).toBe('own');
    const users = new Set(r.body.records.map((x: { userId: string }) => x.userId));
    expect([...users]).toEqual([plain.userId]);
    expect(r.body.records[0]).toMatchObject({ memberId: 'm-pat', entityId: 'notes' });
  });

  it("a facilitator and an owner read everyone's records, with each account's member", async () => {
    for (const client of [facilitator, owner]) {
      const r = await records(client);
      expect(r.body.access).toBe('all');
      const users = new Set(r.body.records.map((x: { userId: string }) => x.userId));
      expect(users).toEqual(new Set([owner.userId, facilitator.userId, plain.userId]));
    }
  });

  it('a facilitator who is no longer one reads only their own records at once', async () => {
    await editGraph((w) => w.updateEntity(asEntityId('m-fran'), { fields: { role: 'member' } }));
    try {
      const r = await records(facilitator);
      expect(r.body.access).toBe('own');
      expect(r.body.records.every((x: { userId: string }) => x.userId === facilitator.userId)).toBe(
        true,
      );
    } finally {
      await editGraph((w) =>
        w.updateEntity(asEntityId('m-fran'), { fields: { role: 'facilitator' } }),
      );
    }
  });

  it('refuses strangers, anonymous callers and a bad date', async () => {
    expect((await records(stranger)).status).toBe(403);
    expect(
      (await new ApiClient(t.base).call('GET', `/api/workspaces/${ws}/member-activity`)).status,
    ).toBe(401);
    const bad = await owner.call('GET', `/api/workspaces/${ws}/member-activity?since=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('since');
  });
});
