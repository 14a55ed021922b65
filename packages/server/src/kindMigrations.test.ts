// Entity kinds with versioned field migrations, over the real server and real sockets: a plugin
// installed on the server changed its kind's fields (version 2), and clients still write the
// version 1 shape. The server validates the migrated fields, accepts old-shape writes that
// migrate to valid ones, and refuses an entity claiming a version the server does not know.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createGraphDoc, graphMaps, Workspace } from '@repertoire/core';
import { type TempDir, tempDir } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { repairGraphDocument } from './sync/graphRepair.ts';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

// Version 1 had `level` (novice | expert); version 2 calls it `stage`, says 'beginner' for
// 'novice', and requires `since`.
const readerKind = {
  kind: 'acme.readers/reader',
  label: 'Reader',
  pluralLabel: 'Readers',
  icon: 'book',
  colour: '#555',
  fields: [
    { name: 'stage', label: 'Stage', type: 'enum', options: ['beginner', 'expert'] },
    { name: 'since', label: 'Since', type: 'date', required: true },
  ],
  version: 2,
  migrations: [
    {
      version: 2,
      steps: [
        { rename: { from: 'level', to: 'stage' } },
        { mapValues: { field: 'stage', values: { novice: 'beginner' } } },
        { default: { field: 'since', value: '2024-01-01' } },
      ],
    },
  ],
};

// Version 1 of `recommends` said `why`; version 2 says `reason`.
const recommendsKind = {
  type: 'acme.readers/recommends',
  label: 'recommends',
  from: ['acme.readers/reader'],
  to: ['acme.readers/reader'],
  version: 2,
  migrations: [{ version: 2, steps: [{ rename: { from: 'why', to: 'reason' } }] }],
};

/** A plugin directory's package.json for the manifest `repertoire`. */
function writePlugin(dir: string, name: string, repertoire: Record<string, unknown>): void {
  mkdirSync(join(dir, name));
  writeFileSync(
    join(dir, name, 'package.json'),
    JSON.stringify({
      name,
      version: '2.0.0',
      repertoire: {
        displayName: name,
        version: '2.0.0',
        engines: { repertoire: '^1.0.0' },
        main: 'index.js',
        ...repertoire,
      },
    }),
  );
}

let plugins: TempDir;
let t: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let graph: string;
let keeper: HocuspocusProvider;

beforeAll(async () => {
  plugins = await tempDir('repertoire-kind-plugins-');
  writePlugin(plugins.path, 'readers', {
    id: 'acme.readers',
    contributes: { entityKinds: [readerKind], relationKinds: [recommendsKind] },
  });
  // A third party's kind without its prefix: the manifest is invalid, so the server knows no
  // `shadow` kind (and no plugin can shadow a built-in's short name).
  writePlugin(plugins.path, 'shadows', {
    id: 'acme.shadows',
    contributes: { entityKinds: [{ ...readerKind, kind: 'shadow' }] },
  });
  t = await startTestServer({ pluginsDir: plugins.path });
  owner = await ApiClient.signUp(t.base, 'Olive');
  editor = await ApiClient.signUp(t.base, 'Eddie');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Readers' })).body
    .workspace.id;
  graph = `${workspaceId}/graph`;
  const invitation = (
    await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'editor' })
  ).body.invitation;
  await editor.call('POST', `/api/invitations/${invitation.token}/accept`);
  // Kept open, so the graph stays loaded on the server for the whole file.
  keeper = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
});
afterAll(async () => {
  keeper.destroy();
  await t.stop();
  await plugins.dispose();
});

function live(): Y.Doc {
  return t.server.hocuspocus.hocuspocus.documents.get(graph) as Y.Doc;
}

/** A Workspace over `doc` that knows the kinds the server knows (the plugin's version 2). */
function serverWorkspace(doc: Y.Doc, user: string): Workspace {
  const ws = new Workspace(doc, { user });
  for (const k of t.server.services.graphGuard.kinds.entityKinds()) ws.registerEntityKind(k);
  return ws;
}

/**
 * Sends, as a raw editor client, the update that writes entity `id` with `keys` (an old client's
 * shape, no core involved); resolves with how the socket closed, or 'accepted' once the server's
 * graph holds what it wrote.
 */
