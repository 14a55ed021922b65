// Kinds marked `editableBy: 'stewards'` (the community itself, the year plan's terms, months and
// holidays) are changed only by owners and by members whose member entity is a coordinator or
// facilitator. The real server, real sockets: an editor's raw update is refused with 4422.
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createGraphDoc, graphMaps } from '@repertoire/core';
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
let editor: ApiClient;
let facilitator: ApiClient;
let workspaceId: string;
let graph: string;
let keeper: HocuspocusProvider;

async function join(client: ApiClient, role: 'editor' | 'viewer') {
  const invitation = (
    await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role })
  ).body.invitation;
  await client.call('POST', `/api/invitations/${invitation.token}/accept`);
}

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Olive');
  editor = await ApiClient.signUp(t.base, 'Eddie');
  facilitator = await ApiClient.signUp(t.base, 'Fay');
  workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Maths circle' })).body
    .workspace.id;
  graph = `${workspaceId}/graph`;
  await join(editor, 'editor');
  await join(facilitator, 'editor');
  keeper = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
  const ws = graphWorkspace(keeper.document, owner.userId);
  ws.createEntity({ id: 'eddie', kind: 'member', title: 'Eddie', fields: { role: 'member' } });
  // Only an owner makes a steward, so the owner puts Fay's e-mail on the facilitator entity (a
  // non-owner's "This is me" on a steward is refused, see activityPrivacy.test.ts).
  ws.createEntity({
    id: 'fay',
    kind: 'member',
    title: 'Fay',
    fields: { role: 'facilitator', email: facilitator.email },
  });
  ws.createEntity({ id: 'numeracy', kind: 'domain', title: 'Numeracy' });
  // The owner describes the community: owners steward it.
  ws.createEntity({
    id: 'community',
    kind: 'community',
    title: 'Maths circle',
    fields: { purpose: 'Better feedback', cadence: 'fortnightly' },
  });
  ws.link('community' as never, 'concerns', 'numeracy' as never);
  await acknowledged(keeper);
  // Accounts are members: Eddie is the member Eddie ("This is me"), Fay the facilitator Fay (by
  // her e-mail).
  expect(
    (await editor.call('PUT', `/api/workspaces/${workspaceId}/me/member`, { memberId: 'eddie' }))
      .status,
  ).toBe(200);
  expect(
    (await facilitator.call('GET', `/api/workspaces/${workspaceId}/me/member`)).body.memberId,
  ).toBe('fay');
});
afterAll(async () => {
  keeper.destroy();
  await t.stop();
});

function live(): Y.Doc {
  return t.server.hocuspocus.hocuspocus.documents.get(graph) as Y.Doc;
}

/** The update `change` makes, through the core, to a copy of the server's graph, as `user`. */
function updateAs(user: string, change: (ws: ReturnType<typeof graphWorkspace>) => void) {
  const doc = createGraphDoc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live()));
  const before = Y.encodeStateVector(doc);
  change(graphWorkspace(doc, user));
  return Y.encodeStateAsUpdate(doc, before);
}

/** Sends `update` from a raw client; resolves with how the socket closed. */
async function refusal(
  update: Uint8Array,
  as: ApiClient,
): Promise<{ code: number; reason: string }> {
  const client = new RawSyncClient(`${t.ws}/sync`);
  await client.authenticate(graph, await as.token());
  client.sendUpdate(graph, update);
  return client.closed;
}

describe('what belongs to the whole community is changed by its stewards only', () => {
  const editorChanges: [string, (ws: ReturnType<typeof graphWorkspace>) => void, RegExp][] = [
    [
      "a change of the community's purpose",
      (ws) => ws.updateEntity('community' as never, { fields: { purpose: 'Something else' } }),
      /community "community": only owners, coordinators and facilitators may change it/,
    ],
    [
      'deleting the community',
      (ws) => ws.deleteEntity('community' as never),
      /community "community"/,
    ],
    [
      'a term of the year plan',
      (ws) =>
        ws.createEntity({
          id: 'term-1',
          kind: 'term',
          title: 'Term 1',
          fields: { start: '2099-01-27', end: '2099-04-03' },
        }),
      /term "term-1": only owners/,
    ],
    [
      'unlinking a domain from the community',
      (ws) => ws.unlink('community' as never, 'concerns', 'numeracy' as never),
      /a relation from community "community"/,
    ],
    [
      // The role the update writes does not count: the sender is judged as they were before it.
      // (The promotion alone is refused too, owners only; whichever rule speaks first, nothing
      // of the update lands.)
      'promoting oneself to facilitator and adding a holiday in the same update',
      (ws) => {
        ws.updateEntity('eddie' as never, { fields: { role: 'facilitator' } });
        ws.createEntity({
          id: 'h1',
          kind: 'holiday',
          title: 'Break',
          fields: { start: '2099-04-06' },
        });
      },
      /holiday "h1": only owners|entity "eddie": only an owner makes or unmakes a coordinator/,
    ],
  ];
  for (const [what, change, reason] of editorChanges) {
    it(`refuses an editor's ${what}, changing nothing`, async () => {
      const before = Y.encodeStateVector(live());
      const stored = await t.server.services.documents.load(graph);
      const closed = await refusal(updateAs(editor.userId, change), editor);
      expect(closed.code).toBe(4422);
      expect(closed.reason).toMatch(reason);
      expect(Y.encodeStateVector(live())).toEqual(before);
      expect(await t.server.services.documents.load(graph)).toEqual(stored);
    }, 30_000);
  }

  it('accepts a facilitator’s year plan and an owner’s change of the community', async () => {
    const fay = await connectProvider(t.ws, graph, await facilitator.token(), createGraphDoc());
    const ws = graphWorkspace(fay.document, facilitator.userId);
    ws.createEntity({
      id: 'term-1',
      kind: 'term',
      title: 'Term 1',
      fields: { start: '2099-01-27', end: '2099-04-03', focus: 'Feedback' },
    });
    ws.updateEntity('community' as never, { fields: { meetingDay: 'Tuesday' } });
    await acknowledged(fay);
    const seen = graphWorkspace(live(), 'server');
    expect(seen.getEntity('term-1' as never)?.fields.focus).toBe('Feedback');
    expect(seen.getEntity('community' as never)?.fields.meetingDay).toBe('Tuesday');
    fay.destroy();
  });

  it('lets an editor schedule meetings in a term and delete a domain the community concerns', async () => {
    const eddie = await connectProvider(t.ws, graph, await editor.token(), createGraphDoc());
    const ws = graphWorkspace(eddie.document, editor.userId);
    ws.transact(() => {
      const meeting = ws.createEntity({
        kind: 'meeting',
        title: 'Term 1: meeting 1',
        fields: { date: '2099-01-27' },
      });
      ws.link(meeting.id, 'planned-in', 'term-1' as never);
    });
    // Deleting the domain takes the community's relation to it along: allowed.
    ws.deleteEntity('numeracy' as never);
    await acknowledged(eddie);
    const seen = graphWorkspace(live(), 'server');
    expect(seen.relations({ to: 'term-1' as never, type: 'planned-in' })).toHaveLength(1);
    expect(seen.getEntity('numeracy' as never)).toBeUndefined();
    expect(graphMaps(live()).entities.has('community')).toBe(true);
    eddie.destroy();
  });
});
