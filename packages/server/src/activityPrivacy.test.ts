// Who sees whose activity (issue 16, "Who sees what"), over real HTTP and real sockets: the
// activity route hands others' records only to owners, coordinators and facilitators, and nobody
// else can make themselves one, neither through the graph nor through "This is me".
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createGraphDoc, graphStateFromUpdate } from '@repertoire/core';
import { asEntityId } from '@repertoire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  graphWorkspace,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

let t: TestServer;
let owner: ApiClient;
let facilitator: ApiClient;
let plain: ApiClient;
let stranger: ApiClient;
let ws: string;
let graph: string;
/** The owner's open graph connection: keeps the graph loaded and makes owner edits. */
let ownerGraph: HocuspocusProvider;

async function join(client: ApiClient) {
  const invitation = (
    await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'editor' })
  ).body.invitation;
  await client.call('POST', `/api/invitations/${invitation.token}/accept`);
}

/** Edits a co-edited document as `client`, so the server records activity for that account. */
async function edit(client: ApiClient, doc: string) {
  const p = await connectProvider(t.ws, `${ws}/doc/${doc}`, await client.token());
  p.document.getArray('lines').push([client.email]);
  await acknowledged(p);
  p.destroy();
}

const activity = (client: ApiClient, query = '') =>
  client.call('GET', `/api/workspaces/${ws}/activity${query}`);
const usersOf = (records: { userId: string }[]) => new Set(records.map((r) => r.userId));

/** The stored member entity `id` as the server reads it. */
function storedMember(id: string) {
  const live = t.server.hocuspocus.hocuspocus.documents.get(graph) as Y.Doc;
  return graphStateFromUpdate(Y.encodeStateAsUpdate(live)).entities.get(asEntityId(id));
}

/**
 * Makes `change` with the app's own Workspace on a copy of the live graph, as `client`, and sends
 * it from a raw socket; resolves with how the server closed that socket.
 */
async function sendAs(
  client: ApiClient,
  change: (w: ReturnType<typeof graphWorkspace>) => void,
): Promise<{ code: number; reason: string }> {
  const doc = createGraphDoc();
  const live = t.server.hocuspocus.hocuspocus.documents.get(graph) as Y.Doc;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(doc);
  const workspace = graphWorkspace(doc, client.userId);
  change(workspace);
  workspace.dispose();
  const raw = new RawSyncClient(`${t.ws}/sync`);
  await raw.authenticate(graph, await client.token());
  raw.sendUpdate(graph, Y.encodeStateAsUpdate(doc, before));
  return raw.closed;
}

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Owner');
  facilitator = await ApiClient.signUp(t.base, 'Fran');
  plain = await ApiClient.signUp(t.base, 'Pat');
  stranger = await ApiClient.signUp(t.base, 'Stranger');
  ws = (await owner.call('POST', '/api/workspaces', { name: 'Leaders' })).body.workspace.id;
  graph = `${ws}/graph`;
  await join(facilitator);
  await join(plain);
  ownerGraph = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
  const w = graphWorkspace(ownerGraph.document, owner.userId);
  w.createEntity({
    id: asEntityId('m-fran'),
    kind: 'member',
    title: 'Fran',
    fields: { role: 'facilitator', email: facilitator.email },
  });
  w.createEntity({
    id: asEntityId('m-pat'),
    kind: 'member',
    title: 'Pat',
    fields: { role: 'member', email: plain.email },
  });
  w.createEntity({
    id: asEntityId('m-cora'),
    kind: 'member',
    title: 'Cora',
    fields: { role: 'coordinator' },
  });
  w.dispose();
  await acknowledged(ownerGraph);
  for (const client of [owner, facilitator, plain]) await edit(client, 'notes');
});
afterAll(async () => {
  ownerGraph?.destroy();
  await t?.stop();
});

