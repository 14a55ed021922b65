// The life-phase and layer records of the built-in growth plugin (plugins/growth) at the trust
// boundary: the server knows their kinds from the built-in manifests, accepts them from an editor,
// and refuses a phase that is not one or evidence that is not a meeting or an artifact.
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createGraphDoc, graphMaps, Workspace } from '@repertoire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

let t: TestServer;
let editor: ApiClient;
let graph: string;
let keeper: HocuspocusProvider;

beforeAll(async () => {
  t = await startTestServer();
  const owner = await ApiClient.signUp(t.base, 'Olive');
  editor = await ApiClient.signUp(t.base, 'Eddie');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Maths circle' })).body
    .workspace.id;
  graph = `${workspaceId}/graph`;
  const invitation = (
    await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'editor' })
  ).body.invitation;
  await editor.call('POST', `/api/invitations/${invitation.token}/accept`);
  keeper = await connectProvider(t.ws, graph, await editor.token(), createGraphDoc());
  const ws = serverWorkspace(keeper.document, editor.userId);
  ws.createEntity({ id: 'ana', kind: 'member', title: 'Ana', fields: { role: 'member' } });
  ws.createEntity({
    id: 'm1',
    kind: 'meeting',
    title: 'Session 1',
    fields: { date: '2025-02-05' },
  });
  await acknowledged(keeper);
});
afterAll(async () => {
  keeper.destroy();
  await t.stop();
});

/** A Workspace over `doc` that knows the kinds the server knows. */
function serverWorkspace(doc: Y.Doc, user: string): Workspace {
  const ws = new Workspace(doc, { user });
  const kinds = t.server.services.graphGuard.kinds;
  for (const k of kinds.entityKinds()) ws.registerEntityKind(k);
  for (const r of kinds.relationKinds()) if (r.type !== 'mentions') ws.registerRelationKind(r);
  return ws;
}

const live = () => t.server.hocuspocus.hocuspocus.documents.get(graph) as Y.Doc;

/** Sends what `change` makes of a copy of the server's graph, as a raw editor client would. */
async function sendRaw(change: (doc: Y.Doc) => void): Promise<{ code: number; reason: string }> {
  const doc = createGraphDoc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live()));
  const before = Y.encodeStateVector(doc);
  change(doc);
  const client = new RawSyncClient(`${t.ws}/sync`);
  await client.authenticate(graph, await editor.token());
  client.sendUpdate(graph, Y.encodeStateAsUpdate(doc, before));
  return Promise.race([
    client.closed,
    new Promise<{ code: number; reason: string }>((resolve) =>
      setTimeout(() => {
        client.socket.close();
        resolve({ code: 0, reason: 'still open' });
      }, 3000),
    ),
  ]);
}

const stamp = () => ({ by: editor.userId, at: Date.now() });
const entity = (doc: Y.Doc, id: string, fields: Record<string, unknown>) => {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({ ...fields, created: stamp(), updated: stamp() }))
    map.set(k, v);
  graphMaps(doc).entities.set(id, map);
};

describe('life-phase and layer records on the server', () => {
  it('accepts a phase and a layer reflection with its evidence and the member it notes', async () => {
    const ws = serverWorkspace(keeper.document, editor.userId);
    ws.createEntity({
      id: 'phase1',
      kind: 'life-phase',
      title: 'Coalescing since 2025-02-05',
      fields: { phase: 'coalescing', since: '2025-02-05', suggested: 'potential' },
    });
    ws.createEntity({
      id: 'term1',
      kind: 'layer-reflection',
      title: 'Term 1 2025: Breaking isolation',
      fields: { layer: 'breaking isolation', term: 'Term 1 2025', date: '2025-04-02' },
    });
    ws.link('term1' as never, 'evidenced-by', 'm1' as never);
    ws.link('term1' as never, 'notes-progress-of', 'ana' as never);
    await acknowledged(keeper);
    const relations = graphMaps(live()).relations;
    expect(relations.has('term1|evidenced-by|m1')).toBe(true);
    expect(relations.has('term1|notes-progress-of|ana')).toBe(true);
    expect(graphMaps(live()).entities.has('phase1')).toBe(true);
  }, 30_000);

  const refused: [string, (doc: Y.Doc) => void, RegExp][] = [
    [
      'a phase that is not one of the five',
      (doc) =>
        entity(doc, 'phase2', {
          kind: 'life-phase',
          title: 'Growing',
          'f:phase': 'growing',
          'f:since': '2025-03-01',
        }),
      /phase2.*Phase/,
    ],
    [
      'a reflection without its term',
      (doc) =>
        entity(doc, 'term2', {
          kind: 'layer-reflection',
          title: 'No term',
          'f:layer': 'breaking isolation',
          'f:date': '2025-06-01',
        }),
      /term2.*Term/,
    ],
    [
      'evidence that is a member, not a meeting or an artifact',
      (doc) =>
        (graphMaps(doc).relations as unknown as Y.Map<unknown>).set(
          'term1|evidenced-by|ana',
          stamp(),
        ),
      /evidenced-by/,
    ],
  ];
  for (const [what, change, reason] of refused)
    it(`refuses ${what}: 4422, and the graph is unchanged`, async () => {
      const before = Y.encodeStateVector(live());
      const closed = await sendRaw(change);
      expect(closed.code).toBe(4422);
      expect(closed.reason).toMatch(reason);
      expect(Y.encodeStateVector(live())).toEqual(before);
    }, 30_000);
});
