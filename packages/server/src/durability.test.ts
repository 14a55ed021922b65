import { fileURLToPath } from 'node:url';
import {
  freePort,
  startPostgresRetrying,
  startProcess,
  tempDir,
  waitForPort,
} from '@repertoire/testing';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiClient, connectProvider, eventually, graphWorkspace } from './testing/harness.ts';

const CHILD = fileURLToPath(new URL('./testing/serveChild.ts', import.meta.url));

async function startChild(dataDir: string, port: number, databaseUrl?: string) {
  const proc = startProcess(process.execPath, [
    CHILD,
    dataDir,
    String(port),
    ...(databaseUrl ? [databaseUrl] : []),
  ]);
  await waitForPort(port, 30_000);
  return proc;
}

it(
  'every acknowledged change survives kill -9 under write load (SQLite)',
  () => killUnderLoad(),
  90_000,
);

it('every acknowledged change survives kill -9 under write load (PostgreSQL, asynchronous store)', async () => {
  const postgres = await startPostgresRetrying();
  try {
    await killUnderLoad(postgres.url);
  } finally {
    await postgres.stop();
  }
}, 150_000);

async function killUnderLoad(databaseUrl?: string): Promise<void> {
  const dir = await tempDir('repertoire-kill-');
  const port = await freePort();
  let proc = await startChild(dir.path, port, databaseUrl);
  const base = `http://127.0.0.1:${port}`;
  const ws = `ws://127.0.0.1:${port}`;
  const owner = await ApiClient.signUp(base, 'Writer');
  const workspaceId = (await owner.call('POST', '/api/workspaces', { name: 'Load' })).body.workspace
    .id as string;
  const names = [`${workspaceId}/graph`, `${workspaceId}/doc/a`, `${workspaceId}/doc/b`];
  const token = await owner.token();
  const providers = await Promise.all(names.map((name) => connectProvider(ws, name, token)));
  const acked = names.map(() => new Set<string>());
  let running = true;

  // The graph takes entities (the server refuses anything else there); the documents take items.
  const pushers = providers.map((provider, d) => {
    if (d > 0) {
      const items = provider.document.getArray<string>('items');
      return (added: string[]) => items.push(added);
    }
    const graph = graphWorkspace(provider.document, owner.userId);
    return (added: string[]) =>
      graph.transact(() => {
        for (const id of added) graph.createEntity({ id, kind: 'domain', title: id });
      });
  });
  const writers = providers.map(async (provider, d) => {
    const push = pushers[d] as (added: string[]) => void;
    for (let i = 0; running; i++) {
      const item = `i${d}-${i}`;
      push([item]);
      const pushedAt = Date.now();
      while (running && provider.unsyncedChanges > 0 && Date.now() - pushedAt < 5000)
        await new Promise((r) => setTimeout(r, 2));
      if (provider.unsyncedChanges === 0 && running) acked[d]?.add(item);
      // Bigger batches now and then, so compaction also runs under load.
      if (i % 50 === 0) push(Array.from({ length: 20 }, (_, k) => `i${d}-${i}-bulk${k}`));
    }
  });

  await eventually(() => acked.every((set) => set.size > 150), 30_000, 'write load');
  proc.child.kill('SIGKILL');
  await new Promise((r) => proc.child.once('exit', r));
  running = false;
  await Promise.all(writers);
  for (const provider of providers) provider.destroy();

  proc = await startChild(dir.path, port, databaseUrl);
  try {
    const fresh = await owner.token();
    for (const [d, name] of names.entries()) {
      const reader = await connectProvider(ws, name, fresh, new Y.Doc());
      const present = new Set(
        d === 0
          ? reader.document.getMap('entities').keys()
          : reader.document.getArray<string>('items').toArray(),
      );
      const missing = [...(acked[d] as Set<string>)].filter((item) => !present.has(item));
      expect(missing, `acknowledged items of ${name} lost`).toEqual([]);
      expect((acked[d] as Set<string>).size).toBeGreaterThan(150);
      reader.destroy();
    }
  } finally {
    await proc.stop();
    await dir.dispose();
  }
}
