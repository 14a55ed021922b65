import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { ApiClient, startTestServer, type TestServer } from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    limits: { maxImportBytes: 256 * 1024, maxWorkspaceBytes: 40 * 1024, maxUserBytes: 60 * 1024 },
  });
});
afterAll(() => t.stop());

/** A Yjs update of a text of `length` characters that do not compress. */
function textUpdate(length: number, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, randomBytes(length).toString('base64').slice(0, length));
  return Y.encodeStateAsUpdate(doc, before);
}

function archive(graph: Uint8Array): unknown {
  return {
    format: 'repertoire-workspace',
    version: 1,
    workspace: { id: 'w_any', name: 'Imported' },
    documents: { graph: Buffer.from(graph).toString('base64') },
  };
}

async function workspaces(client: ApiClient): Promise<number> {
  return (await client.call('GET', '/api/workspaces')).body.workspaces.length;
}

describe('import size and storage quotas', { timeout: 20_000 }, () => {
  it('an archive padded with zeros is stored as what it decodes to, not as sent', async () => {
    const member = await ApiClient.signUp(t.base, 'Padder');
    const padded = new Uint8Array(150 * 1024);
    padded.set(textUpdate(100));
    const r = await member.call('POST', '/api/workspaces/import', archive(padded));
    expect(r.status).toBe(201);
    expect(await t.server.services.documents.bytes(`${r.body.workspace.id}/`)).toBeLessThan(1024);
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      (await t.server.services.documents.load(`${r.body.workspace.id}/graph`)) as Uint8Array,
    );
    expect(doc.getText('t').length).toBe(100);
  });

  it('an import over the size limit is refused with 413 and stores nothing', async () => {
    const member = await ApiClient.signUp(t.base, 'Big');
    const r = await member.call(
      'POST',
      '/api/workspaces/import',
      archive(new Uint8Array(300 * 1024)),
    );
    expect(r.status).toBe(413);
    expect(await workspaces(member)).toBe(0);
  });

  it('one workspace may not be imported over the workspace quota', async () => {
    const member = await ApiClient.signUp(t.base, 'Wide');
    const r = await member.call('POST', '/api/workspaces/import', archive(textUpdate(50 * 1024)));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('quota_exceeded');
    expect(await workspaces(member)).toBe(0);
  });

  it("a member's imports stop at their own quota, and another member is unaffected", async () => {
    const member = await ApiClient.signUp(t.base, 'Hoarder');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await member.call('POST', '/api/workspaces/import', archive(textUpdate(25 * 1024))))
          .status,
      );
    expect(statuses).toEqual([201, 201, 413]);
    expect(await workspaces(member)).toBe(2);
    const other = await ApiClient.signUp(t.base, 'Other');
    expect(
      (await other.call('POST', '/api/workspaces/import', archive(textUpdate(25 * 1024)))).status,
    ).toBe(201);
  });

  it('live edits past the workspace quota close the connection and are not stored', async () => {
    const owner = await ApiClient.signUp(t.base, 'Writer');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'Live' })).body.workspace.id;
    const name = `${ws}/doc/notes`;
    const client = new RawSyncClient(`${t.ws}/sync`);
    await client.authenticate(name, await owner.token());
    const doc = new Y.Doc();
    for (let i = 0; i < 3; i++) client.sendUpdate(name, textUpdate(15 * 1024, doc));
    expect(await client.closed).toEqual({ code: 4413, reason: 'Workspace storage quota exceeded' });
    expect(await t.server.services.documents.bytes(`${ws}/`)).toBeLessThanOrEqual(40 * 1024);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await t.server.services.documents.load(name)) as Uint8Array);
    expect(stored.getText('t').length).toBe(30 * 1024);
  });

  it('live edits over y-websocket stop at the same workspace quota', async () => {
    const owner = await ApiClient.signUp(t.base, 'YWriter');
    const ws = (await owner.call('POST', '/api/workspaces', { name: 'YLive' })).body.workspace.id;
    const name = `${ws}/doc/notes`;
    const socket = new WebSocket(
      `${t.ws}/y/${name}?token=${encodeURIComponent(await owner.token())}`,
    );
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const doc = new Y.Doc();
    for (let i = 0; i < 3; i++) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, textUpdate(15 * 1024, doc));
      socket.send(encoding.toUint8Array(e));
    }
    expect(await closed).toEqual({ code: 4413, reason: 'Workspace storage quota exceeded' });
    // The two accepted edits are stored (on PostgreSQL the second may still be on the wire when
    // the socket closes), the refused one never.
    const storedLength = async () => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await t.server.services.documents.load(name)) as Uint8Array);
      return stored.getText('t').length;
    };
    await expect.poll(storedLength, { timeout: 5000 }).toBe(30 * 1024);
    await new Promise((r) => setTimeout(r, 200));
    expect(await storedLength()).toBe(30 * 1024);
  });
});
