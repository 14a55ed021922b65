import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ApiClient,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let owner: ApiClient;
let viewer: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer();
  owner = await ApiClient.signUp(t.base, 'Olive');
  viewer = await ApiClient.signUp(t.base, 'Vic');
  workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Science' })).body.workspace
    .id;
  const invitation = (
    await owner.call('POST', `/api/workspaces/${workspaceId}/invitations`, { role: 'viewer' })
  ).body.invitation;
  await viewer.call('POST', `/api/invitations/${invitation.token}/accept`);
});
afterAll(() => t.stop());

function yProvider(name: string, token: string, doc = new Y.Doc()) {
  return new WebsocketProvider(`${t.ws}/y`, name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/** Opens a raw socket on the y-websocket path and resolves with how it was closed. */
function closeOf(
  name: string,
  token: string,
  send?: (ws: WebSocket) => void,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${t.ws}/y/${name}?token=${encodeURIComponent(token)}`);
    ws.on('open', () => send?.(ws));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

describe('y-websocket protocol on /y', () => {
  it('a y-websocket client and a Hocuspocus client converge on one document', async () => {
    const name = `${workspaceId}/doc/shared`;
    const h = await connectProvider(t.ws, name, await owner.token());
    const y = yProvider(name, await owner.token());
    await eventually(() => y.synced, 10_000, 'y-websocket sync');
    h.document.getText('t').insert(0, 'from hocuspocus. ');
    y.doc.getText('t').insert(0, 'from y-websocket. ');
    await eventually(
      () =>
        h.document.getText('t').toString() === y.doc.getText('t').toString() &&
        y.doc.getText('t').length === 35,
      10_000,
      'convergence',
    );
    y.destroy();
    h.destroy();
  });

  it('refuses a bad token with 4401 and a non-member with 4403', async () => {
    expect(await closeOf(`${workspaceId}/graph`, 'bad')).toEqual({
      code: 4401,
      reason: 'Unauthorized',
    });
    const stranger = await ApiClient.signUp(t.base, 'Stranger');
    const refused = await closeOf(`${workspaceId}/graph`, await stranger.token());
    expect(refused.code).toBe(4403);
  });

  it("closes a viewer's connection when it sends an update, and applies nothing", async () => {
    const name = `${workspaceId}/doc/viewer-y`;
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'viewer text');
    const update = Y.encodeStateAsUpdate(doc);
    const frame = new Uint8Array([0, 2, ...encodeVarUint(update.length), ...update]);
    const closed = await closeOf(name, await viewer.token(), (ws) => ws.send(frame));
    expect(closed).toEqual({ code: 4403, reason: 'Read-only: viewers cannot edit' });
    expect(await t.server.services.documents.load(name)).toBeNull();
  });

  it('closes on a malformed frame with 4400 and changes nothing', async () => {
    const name = `${workspaceId}/doc/fuzz-y`;
    const closed = await closeOf(name, await owner.token(), (ws) =>
      ws.send(new Uint8Array([0, 2, 200, 1, 2, 3])),
    );
    expect(closed).toEqual({ code: 4400, reason: 'Malformed message' });
    expect(await t.server.services.documents.load(name)).toBeNull();
  });
});

function encodeVarUint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
