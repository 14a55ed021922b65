import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  eventually,
  graphWorkspace,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let ws: string;

beforeAll(async () => {
  t = await startTestServer({ snapshotIntervalMs: 0, activityWindowMs: 60_000 });
  owner = await ApiClient.signUp(t.base, 'Owner');
  editor = await ApiClient.signUp(t.base, 'Editor');
  ws = (await owner.call('POST', '/api/workspaces', { name: 'History' })).body.workspace.id;
  const invitation = (
    await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role: 'editor' })
  ).body.invitation;
  await editor.call('POST', `/api/invitations/${invitation.token}/accept`);
});
afterAll(() => t.stop());

function decode(base64: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(base64, 'base64')));
  return doc;
}

describe('history', () => {
  it('returns the graph as it was at a time, from snapshots taken as members work', async () => {
    const p = await connectProvider(t.ws, `${ws}/graph`, await owner.token());
    const graph = graphWorkspace(p.document, owner.userId);
    const ids = (doc: Y.Doc) => [...doc.getMap('entities').keys()].sort();
    graph.createEntity({ id: 'a', kind: 'domain', title: 'first' });
    await acknowledged(p);
    await eventually(
      async () => (await t.server.services.history.snapshots(ws)).length >= 1,
      5000,
      'auto snapshot',
    );
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    graph.createEntity({ id: 'b', kind: 'domain', title: 'second' });
    await acknowledged(p);
    await eventually(
      async () => (await t.server.services.history.snapshots(ws)).length >= 2,
      5000,
      'second snapshot',
    );
    const list = (await owner.call('GET', `/api/workspaces/${ws}/history/graph`)).body.snapshots;
    expect(list.every((s: { trigger: string }) => s.trigger === 'auto')).toBe(true);
    const then = (
      await owner.call('GET', `/api/workspaces/${ws}/history/graph/state?at=${between}`)
    ).body;
    expect(ids(decode(then.update))).toEqual(['a']);
    const before = (
      await owner.call('GET', `/api/workspaces/${ws}/history/graph/state?at=2000-01-01T00:00:00Z`)
    ).body;
    expect(before.snapshot).toBeNull();
    expect(decode(before.update).getMap('entities').size).toBe(0);
    const manual = (
      await editor.call('POST', `/api/workspaces/${ws}/history/graph`, { label: 'after meeting' })
    ).body.snapshot;
    expect(manual).toMatchObject({ trigger: 'manual', label: 'after meeting' });
    const byId = (
      await owner.call('GET', `/api/workspaces/${ws}/history/graph/state?snapshot=${manual.id}`)
    ).body;
    expect(ids(decode(byId.update))).toEqual(['a', 'b']);
    p.destroy();
  });

  it('keeps named versions of a document', async () => {
    const name = `${ws}/doc/notes`;
    const p = await connectProvider(t.ws, name, await editor.token());
    p.document.getText('t').insert(0, 'draft');
    await acknowledged(p);
    const v1 = (
      await editor.call('POST', `/api/workspaces/${ws}/documents/notes/versions`, { name: 'Draft' })
    ).body.version;
    p.document.getText('t').insert(5, ' and more');
    await acknowledged(p);
    const bad = await editor.call('POST', `/api/workspaces/${ws}/documents/notes/versions`, {
      name: '',
    });
    expect(bad.body.error.field).toBe('name');
    const versions = (await owner.call('GET', `/api/workspaces/${ws}/documents/notes/versions`))
      .body.versions;
    expect(versions.map((v: { name: string }) => v.name)).toEqual(['Draft']);
    const read = (
      await owner.call('GET', `/api/workspaces/${ws}/documents/notes/versions/${v1.id}`)
    ).body;
    expect(decode(read.update).getText('t').toString()).toBe('draft');
    p.destroy();
  });
});

describe('activity', () => {
  it('records which member changed which document, coalesced, from the server side', async () => {
    const name = `${ws}/doc/activity`;
    const a = await connectProvider(t.ws, name, await owner.token());
    const b = await connectProvider(t.ws, name, await editor.token());
    for (let i = 0; i < 5; i++) {
      a.document.getText('t').insert(0, 'o');
      await acknowledged(a);
    }
    b.document.getText('t').insert(0, 'e');
    await acknowledged(b);
    const activity = (
      await owner.call('GET', `/api/workspaces/${ws}/activity?document=${encodeURIComponent(name)}`)
    ).body.activity as { userId: string; updates: number }[];
    const byUser = Object.fromEntries(activity.map((r) => [r.userId, r.updates]));
    expect(activity).toHaveLength(2);
    expect(byUser[owner.userId]).toBe(5);
    expect(byUser[editor.userId]).toBe(1);
    const bad = await owner.call('GET', `/api/workspaces/${ws}/activity?since=yesterday`);
    expect(bad.body.error.field).toBe('since');
    a.destroy();
    b.destroy();
  });
});
