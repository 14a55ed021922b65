import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { PluginPermission } from '@repertoire/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  workspaceDocumentsBackend,
  workspaceGraphBackend,
  workspaceSettingsBackend,
} from '../coreBackend.ts';
import { MemoryLiveDocuments } from '../memoryDocuments.ts';
import { PluginHost } from '../pluginHost.ts';
import { manifest, pkg } from '../testbed.ts';
import { createNodeSandbox } from './nodeSandbox.ts';

// The permission-checked calls added for live documents, graph search and versions, made by a
// real sandboxed plugin (a worker_threads Worker over the comlink bridge).
const dir = mkdtempSync(join(tmpdir(), 'repertoire-bridge-'));
const baseUrl = `${pathToFileURL(dir).href}/`;
writeFileSync(
  join(dir, 'probe.js'),
  `export async function activate(ctx) {
    const run = (id, fn) => ctx.subscriptions.push(ctx.commands.registerCommand(id, async (...a) => {
      try { return { ok: await fn(...a) }; } catch (e) { return { error: e.name + ': ' + e.message }; }
    }));
    run('probe.search', async (text) => (await ctx.graph.search(text)).map((h) => h.entity.title));
    run('probe.read', async (id) => {
      const live = await ctx.documents.openLive(id);
      const state = await live.state();
      const got = [];
      live.onDidUpdate((u) => got.push(u.length));
      return { writable: live.writable, bytes: state.length };
    });
    run('probe.write', async (id, bytes) => {
      const live = await ctx.documents.openLive(id);
      await live.update(new Uint8Array(bytes));
      live.dispose();
      return true;
    });
    const seen = [];
    run('probe.watch', async () => {
      ctx.subscriptions.push(ctx.graph.onDidChange((c) => seen.push(...c.entities.map((e) => e.title))));
      return true;
    });
    run('probe.seen', async () => seen);
    run('probe.saveVersion', async (id) => (await ctx.documents.saveVersion(id, 'v')).name);
  }`,
);

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

async function sandboxed(permissions: PluginPermission[]) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  workspace.registerEntityKind({
    kind: 'practice',
    label: 'Practice',
    pluralLabel: 'Practices',
    icon: 'leaf',
    colour: '#3a7',
    fields: [],
  });
  workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
  const documents = new MemoryLiveDocuments();
  documents.document('doc1').doc.getText('t').insert(0, 'Walkthroughs');
  const host = new PluginHost({
    services: {
      workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
      graph: workspaceGraphBackend(workspace),
      documents: {
        ...workspaceDocumentsBackend(workspace),
        openLive: documents.openLive,
        versions: documents.versions,
      },
      settings: workspaceSettingsBackend(workspace),
    },
    createSandbox: createNodeSandbox,
    timeoutMs: 3000,
  });
  hosts.push(host);
  await host.add([
    pkg(
      manifest('third.probe', {
        main: './probe.js',
        activationEvents: ['onStartup'],
        permissions,
        contributes: {
          commands: ['search', 'read', 'write', 'saveVersion', 'watch', 'seen'].map((c) => ({
            id: `probe.${c}`,
            title: c,
          })),
        },
      }),
      false,
      baseUrl,
    ),
  ]);
  await host.setEnabled('third.probe', true);
  await host.start();
  return { host, documents, workspace };
}

describe('the sandbox bridge: search, live documents, versions', () => {
  it('lets a reader search and read a live document, and refuses its write', async () => {
    const { host, documents } = await sandboxed(['graph.read', 'documents.read']);
    expect(await host.executeCommand('probe.search', 'learn')).toEqual({ ok: ['Learning walks'] });
    const read = (await host.executeCommand('probe.read', 'doc1')) as {
      ok: { writable: boolean; bytes: number };
    };
    expect(read.ok.writable).toBe(false);
    expect(read.ok.bytes).toBeGreaterThan(10);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(documents.document('doc1').doc));
    other.getText('t').insert(0, 'X');
    const update = [...Y.encodeStateAsUpdate(other)];
    expect(await host.executeCommand('probe.write', 'doc1', update)).toEqual({
      error: expect.stringMatching(/documents\.write/),
    });
    expect(documents.document('doc1').doc.getText('t').toString()).toBe('Walkthroughs');
    expect(await host.executeCommand('probe.saveVersion', 'doc1')).toEqual({
      error: expect.stringMatching(/documents\.write/),
    });
  });

  it("delivers graph deltas with the new values to a reader's Worker", async () => {
    const { host, workspace } = await sandboxed(['graph.read']);
    expect(await host.executeCommand('probe.watch')).toEqual({ ok: true });
    // The Worker's subscription reaches the host a message later than `probe.watch` returns, and
    // a change made before it lands is not delivered (events are not replayed): make the change
    // until the Worker has seen one.
    await expect
      .poll(
        async () => {
          const seen = ((await host.executeCommand('probe.seen')) as { ok: string[] }).ok;
          if (seen.length === 0)
            workspace.createEntity({ kind: 'practice', title: 'Lesson study' });
          return seen[0];
        },
        { timeout: 15_000 },
      )
      .toBe('Lesson study');
  });

  it('refuses search without graph.read and live documents without documents.read', async () => {
    const { host } = await sandboxed([]);
    expect(await host.executeCommand('probe.search', 'learn')).toEqual({
      error: expect.stringMatching(/graph\.read/),
    });
    expect(await host.executeCommand('probe.read', 'doc1')).toEqual({
      error: expect.stringMatching(/documents\.read/),
    });
  });

  it("applies a writer's update to the shared document", async () => {
    const { host, documents } = await sandboxed(['documents.read', 'documents.write']);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(documents.document('doc1').doc));
    other.getText('t').insert(0, 'Termly ');
    expect(
      await host.executeCommand('probe.write', 'doc1', [...Y.encodeStateAsUpdate(other)]),
    ).toEqual({ ok: true });
    expect(documents.document('doc1').doc.getText('t').toString()).toBe('Termly Walkthroughs');
    // The plugin disposed its binding: the host let go of the document.
    await expect.poll(() => documents.openCount).toBe(0);
  });
});
