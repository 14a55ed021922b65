import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createGraphDoc, graphMaps, Workspace } from '@repertoire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

let t: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let workspaceId: string;
let graph: string;
let keeper: HocuspocusProvider;

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Olive');
  editor = await ApiClient.signUp(t.base, 'Eddie');
  workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Reading circle' })).body
    .workspace.id;
  graph = `${workspaceId}/graph`;
  const invitation = (
    await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'editor' })
  ).body.invitation;
  await editor.call('POST', `/api/invitations/${invitation.token}/accept`);
  // A valid graph to start from, made by the owner through the core over a real provider.
  const p = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
  const ws = serverWorkspace(p.document, owner.userId);
  ws.createEntity({ id: 'ana', kind: 'member', title: 'Ana', fields: { role: 'member' } });
  ws.createEntity({ id: 'circles', kind: 'practice', title: 'Reading circles' });
  await acknowledged(p);
  // Kept open, so the graph stays loaded on the server for the whole file.
  keeper = p;
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

function live(): Y.Doc {
  return t.server.hocuspocus.hocuspocus.documents.get(graph) as Y.Doc;
}

/** The update that `change` makes to a copy of the server's graph, as a raw client would send it. */
function updateFrom(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = createGraphDoc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live()));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Sends `update` from a raw editor client over `/sync`; resolves with how the socket closed. */
async function sendRaw(update: Uint8Array, as = editor): Promise<{ code: number; reason: string }> {
  const client = new RawSyncClient(`${t.ws}/sync`);
  await client.authenticate(graph, await as.token());
  client.sendUpdate(graph, update);
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

const entity = (doc: Y.Doc, id: string, fields: Record<string, unknown>) => {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  graphMaps(doc).entities.set(id, map);
};
const relations = (doc: Y.Doc) => graphMaps(doc).relations as unknown as Y.Map<unknown>;
const stamp = () => ({ by: editor.userId, at: Date.now() });

/** Every way a probe of the server broke the graph, each refused with its reason. */
const attacks: [string, (doc: Y.Doc) => void, RegExp][] = [
  [
    "a field that breaks the kind's schema",
    (doc) =>
      entity(doc, 'bad-role', {
        kind: 'member',
        title: 'X',
        'f:role': 'wizard',
        created: stamp(),
        updated: stamp(),
      }),
    /bad-role.*Role is invalid/,
  ],
  [
    'an unknown kind',
    (doc) =>
      entity(doc, 'ghost', { kind: 'ghost', title: 'Boo', created: stamp(), updated: stamp() }),
    /unknown entity kind "ghost"/,
  ],
  [
    'a relation to a missing entity',
    (doc) => relations(doc).set('ana|practises|nobody', stamp()),
    /no entity "nobody"/,
  ],
  [
    'a relation of an unknown type',
    (doc) => relations(doc).set('ana|haunts|circles', stamp()),
    /unknown relation kind "haunts"/,
  ],
  [
    'a relation of a type the kinds do not allow',
    (doc) => relations(doc).set('circles|mentors|ana', stamp()),
    /cannot start from a practice/,
  ],
  [
    'a 5 MB title',
    (doc) =>
      entity(doc, 'huge', {
        kind: 'member',
        title: 'x'.repeat(5_000_000),
        created: stamp(),
        updated: stamp(),
      }),
    /title is too long/,
  ],
  [
    'maps nested 3,000 deep',
    (doc) => {
      // Attached level by level: a 3,000-deep map built before attaching overflows Yjs's stack.
      let inner = graphMaps(doc).entities.get('ana') as Y.Map<unknown>;
      for (let i = 0; i < 3000; i++) {
        inner.set(i === 0 ? 'f:identity' : 'deeper', new Y.Map<unknown>());
        inner = inner.get(i === 0 ? 'f:identity' : 'deeper') as Y.Map<unknown>;
      }
    },
    /nested values are not allowed/,
  ],
  [
    'a string where an entity map belongs',
    (doc) => (graphMaps(doc).entities as Y.Map<unknown>).set('x', 'not a map'),
    /entity "x" holds a string, not an entity/,
  ],
  [
    'a null relation',
    (doc) => relations(doc).set('ana|practises|circles', null),
    /holds null, not a relation/,
  ],
  [
    'a shared type the graph does not have',
    (doc) => doc.getArray('items').push(['junk']),
    /no "items"/,
  ],
  [
    'a setting that is not true or false',
    (doc) => graphMaps(doc).settings.set('enabled:repertoire.community', 'yes'),
    /setting "enabled:repertoire.community" is true or false/,
  ],
  [
    'a plugins-changed signal that is not a time',
    (doc) => graphMaps(doc).settings.set('pluginsChangedAt', 'soon'),
    /setting "pluginsChangedAt" is a time in milliseconds/,
  ],
  [
    'a setting no one declares',
    (doc) => graphMaps(doc).settings.set('theme', 'dark'),
    /setting "theme" is not a workspace setting/,
  ],
  [
    'a field the kind does not have',
    (doc) =>
      entity(doc, 'cycle', {
        kind: 'sample.inquiry-cycle/inquiry',
        title: 'Cycle 1',
        'f:question': 'How?',
        created: stamp(),
        updated: stamp(),
        'f:problem': 'nobody',
      }),
    /"problem" is not a field of sample\.inquiry-cycle\/inquiry/,
  ],
  [
    "a change of an entity's kind",
    (doc) => (graphMaps(doc).entities.get('ana') as Y.Map<unknown>).set('kind', 'practice'),
    /kind cannot change/,
  ],
];

describe('the server validates every graph update', () => {
  for (const [what, change, reason] of attacks) {
    it(`refuses ${what}: the sender's socket closes with 4422 and the graph is unchanged`, async () => {
      const storedBefore = await t.server.services.documents.load(graph);
      const stateBefore = Y.encodeStateVector(live());
      const closed = await sendRaw(updateFrom(change));
      expect(closed.code).toBe(4422);
      expect(closed.reason).toMatch(/^Invalid graph update: /);
      expect(closed.reason).toMatch(reason);
      expect(Y.encodeStateVector(live())).toEqual(stateBefore);
      expect(await t.server.services.documents.load(graph)).toEqual(storedBefore);
    }, 30_000);
  }

  it('accepts a relation to an entity deleted meanwhile (a concurrent delete; readers hide it)', async () => {
    const ws = serverWorkspace(keeper.document, owner.userId);
    ws.createEntity({ id: 'gone', kind: 'practice', title: 'Soon gone' });
    await acknowledged(keeper);
    // The editor links to 'gone' from a state where it exists; the owner deletes it first.
    const link = updateFrom((doc) => relations(doc).set('ana|practises|gone', stamp()));
    ws.deleteEntity('gone' as never);
    await acknowledged(keeper);
    expect(await sendRaw(link)).toEqual({ code: 0, reason: 'still open' });
    expect(relations(live()).has('ana|practises|gone')).toBe(true);
    expect(ws.relations({ from: 'ana' as never })).toHaveLength(0);
  });

  it("accepts the signal that the workspace's enabled plugins changed (the web app sends it on every change)", async () => {
    const signal = updateFrom((doc) => graphMaps(doc).settings.set('pluginsChangedAt', Date.now()));
    expect(await sendRaw(signal)).toEqual({ code: 0, reason: 'still open' });
    expect(typeof graphMaps(live()).settings.get('pluginsChangedAt')).toBe('number');
  });

  it("a member's valid edits through the core are accepted and reach the others", async () => {
    const a = await connectProvider(t.ws, graph, await editor.token(), createGraphDoc());
    const b = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
    const ws = serverWorkspace(a.document, editor.userId);
    ws.createEntity({
      id: 'eddie',
      kind: 'member',
      title: 'Eddie',
      fields: { expertise: ['phonics'] },
    });
    ws.link('eddie' as never, 'practises', 'circles' as never);
    ws.updateEntity('circles' as never, { title: 'Reading circles (weekly)' });
    ws.link('eddie' as never, 'mentors', 'ana' as never, { attributes: { since: '2026' } });
    await acknowledged(a);
    const seen = serverWorkspace(b.document, owner.userId);
    await eventually(() => seen.relations().length === 2, 5000, 'relations at the other member');
    expect(seen.getEntity('circles' as never)?.title).toBe('Reading circles (weekly)');
    a.destroy();
    b.destroy();
  });

  it("undoing a delete restores the entity with its author's stamps, and is accepted", async () => {
    const a = await connectProvider(t.ws, graph, await editor.token(), createGraphDoc());
    const ws = serverWorkspace(a.document, editor.userId);
    ws.deleteEntity('circles' as never);
    ws.stopCapturing();
    await acknowledged(a);
    expect(ws.undo()).toBe(true);
    await acknowledged(a);
    const restored = serverWorkspace(live(), 'server').getEntity('circles' as never);
    expect(restored?.createdBy).toBe(owner.userId);
    a.destroy();
  });

  it("accepts the undo of a delete of someone else's entity after the graph was unloaded", async () => {
    const other = (await owner.call('POST', '/api/workspaces', { name: 'Reloaded' })).body.workspace
      .id as string;
    const invitation = (
      await owner.call('POST', `/api/workspaces/${other}/invitations`, { role: 'editor' })
    ).body.invitation;
    await editor.call('POST', `/api/invitations/${invitation.token}/accept`);
    const name = `${other}/graph`;
    const byEditor = await connectProvider(t.ws, name, await editor.token(), createGraphDoc());
    serverWorkspace(byEditor.document, editor.userId).createEntity({
      id: 'walks',
      kind: 'practice',
      title: 'Learning walks',
    });
    await acknowledged(byEditor);
    byEditor.destroy();
    const doc = createGraphDoc();
    const first = await connectProvider(t.ws, name, await owner.token(), doc);
    const ws = serverWorkspace(doc, owner.userId);
    ws.deleteEntity('walks' as never);
    await acknowledged(first);
    first.destroy();
    const documents = t.server.hocuspocus.hocuspocus.documents;
    await eventually(() => !documents.has(name), 10_000, 'the graph unloads');
    // The restored entity carries the editor's stamps, which the reloaded graph must still know.
    const again = await connectProvider(t.ws, name, await owner.token(), doc);
    expect(ws.undo()).toBe(true);
    await acknowledged(again);
    const reloaded = serverWorkspace(documents.get(name) as Y.Doc, 'server');
    expect(reloaded.getEntity('walks' as never)?.createdBy).toBe(editor.userId);
    again.destroy();
  });

  it('refuses the same update over the y-websocket protocol', async () => {
    const update = updateFrom((doc) => (graphMaps(doc).entities as Y.Map<unknown>).set('y', 42));
    const stateBefore = Y.encodeStateVector(live());
    const token = await editor.token();
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const socket = new WebSocket(`${t.ws}/y/${graph}?token=${token}`);
      socket.on('open', () =>
        socket.send(new Uint8Array([0, 2, ...varUint(update.length), ...update])),
      );
      socket.on('close', (code, why) => resolve({ code, reason: why.toString() }));
    });
    expect(closed).toEqual({
      code: 4422,
      reason: 'Invalid graph update: entity "y" holds a number, not an entity',
    });
    expect(Y.encodeStateVector(live())).toEqual(stateBefore);
  });
});

