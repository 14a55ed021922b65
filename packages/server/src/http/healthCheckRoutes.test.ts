import { Workspace } from '@repertoire/core';
import { asEntityId } from '@repertoire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
let fran: ApiClient;
let pat: ApiClient;
let quinn: ApiClient;
let viewer: ApiClient;
let stranger: ApiClient;
let ws: string;
let round: string;

const SECRET = 'Pat privately thinks the meetings drift';
const scores = (n: number) => ({
  jointEnterprise: n,
  mutualEngagement: n,
  sharedRepertoire: n,
  negotiationOfMeaning: n,
  participation: n,
  identity: n,
});

const path = () => `/api/workspaces/${ws}/health-checks`;
const list = async (client: ApiClient) => (await client.call('GET', path())).body;
const roundOf = async (client: ApiClient) =>
  (await list(client)).rounds.find((r: { id: string }) => r.id === round);
const answer = (client: ApiClient, body: unknown, id = round) =>
  client.call('PUT', `${path()}/${id}/answer`, body);

async function join(client: ApiClient, role: 'editor' | 'viewer' = 'editor') {
  const invitation = (await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role })).body
    .invitation;
  await client.call('POST', `/api/invitations/${invitation.token}/accept`);
}

beforeAll(async () => {
  t = await startTestServer();
  const signUp = (name: string) => ApiClient.signUp(t.base, name);
  [owner, fran, pat, quinn, viewer, stranger] = [
    await signUp('Owner'),
    await signUp('Fran'),
    await signUp('Pat'),
    await signUp('Quinn'),
    await signUp('Vic'),
    await signUp('Stranger'),
  ];
  ws = (await owner.call('POST', '/api/workspaces', { name: 'Leaders' })).body.workspace.id;
  for (const c of [fran, pat, quinn]) await join(c);
  await join(viewer, 'viewer');
  const connection = await t.server.openDocument(`${ws}/graph`);
  try {
    await connection.transact((doc) => {
      const w = new Workspace(doc, { user: owner.userId });
      w.registerEntityKind(MEMBER_KIND);
      const member = (id: string, title: string, role: string, email: string) =>
        w.createEntity({ id: asEntityId(id), kind: 'member', title, fields: { role, email } });
      member('m-fran', 'Fran', 'facilitator', fran.email);
      member('m-pat', 'Pat', 'member', pat.email);
      member('m-quinn', 'Quinn', 'member', quinn.email);
      member('m-rua', 'Rua', 'member', 'rua@example.org');
      w.dispose();
    });
  } finally {
    await connection.disconnect();
  }
});
afterAll(() => t.stop());

