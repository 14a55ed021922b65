import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  acknowledged,
  connectProvider,
  startTestServer,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** The value of one un-labelled series in Prometheus text. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no series ${name} in /metrics`);
  return Number(line.slice(name.length + 1));
}

describe('health and metrics', () => {
  it('/healthz reports ok with the store, connections and open documents', async () => {
    const response = await fetch(`${t.base}/healthz`);
    expect(response.status).toBe(200);
    const store = process.env.REPERTOIRE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
    expect(await response.json()).toMatchObject({ status: 'ok', store, connections: 0 });
  });

  it('/metrics counts connections, open documents, traffic and store latency', async () => {
    const owner = await ApiClient.signUp(t.base, 'Metra');
    const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Counted' })).body
      .workspace.id as string;
    const provider = await connectProvider(t.ws, `${workspaceId}/doc/m`, () => owner.token());
    provider.document.getText('t').insert(0, 'measured');
    await acknowledged(provider);
    const response = await fetch(`${t.base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE repertoire_connections gauge');
    expect(sample(text, 'repertoire_connections')).toBe(1);
    expect(sample(text, 'repertoire_documents_open')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'repertoire_messages_received_total')).toBeGreaterThan(0);
    expect(sample(text, 'repertoire_bytes_received_total')).toBeGreaterThan(0);
    expect(sample(text, 'repertoire_messages_sent_total')).toBeGreaterThan(0);
    expect(sample(text, 'repertoire_store_seconds_count')).toBeGreaterThan(0);
    expect(sample(text, 'repertoire_errors_total')).toBe(0);
    // prom-client's process figures beside ours.
    expect(sample(text, 'repertoire_process_resident_memory_bytes')).toBeGreaterThan(0);
    provider.destroy();
  });
});
