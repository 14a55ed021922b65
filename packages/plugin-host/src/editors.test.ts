import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CustomViewProvider,
  PermissionDeniedError,
  type PluginContext,
  type PluginPermission,
} from '@repertoire/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginHost } from './pluginHost.ts';
import { createNodeSandbox } from './sandbox/nodeSandbox.ts';
import { manifest, pkg, testbed } from './testbed.ts';

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

/** An in-page plugin with `permissions` that hands its API to the test. */
async function inPage(permissions: PluginPermission[]) {
  let api: PluginContext | undefined;
  const bed = testbed({
    'builtin.probe': {
      activate: (ctx) => {
        api = ctx;
      },
    },
  });
  hosts.push(bed.host);
  await bed.host.add([
    pkg(manifest('builtin.probe', { activationEvents: ['onStartup'], permissions })),
  ]);
  await bed.host.start();
  if (!api) throw new Error('the probe did not activate');
  return { ...bed, api };
}

describe('editors (API 1.4): the active entity and closing its tabs', () => {
  it('tells a reader which entity the active tab shows, as it changes, and closes its tabs', async () => {
    const { api, ui } = await inPage(['graph.read']);
    expect(await api.editors.activeEntity()).toBeUndefined();
    const seen: (string | undefined)[] = [];
    const sub = api.editors.onDidChangeActiveEntity((id) => seen.push(id));
    ui.showTab('e1');
    ui.showTab('e2');
    expect(await api.editors.activeEntity()).toBe('e2');
    await api.editors.closeEntity('e2');
    expect(ui.closed).toEqual(['e2']);
    expect(await api.editors.activeEntity()).toBeUndefined();
    sub.dispose();
    ui.showTab('e3');
    expect(seen).toEqual(['e1', 'e2', undefined]);
  });

  it('refuses every editors call without graph.read, and a close without an id', async () => {
    const { api, ui } = await inPage([]);
    ui.showTab('e1');
    await expect(api.editors.activeEntity()).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(api.editors.closeEntity('e1')).rejects.toThrow(/graph\.read/);
    expect(() => api.editors.onDidChangeActiveEntity(() => undefined)).toThrow(/graph\.read/);
    expect(ui.closed).toEqual([]);
    const reader = await inPage(['graph.read']);
    await expect(reader.api.editors.closeEntity('')).rejects.toThrow(/give the id/);
    expect(reader.ui.closed).toEqual([]);
  });
});

describe('editorFor (API 1.4): which view is the page of an entity', () => {
  const view = (editorFor: CustomViewProvider['editorFor']): CustomViewProvider => ({
    ...(editorFor ? { editorFor } : {}),
    mount: () => ({ dispose() {} }),
  });
  const contributes = (id: string) => ({
    views: [{ id, name: id, location: 'editor' as const }],
  });

  it('a view naming the kind wins over one for every kind; documents go to the document editor', async () => {
    const { host } = testbed({
      'builtin.pages': {
        activate(ctx) {
          ctx.views.registerCustomView('pages.any', view({ entities: '*' }));
        },
      },
      'builtin.meetings': {
        activate(ctx) {
          ctx.views.registerCustomView('meetings.page', view({ entities: ['meeting'] }));
          ctx.views.registerCustomView('meetings.notes', view({ documents: true }));
        },
      },
    });
    hosts.push(host);
    await host.add([
      pkg(
        manifest('builtin.pages', {
          activationEvents: ['onStartup'],
          contributes: contributes('pages.any'),
        }),
      ),
      pkg(
        manifest('builtin.meetings', {
          activationEvents: ['onStartup'],
          contributes: {
            views: [
              { id: 'meetings.page', name: 'Meeting', location: 'editor' },
              { id: 'meetings.notes', name: 'Notes', location: 'editor' },
            ],
          },
        }),
      ),
    ]);
    await host.start();
    expect(host.customViews.entityEditor('meeting')?.viewId).toBe('meetings.page');
    expect(host.customViews.entityEditor('member')?.viewId).toBe('pages.any');
    expect(host.customViews.documentEditor()?.viewId).toBe('meetings.notes');
    await host.setEnabled('builtin.pages', false);
    expect(host.customViews.entityEditor('member')).toBeUndefined();
    expect(host.customViews.entityEditor('meeting')?.viewId).toBe('meetings.page');
  });
});

// The same calls from a sandboxed plugin (a worker_threads Worker over the comlink bridge).
const dir = mkdtempSync(join(tmpdir(), 'repertoire-editors-'));
writeFileSync(
  join(dir, 'probe.js'),
  `export async function activate(ctx) {
    const run = (id, fn) => ctx.subscriptions.push(ctx.commands.registerCommand(id, async (...a) => {
      try { return { ok: await fn(...a) }; } catch (e) { return { error: e.name + ': ' + e.message }; }
    }));
    run('probe.active', async () => (await ctx.editors.activeEntity()) ?? null);
    run('probe.close', async (id) => { await ctx.editors.closeEntity(id); return true; });
  }`,
);

async function sandboxed(permissions: PluginPermission[]) {
  const bed = testbed({}, { createSandbox: createNodeSandbox, timeoutMs: 3000 });
  hosts.push(bed.host);
  await bed.host.add([
    pkg(
      manifest('third.probe', {
        main: './probe.js',
        activationEvents: ['onStartup'],
        permissions,
        contributes: {
          commands: ['active', 'close'].map((c) => ({ id: `probe.${c}`, title: c })),
        },
      }),
      false,
      `${pathToFileURL(dir).href}/`,
    ),
  ]);
  await bed.host.setEnabled('third.probe', true);
  await bed.host.start();
  return bed;
}

describe('editors over the sandbox bridge', () => {
  it("answers a reader's Worker with the active entity and closes the tabs it names", async () => {
    const { host, ui } = await sandboxed(['graph.read']);
    ui.showTab('e7');
    expect(await host.executeCommand('probe.active')).toEqual({ ok: 'e7' });
    expect(await host.executeCommand('probe.close', 'e7')).toEqual({ ok: true });
    expect(ui.closed).toEqual(['e7']);
    expect(await host.executeCommand('probe.active')).toEqual({ ok: null });
  });

  it('refuses a Worker without graph.read, and closes nothing', async () => {
    const { host, ui } = await sandboxed([]);
    ui.showTab('e7');
    expect(await host.executeCommand('probe.active')).toEqual({
      error: expect.stringMatching(/graph\.read/),
    });
    expect(await host.executeCommand('probe.close', 'e7')).toEqual({
      error: expect.stringMatching(/graph\.read/),
    });
    expect(ui.closed).toEqual([]);
  });
});
