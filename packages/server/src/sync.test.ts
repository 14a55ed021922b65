import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let owner: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Olive');
  workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Maths teachers' })).body
    .workspace.id;
});
afterAll(() => t.stop());

describe('sync over Hocuspocus', () => {
  it('two members editing one document converge', async () => {
    const editor = await ApiClient.signUp(t.base, 'Eddie');
    const invitation = (
      await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'editor' })
    ).body.invitation;
    expect((await editor.call('POST', `/api/invitations/${invitation.token}/accept`)).status).toBe(
      200,
    );
    const name = `${workspaceId}/doc/lesson-plan`;
    const a = await connectProvider(t.ws, name, () => owner.token());
    const b = await connectProvider(t.ws, name, () => editor.token());
    a.document.getText('t').insert(0, 'hello ');
    b.document.getText('t').insert(0, 'world ');
    await eventually(
      () =>
        a.document.getText('t').toString() === b.document.getText('t').toString() &&
        a.document.getText('t').length === 12,
      10_000,
      'convergence',
    );
    a.destroy();
    b.destroy();
  });

  it('refuses a bad token, a non-member and a name outside the naming scheme', async () => {
    await expect(connectProvider(t.ws, `${workspaceId}/graph`, 'not-a-token')).rejects.toThrow(
      'Unauthorized',
    );
    const stranger = await ApiClient.signUp(t.base, 'Stranger');
    await expect(
      connectProvider(t.ws, `${workspaceId}/graph`, await stranger.token()),
    ).rejects.toThrow('not a member');
    await expect(
      connectProvider(t.ws, `${workspaceId}/other`, await owner.token()),
    ).rejects.toThrow('not a document name');
  });

  it("a viewer's update is rejected by the server, not applied", async () => {
    const viewer = await ApiClient.signUp(t.base, 'Vera');
    const invitation = (
      await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'viewer' })
    ).body.invitation;
    await viewer.call('POST', `/api/invitations/${invitation.token}/accept`);
    const name = `${workspaceId}/doc/read-only`;
    const o = await connectProvider(t.ws, name, () => owner.token());
    o.document.getText('t').insert(0, 'by owner');
    await acknowledged(o);
    const v = await connectProvider(t.ws, name, () => viewer.token());
    await eventually(
      () => v.document.getText('t').toString() === 'by owner',
      5000,
      'viewer sees content',
    );
    v.document.getText('t').insert(0, 'VIEWER ');
    await new Promise((r) => setTimeout(r, 300));
    expect(o.document.getText('t').toString()).toBe('by owner');
    const live = t.server.hocuspocus.hocuspocus.documents.get(name);
    expect(live?.getText('t').toString()).toBe('by owner');
    o.destroy();
    v.destroy();
  });

  it('stores every acknowledged update before the acknowledgement', async () => {
    const name = `${workspaceId}/doc/durable`;
    const p = await connectProvider(t.ws, name, () => owner.token());
    p.document.getText('t').insert(0, 'kept');
    await acknowledged(p);
    const stored = await t.server.services.documents.load(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored as Uint8Array);
    expect(doc.getText('t').toString()).toBe('kept');
    p.destroy();
  });
});