describe('authorship stamps come from the authenticated member', () => {
  it("refuses an editor's entity stamped as created by the owner at time 0", async () => {
    const forged = { by: owner.userId, at: 0 };
    const closed = await sendRaw(
      updateFrom((doc) =>
        entity(doc, 'forged', { kind: 'member', title: 'F', created: forged, updated: forged }),
      ),
    );
    expect(closed.code).toBe(4422);
    expect(closed.reason).toMatch(/created names another member/);
    expect(graphMaps(live()).entities.has('forged')).toBe(false);
  });

  it('refuses a stamp with the sender but a time long before their account existed', async () => {
    const old = { by: editor.userId, at: 0 };
    const closed = await sendRaw(
      updateFrom((doc) =>
        entity(doc, 'old', { kind: 'member', title: 'O', created: old, updated: old }),
      ),
    );
    expect(closed.reason).toMatch(/created: the time 0 is not now/);
  });

  it('refuses rewriting who created an existing entity, or who made a relation', async () => {
    const created = await sendRaw(
      updateFrom((doc) =>
        (graphMaps(doc).entities.get('ana') as Y.Map<unknown>).set('created', stamp()),
      ),
    );
    expect(created.reason).toMatch(/created stamp cannot change/);
    const relation = await sendRaw(
      updateFrom((doc) =>
        relations(doc).set('ana|practises|circles', { by: owner.userId, at: Date.now() }),
      ),
    );
    expect(relation.reason).toMatch(/names another member/);
  });

  it("accepts the sender's own stamps", async () => {
    const closed = await sendRaw(
      updateFrom((doc) =>
        entity(doc, 'honest', { kind: 'member', title: 'H', created: stamp(), updated: stamp() }),
      ),
    );
    expect(closed).toEqual({ code: 0, reason: 'still open' });
    expect(graphMaps(live()).entities.has('honest')).toBe(true);
  });
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