describe('opening a round', () => {
  it('is for owners, coordinators and facilitators only', async () => {
    const refused = await pat.call('POST', path(), { title: 'Term 2 check' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/facilitators/);
    expect((await list(pat)).rounds).toEqual([]);
    expect((await list(pat)).canOpen).toBe(false);
    expect((await list(fran)).canOpen).toBe(true);
  });

  it('refuses a threshold below 2 or an unknown element, and creates nothing', async () => {
    const low = await fran.call('POST', path(), { title: 'Term 2 check', threshold: 1 });
    expect(low.status).toBe(400);
    expect(low.body.error.field).toBe('threshold');
    const unknown = await fran.call('POST', path(), {
      title: 'Term 2 check',
      questions: { vibes: 'How are the vibes?' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown element 'vibes'/);
    expect((await list(fran)).rounds).toEqual([]);
  });

  it("asks the seed's questions unless the community words one its own way", async () => {
    const r = await fran.call('POST', path(), {
      title: 'Term 2 check',
      questions: { identity: 'How do we make room for who each of us is?' },
    });
    expect(r.status).toBe(201);
    round = r.body.round.id;
    expect(r.body.round).toMatchObject({
      title: 'Term 2 check',
      status: 'open',
      openedBy: 'Fran',
      questionsEdited: true,
      myAnswer: null,
    });
    expect(r.body.round.questions.identity).toBe('How do we make room for who each of us is?');
    expect(r.body.round.questions.jointEnterprise).toMatch(/mutual accountability/);
    // Four member entities, and the owner's account, which is none of them.
    expect(r.body.round.results).toMatchObject({ responses: 0, invited: 5, threshold: 3 });
  });
});

describe('answering', () => {
  it("keeps a member's answer to themself: others see only the count below the threshold", async () => {
    const r = await answer(pat, {
      scores: scores(2),
      comments: { participation: SECRET },
      shareComments: true,
    });
    expect(r.status).toBe(200);
    expect(r.body.round.myAnswer).toMatchObject({
      scores: scores(2),
      comments: { participation: SECRET },
      shareComments: true,
    });
    for (const client of [fran, owner, quinn, viewer]) {
      const seen = await roundOf(client);
      expect(seen.results).toEqual({
        responses: 1,
        invited: 5,
        responseRate: 0.2,
        threshold: 3,
        visible: false,
        elements: null,
        comments: null,
      });
      expect(seen.myAnswer).toBeNull();
      expect(JSON.stringify(await list(client))).not.toContain(SECRET);
    }
  });

  it('refuses a forged member or account, and changes nothing', async () => {
    for (const forged of [{ memberId: 'm-quinn' }, { userId: quinn.userId }]) {
      const r = await answer(pat, { scores: scores(5), ...forged });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/the server records who answers/);
    }
    expect((await roundOf(quinn)).myAnswer).toBeNull();
    expect((await roundOf(pat)).myAnswer.scores).toEqual(scores(2));
    expect((await roundOf(pat)).results.responses).toBe(1);
  });

  it('refuses out-of-range, missing and unknown scores with the field, and changes nothing', async () => {
    const high = await answer(pat, { scores: { ...scores(3), identity: 6 } });
    expect(high.status).toBe(400);
    expect(high.body.error).toMatchObject({
      field: 'scores.identity',
      message: 'scores.identity: must be a whole number from 1 to 5',
    });
    const half = await answer(pat, { scores: { ...scores(3), participation: 2.5 } });
    expect(half.body.error.field).toBe('scores.participation');
    const { identity: _, ...five } = scores(3);
    const missing = await answer(pat, { scores: five });
    expect(missing.body.error.message).toMatch(/scores.identity: is missing/);
    const unknown = await answer(pat, { scores: { ...scores(3), vibes: 4 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown element 'vibes'/);
    expect((await roundOf(pat)).myAnswer.scores).toEqual(scores(2));
  });

  it('refuses viewers, strangers, anonymous callers and unknown rounds', async () => {
    const v = await answer(viewer, { scores: scores(4) });
    expect(v.status).toBe(403);
    expect(v.body.error.message).toMatch(/viewers can read/);
    expect((await list(viewer)).canAnswer).toBe(false);
    expect((await answer(stranger, { scores: scores(4) })).status).toBe(403);
    expect((await stranger.call('GET', path())).status).toBe(403);
    expect((await answer(new ApiClient(t.base), { scores: scores(4) })).status).toBe(401);
    expect((await answer(pat, { scores: scores(4) }, 'hc_nope')).status).toBe(404);
    expect((await roundOf(fran)).results.responses).toBe(1);
  });

  it('shows aggregates to everyone once the threshold is met, and each their own answer', async () => {
    expect((await answer(quinn, { scores: scores(4) })).status).toBe(200);
    expect((await roundOf(fran)).results.visible).toBe(false);
    expect(
      (await answer(fran, { scores: { ...scores(5), identity: 3 }, comments: { identity: 'ok' } }))
        .status,
    ).toBe(200);
    const seen = await roundOf(owner);
    expect(seen.results).toMatchObject({
      responses: 3,
      invited: 5,
      responseRate: 0.6,
      visible: true,
    });
    expect(seen.results.elements[0]).toEqual({
      id: 'jointEnterprise',
      mean: 3.67,
      median: 4,
      distribution: [0, 1, 0, 1, 1],
    });
    expect(seen.results.elements[5]).toMatchObject({ id: 'identity', mean: 3, median: 3 });
    // Pat shared their comment, without a name; Fran did not share hers.
    expect(seen.results.comments).toEqual({ participation: [SECRET] });
    expect((await roundOf(quinn)).myAnswer.scores).toEqual(scores(4));
  });

  it('lets a member change and withdraw their answer while the round is open', async () => {
    await answer(pat, { scores: scores(5) });
    const changed = await roundOf(fran);
    expect(changed.results.responses).toBe(3);
    expect(changed.results.elements[0].mean).toBe(4.67);
    expect(changed.results.comments).toEqual({});
    const withdrawn = await pat.call('DELETE', `${path()}/${round}/answer`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.round.myAnswer).toBeNull();
    expect(withdrawn.body.round.results).toMatchObject({
      responses: 2,
      visible: false,
      elements: null,
    });
    await answer(pat, {
      scores: scores(2),
      comments: { participation: SECRET },
      shareComments: true,
    });
  });

  it('keeps every answer out of the synced graph document', async () => {
    const provider = await connectProvider(t.ws, `${ws}/graph`, await quinn.token());
    try {
      await acknowledged(provider);
      const state = Y.encodeStateAsUpdate(provider.document);
      // Every string the document holds (entities, relations, settings), as Yjs encodes them.
      const text = Buffer.from(state).toString('utf8');
      expect(text).toContain('rua@example.org');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(round);
      expect(text).not.toContain('Term 2 check');
      expect(text).not.toContain('jointEnterprise');
    } finally {
      provider.destroy();
    }
  });
});

describe('closing a round', () => {
  it('is for facilitators, fixes the count asked, and takes no more answers', async () => {
    expect((await pat.call('POST', `${path()}/${round}/close`)).status).toBe(403);
    const closed = await fran.call('POST', `${path()}/${round}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.round).toMatchObject({ status: 'closed', results: { invited: 5 } });
    const late = await answer(quinn, { scores: scores(1) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/closed/);
    expect((await roundOf(quinn)).myAnswer.scores).toEqual(scores(4));
    expect((await pat.call('DELETE', `${path()}/${round}/answer`)).status).toBe(409);
    expect((await fran.call('POST', `${path()}/${round}/close`)).status).toBe(409);
    expect((await roundOf(fran)).results.responses).toBe(3);
  });
});