async function writeRaw(
  id: string,
  keys: Record<string, unknown>,
): Promise<{ code: number; reason: string } | 'accepted'> {
  const doc = createGraphDoc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live()));
  const before = Y.encodeStateVector(doc);
  const existing = graphMaps(doc).entities.get(id);
  const map = existing ?? new Y.Map<unknown>();
  const stamp = { by: editor.userId, at: Date.now() };
  doc.transact(() => {
    if (!existing) graphMaps(doc).entities.set(id, map);
    if (!existing) map.set('created', stamp);
    map.set('updated', stamp);
    for (const [k, v] of Object.entries(keys)) map.set(k, v);
  });
  const client = new RawSyncClient(`${t.ws}/sync`);
  await client.authenticate(graph, await editor.token());
  client.sendUpdate(graph, Y.encodeStateAsUpdate(doc, before));
  const landed = () => {
    const stored = graphMaps(live()).entities.get(id);
    return !!stored && Object.entries(keys).every(([k, v]) => stored.get(k) === v);
  };
  try {
    return await Promise.race([
      client.closed,
      eventually(landed, 10_000, 'the update to land').then(() => 'accepted' as const),
    ]);
  } finally {
    client.socket.close();
  }
}

describe('the server and kinds with field migrations', () => {
  it("accepts an old client's version 1 entity, which reads back in the version 2 shape", async () => {
    const result = await writeRaw('ann', {
      kind: 'acme.readers/reader',
      title: 'Ann',
      'f:level': 'novice',
    });
    expect(result).toBe('accepted');
    // Stored as the old client wrote it…
    expect(graphMaps(live()).entities.get('ann')?.get('f:level')).toBe('novice');
    // …and read migrated by a current client over its own provider.
    const reader = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
    const ws = serverWorkspace(reader.document, owner.userId);
    expect(ws.getEntity('ann' as never)?.fields).toEqual({
      stage: 'beginner',
      since: '2024-01-01',
    });
    reader.destroy();
  });

  it('refuses an old-shape entity whose migrated fields break the kind, with 4422 naming the field', async () => {
    const stateBefore = Y.encodeStateVector(live());
    const result = await writeRaw('bea', {
      kind: 'acme.readers/reader',
      title: 'Bea',
      'f:level': 'wizard',
    });
    expect(result).toMatchObject({
      code: 4422,
      reason: expect.stringMatching(/"bea".*Stage is invalid/),
    });
    expect(Y.encodeStateVector(live())).toEqual(stateBefore);
  });

  it('refuses an entity claiming a newer version of the kind than the server has, with 4422', async () => {
    const stateBefore = Y.encodeStateVector(live());
    const result = await writeRaw('cy', {
      kind: 'acme.readers/reader',
      title: 'Cy',
      version: 3,
      'f:stage': 'expert',
      'f:since': '2025-01-01',
    });
    expect(result).toEqual({
      code: 4422,
      reason:
        'Invalid graph update: entity "cy": written at acme.readers/reader version 3, newer than the server\'s 2 (update the plugin)',
    });
    expect(graphMaps(live()).entities.has('cy')).toBe(false);
    expect(Y.encodeStateVector(live())).toEqual(stateBefore);
  });

  it("accepts the core's upgrade of every entity in one update, after which the old shape is refused", async () => {
    expect(
      await writeRaw('dan', { kind: 'acme.readers/reader', title: 'Dan', 'f:level': 'expert' }),
    ).toBe('accepted');
    const p = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
    const ws = serverWorkspace(p.document, owner.userId);
    const result = ws.upgradeEntities();
    expect(result.upgraded.map((e) => e.id).sort()).toEqual(['ann', 'dan']);
    await acknowledged(p);
    const dan = graphMaps(live()).entities.get('dan') as Y.Map<unknown>;
    expect(dan.get('version')).toBe(2);
    expect(dan.get('f:stage')).toBe('expert');
    expect(dan.has('f:level')).toBe(false);
    p.destroy();
    // An old client writing `level` on the upgraded entity is refused: it is no field at version 2.
    const late = await writeRaw('dan', { 'f:level': 'novice' });
    expect(late).toMatchObject({
      code: 4422,
      reason: expect.stringMatching(/"level" is not a field of acme\.readers\/reader/),
    });
  });
});

