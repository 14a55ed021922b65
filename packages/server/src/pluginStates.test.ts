import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from './testing/harness.ts';

// The workspace's one record of enabled plugins, over the real server and its SQLite store.
let t: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let viewer: ApiClient;
let ws: string;

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Olive');
  editor = await ApiClient.signUp(t.base, 'Eddie');
  viewer = await ApiClient.signUp(t.base, 'Vera');
  ws = (await owner.call('POST', '/api/workspaces', { name: 'Leaders' })).body.workspace.id;
  for (const [client, role] of [
    [editor, 'editor'],
    [viewer, 'viewer'],
  ] as const) {
    const { invitation } = (await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role }))
      .body;
    await client.call('POST', `/api/invitations/${invitation.token}/accept`);
  }
});
afterAll(() => t.stop());

const states = async (client: ApiClient) =>
  (await client.call('GET', `/api/workspaces/${ws}/plugins`)).body.plugins as {
    pluginId: string;
    enabled: boolean;
    locked: boolean;
    changedByName: string | null;
  }[];
const set = (client: ApiClient, pluginId: string, body: unknown) =>
  client.call('PUT', `/api/workspaces/${ws}/plugins/${pluginId}`, body);

describe('enabled plugins, one record on the server', () => {
  it('an editor turns a plugin off and every member sees who did', async () => {
    expect((await set(editor, 'acme.timeline', { enabled: false })).status).toBe(200);
    expect(await states(viewer)).toEqual([
      expect.objectContaining({
        pluginId: 'acme.timeline',
        enabled: false,
        locked: false,
        changedByName: 'Eddie',
      }),
    ]);
    expect((await owner.call('GET', `/api/workspaces/${ws}/plugins`)).body.enabled).toEqual([]);
  });

  it('an owner locks a plugin on; an editor can then neither turn it off nor unlock it', async () => {
    expect((await set(owner, 'repertoire.meetings', { enabled: true, locked: true })).status).toBe(
      200,
    );
    const off = await set(editor, 'repertoire.meetings', { enabled: false });
    expect(off.status).toBe(403);
    expect(off.body.error.message).toMatch(/owner locked repertoire\.meetings on/);
    expect((await set(editor, 'repertoire.meetings', { locked: false })).status).toBe(403);
    const meetings = (await states(editor)).find((s) => s.pluginId === 'repertoire.meetings');
    expect(meetings).toMatchObject({ enabled: true, locked: true, changedByName: 'Olive' });
    // The owner may still change it, and unlock it.
    expect((await set(owner, 'repertoire.meetings', { locked: false })).status).toBe(200);
    expect((await set(editor, 'repertoire.meetings', { enabled: false })).status).toBe(200);
  });

  it('a viewer changes nothing', async () => {
    const before = await states(owner);
    expect((await set(viewer, 'acme.timeline', { enabled: true })).status).toBe(403);
    expect(await states(owner)).toEqual(before);
  });

  it('refuses bad input with the field named, changing nothing', async () => {
    const before = await states(owner);
    for (const [id, body, field] of [
      ['acme.timeline', { enabled: 'yes' }, 'enabled'],
      ['acme.timeline', { colour: 'red' }, 'colour'],
      ['acme.timeline', {}, 'body'],
      ['not-a-plugin-id', { enabled: true }, 'pluginId'],
    ] as const) {
      const r = await set(owner, id, body);
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    expect(await states(owner)).toEqual(before);
  });

  it("the owner's whole list keeps locks and records who set it", async () => {
    await set(owner, 'acme.locked', { enabled: false, locked: true });
    expect(
      (await owner.call('PUT', `/api/workspaces/${ws}/plugins`, { enabled: ['acme.timeline'] }))
        .status,
    ).toBe(200);
    const after = await states(editor);
    expect(after.find((s) => s.pluginId === 'acme.timeline')).toMatchObject({ enabled: true });
    expect(after.find((s) => s.pluginId === 'acme.locked')).toMatchObject({
      enabled: false,
      locked: true,
    });
    expect(after.every((s) => s.changedByName === 'Olive')).toBe(true);
  });
});
