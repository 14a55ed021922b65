import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiClient,
  connectProvider,
  eventually,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';
import { RawSyncClient } from './testing/rawSyncClient.ts';

let t: TestServer;
let owner: ApiClient;
let ws: string;

beforeAll(async () => {
  t = await startTestServer({
    limits: { maxMessageBytes: 64 * 1024, maxDocumentsPerConnection: 2, messagesPerSecond: 5 },
  });
  owner = await ApiClient.signUp(t.base, 'Owner');
  ws = (await owner.call('POST', '/api/workspaces', { name: 'Limits' })).body.workspace.id;
});
afterAll(() => t.stop());

async function storedText(name: string): Promise<string> {
  const doc = new Y.Doc();
  const stored = await t.server.services.documents.load(name);
  if (stored) Y.applyUpdate(doc, stored);
  return doc.getText('t').toString();
}

function decodes(bytes: Uint8Array): boolean {
  try {
    Y.decodeUpdate(bytes);
    return true;
  } catch {
    return false;
  }
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('limits and bad input', () => {
  it('closes a connection that sends an oversized frame with 1009 and changes nothing', async () => {
    const name = `${ws}/doc/big`;
    const client = new RawSyncClient(`${t.ws}/sync`);
    await client.authenticate(name, await owner.token());
    client.sendUpdate(name, textUpdate('x'.repeat(100 * 1024)));
    expect((await client.closed).code).toBe(1009);
    expect(await storedText(name)).toBe('');
  });

  it('fuzzed malformed frames close the connection with a clear reason and change nothing', async () => {
    const name = `${ws}/doc/fuzz`;
    const writer = await connectProvider(t.ws, name, await owner.token());
    writer.document.getText('t').insert(0, 'intact');
    await eventually(async () => (await storedText(name)) === 'intact', 5000, 'stored');
    writer.destroy();
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 30; round++) {
      const client = new RawSyncClient(`${t.ws}/sync`);
      await client.authenticate(name, await owner.token());
      let garbage = Uint8Array.from({ length: 1 + (random() % 64) }, () => random() % 256);
      // Only bytes that are not a Yjs update at all (some short random runs happen to decode).
      while (decodes(garbage))
        garbage = Uint8Array.from({ length: 1 + (random() % 64) }, () => random() % 256);
      // Half the rounds wrap garbage as a sync update, the rest send any bytes at all.
      if (round % 2 === 0) client.sendUpdate(name, garbage);
      else client.send(name, garbage);
      const outcome = await Promise.race([
        client.closed,
        new Promise((r) => setTimeout(() => r('open'), 300)),
      ]);
      if (round % 2 === 0) expect(outcome).toEqual({ code: 4400, reason: 'Malformed message' });
      client.socket.terminate();
    }
    expect(await storedText(name)).toBe('intact');
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });

  it('refuses more documents on one connection than allowed', async () => {
    const client = new RawSyncClient(`${t.ws}/sync`);
    const token = await owner.token();
    await client.authenticate(`${ws}/doc/one`, token);
    await client.authenticate(`${ws}/doc/two`, token);
    await client.authenticate(`${ws}/doc/three`, token);
    const text = client.received.map((m) => Buffer.from(m).toString('latin1')).join('\n');
    expect(text).toContain('Too many documents on one connection');
    client.socket.terminate();
  });

  it('closes a connection that sends faster than the rate limit with 4429', async () => {
    const name = `${ws}/doc/rate`;
    const client = new RawSyncClient(`${t.ws}/sync`);
    await client.authenticate(name, await owner.token());
    const doc = new Y.Doc();
    let last = Y.encodeStateVector(doc);
    for (let i = 0; i < 60; i++) {
      doc.getText('t').insert(0, 'a');
      client.sendUpdate(name, Y.encodeStateAsUpdate(doc, last));
      last = Y.encodeStateVector(doc);
    }
    expect(await client.closed).toEqual({ code: 4429, reason: 'Rate limit exceeded' });
  });
});