/** Like {@link writeRaw}, for the relation value under `key`. */
async function writeRawRelation(
  key: string,
  value: Record<string, unknown>,
): Promise<{ code: number; reason: string } | 'accepted'> {
  const doc = createGraphDoc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live()));
  const before = Y.encodeStateVector(doc);
  const stored = { by: editor.userId, at: Date.now(), ...value };
  doc.transact(() => graphMaps(doc).relations.set(key, stored as never));
  const client = new RawSyncClient(`${t.ws}/sync`);
  await client.authenticate(graph, await editor.token());
  client.sendUpdate(graph, Y.encodeStateAsUpdate(doc, before));
  const landed = () =>
    JSON.stringify(graphMaps(live()).relations.get(key)) === JSON.stringify(stored);
  try {
    return await Promise.race([
      client.closed,
      eventually(landed, 10_000, 'the update to land').then(() => 'accepted' as const),
    ]);
  } finally {
    client.socket.close();
  }
}

describe('the server and namespaced, versioned relation kinds', () => {
  const key = 'eve|acme.readers/recommends|fay';

  it("accepts an old client's version 1 relation of a qualified type, read migrated", async () => {
    for (const who of ['eve', 'fay'])
      expect(
        await writeRaw(who, { kind: 'acme.readers/reader', title: who, 'f:since': '2024-02-02' }),
      ).toBe('accepted');
    expect(await writeRawRelation(key, { attrs: { why: 'kind' } })).toBe('accepted');
    const reader = await connectProvider(t.ws, graph, await owner.token(), createGraphDoc());
    const ws = serverWorkspace(reader.document, owner.userId);
    for (const k of t.server.services.graphGuard.kinds.relationKinds())
      if (k.type !== 'mentions') ws.registerRelationKind(k);
    expect(ws.getRelation(key as never)?.attributes).toEqual({ reason: 'kind' });
    reader.destroy();
  });

  it('refuses a relation claiming a newer version of its kind, or a malformed one, with 4422', async () => {
    const stateBefore = Y.encodeStateVector(live());
    // A close reason is cut at 123 bytes; the server's log holds the whole message.
    expect(await writeRawRelation(key, { attrs: { reason: 'x' }, version: 3 })).toMatchObject({
      code: 4422,
      reason: expect.stringMatching(
        /^Invalid graph update: relation "eve\|acme\.readers\/recommends\|fay": written at acme\.readers\/recommends version 3, newer/,
      ),
    });
    expect(await writeRawRelation(key, { version: 'two' })).toMatchObject({
      code: 4422,
      reason: expect.stringMatching(/the version is a whole number from 1/),
    });
    expect(Y.encodeStateVector(live())).toEqual(stateBefore);
  });

  it('knows no kind from a third-party manifest without its prefix, so writing it is refused', async () => {
    expect(t.server.services.graphGuard.kinds.entityKind('shadow')).toBeUndefined();
    expect(
      await writeRaw('gus', { kind: 'shadow', title: 'Gus', 'f:since': '2024-01-01' }),
    ).toEqual({
      code: 4422,
      reason: 'Invalid graph update: entity "gus": unknown entity kind "shadow"',
    });
  });
});

describe('the repair of stored graphs and outdated entities', () => {
  it('judges an outdated entity by its migrated fields and never removes what it stores', () => {
    const doc = createGraphDoc();
    const stamp = { by: 'someone', at: 1 };
    for (const [id, level] of [
      ['ok', 'novice'],
      ['bad', 'wizard'],
    ] as const) {
      const map = new Y.Map<unknown>();
      graphMaps(doc).entities.set(id, map);
      for (const [k, v] of Object.entries({
        kind: 'acme.readers/reader',
        title: id,
        created: stamp,
        updated: stamp,
      }))
        map.set(k, v);
      map.set('f:level', level);
    }
    const items = repairGraphDocument(doc, t.server.services.graphGuard.kinds);
    expect(items).toEqual([
      {
        map: 'entities',
        key: 'bad',
        field: 'f:stage',
        reason: expect.stringMatching(/Stage is invalid/),
        outdated: true,
        removed: false,
      },
    ]);
    expect(graphMaps(doc).entities.get('ok')?.get('f:level')).toBe('novice');
    expect(graphMaps(doc).entities.get('bad')?.get('f:level')).toBe('wizard');
  });
});
