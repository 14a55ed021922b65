import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

describe('compaction on load', { timeout: 20_000 }, () => {
  it('a document whose update log grew long (crashes before compaction) is compacted when it loads', async () => {
    const owner = await ApiClient.signUp(t.base, 'Owner');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'Logged' })).body.workspace.id;
    const name = `${ws}/doc/long`;
    // What a server that was killed before every debounced store leaves behind: only appends.
    const { documents } = t.server.services;
    const writer = new Y.Doc();
    for (let i = 0; i < 1200; i++) {
      const before = Y.encodeStateVector(writer);
      writer.getArray<number>('items').push([i]);
      await documents.append(name, Y.encodeStateAsUpdate(writer, before));
    }
    expect(await documents.pendingUpdates(name)).toBe(1200);

    const provider = await connectProvider(t.ws, name, await owner.token());
    expect(provider.document.getArray('items').length).toBe(1200);
    await eventually(async () => (await documents.pendingUpdates(name)) === 0, 5000, 'compaction');
    const stored = new Y.Doc();
    await documents.loadInto(name, stored);
    expect(stored.getArray('items').toArray()).toEqual(writer.getArray('items').toArray());
    provider.destroy();
  });

  it('a short log is left for the usual compaction', async () => {
    const owner = await ApiClient.signUp(t.base, 'Short');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'Short' })).body.workspace.id;
    const name = `${ws}/doc/short`;
    const writer = new Y.Doc();
    for (let i = 0; i < 10; i++) {
      const before = Y.encodeStateVector(writer);
      writer.getArray<number>('items').push([i]);
      await t.server.services.documents.append(name, Y.encodeStateAsUpdate(writer, before));
    }
    const provider = await connectProvider(t.ws, name, await owner.token());
    expect(provider.document.getArray('items').length).toBe(10);
    expect(await t.server.services.documents.pendingUpdates(name)).toBe(10);
    provider.destroy();
  });
});