describe('GET /api/workspaces/:id/activity', () => {
  it("gives a plain member their own records and the totals, never another's", async () => {
    const r = await activity(plain);
    expect(r.status).toBe(200);
    expect(r.body.access).toBe('own');
    expect(usersOf(r.body.activity)).toEqual(new Set([plain.userId]));
    // The totals count everyone's work (the owner's graph edits too) and name nobody.
    const all = (await activity(owner)).body.activity as { updates: number }[];
    expect(r.body.totals).toEqual({
      records: all.length,
      updates: all.reduce((sum, x) => sum + x.updates, 0),
      members: 3,
    });
    expect(JSON.stringify(r.body.totals)).not.toContain(owner.userId);
    const byDocument = await activity(plain, `?document=${encodeURIComponent(`${ws}/doc/notes`)}`);
    expect(usersOf(byDocument.body.activity)).toEqual(new Set([plain.userId]));
  });

  it("refuses a plain member who asks for another member's records, with the reason", async () => {
    const r = await activity(plain, `?user=${owner.userId}`);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'forbidden', field: 'user' });
    expect(r.body.error.message).toMatch(/facilitators see other members' activity/);
    expect((await activity(plain, `?user=${plain.userId}`)).status).toBe(200);
  });

  it("gives owners and facilitators everyone's records, and one member's on request", async () => {
    for (const client of [owner, facilitator]) {
      const r = await activity(client);
      expect(r.body.access).toBe('all');
      expect(usersOf(r.body.activity)).toEqual(
        new Set([owner.userId, facilitator.userId, plain.userId]),
      );
    }
    const one = await activity(facilitator, `?user=${plain.userId}`);
    expect(usersOf(one.body.activity)).toEqual(new Set([plain.userId]));
  });

  it('refuses strangers, anonymous callers and a bad time', async () => {
    expect((await activity(stranger)).status).toBe(403);
    expect((await activity(new ApiClient(t.base))).status).toBe(401);
    const bad = await activity(owner, '?until=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('until');
  });
});

describe('only an owner makes a coordinator or facilitator', () => {
  it('refuses an editor who makes themself a facilitator, and changes nothing', async () => {
    const closed = await sendAs(plain, (w) =>
      w.updateEntity(asEntityId('m-pat'), { fields: { role: 'facilitator' } }),
    );
    expect(closed.code).toBe(4422);
    expect(closed.reason).toMatch(/only an owner makes or unmakes a coordinator or facilitator/);
    expect(storedMember('m-pat')?.fields.role).toBe('member');
    expect((await activity(plain)).body.access).toBe('own');
  });

  it("refuses an editor who creates a facilitator, demotes one or takes one's email", async () => {
    const attempts: ((w: ReturnType<typeof graphWorkspace>) => void)[] = [
      (w) =>
        w.createEntity({
          id: asEntityId('m-new'),
          kind: 'member',
          title: 'New',
          fields: { role: 'coordinator', email: plain.email },
        }),
      (w) => w.updateEntity(asEntityId('m-fran'), { fields: { role: 'member' } }),
      (w) => w.updateEntity(asEntityId('m-cora'), { fields: { email: plain.email } }),
    ];
    for (const attempt of attempts) expect((await sendAs(plain, attempt)).code).toBe(4422);
    expect(storedMember('m-new')).toBeUndefined();
    expect(storedMember('m-fran')?.fields.role).toBe('facilitator');
    expect(storedMember('m-cora')?.fields.email).toBeUndefined();
  });

  it("lets an editor change a plain member's role and a facilitator's other fields", async () => {
    const p = await connectProvider(t.ws, graph, await plain.token(), createGraphDoc());
    const mine = graphWorkspace(p.document, plain.userId);
    mine.updateEntity(asEntityId('m-pat'), { fields: { role: 'guest' } });
    mine.updateEntity(asEntityId('m-fran'), { title: 'Fran Okafor' });
    mine.dispose();
    await acknowledged(p);
    p.destroy();
    expect(storedMember('m-pat')?.fields.role).toBe('guest');
    expect(storedMember('m-fran')?.title).toBe('Fran Okafor');
  });

  it('"This is me" on a coordinator is refused to a non-owner and links nothing', async () => {
    const r = await plain.call('PUT', `/api/workspaces/${ws}/me/member`, { memberId: 'm-cora' });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/an owner links/);
    expect((await plain.call('GET', `/api/workspaces/${ws}/me/member`)).body).toEqual({
      memberId: 'm-pat',
      access: 'own',
    });
  });

  it('an owner makes a member a facilitator, who then reads everyone', async () => {
    const w = graphWorkspace(ownerGraph.document, owner.userId);
    w.updateEntity(asEntityId('m-pat'), { fields: { role: 'facilitator' } });
    w.dispose();
    await acknowledged(ownerGraph);
    expect(storedMember('m-pat')?.fields.role).toBe('facilitator');
    const r = await activity(plain);
    expect(r.body.access).toBe('all');
    expect(usersOf(r.body.activity).size).toBe(3);
  });
});
