import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest, pkg, testbed } from '../testbed.ts';
import { createNodeSandbox } from './nodeSandbox.ts';

// Sandboxed plugins are plain ES modules on disk, imported by the Worker (a worker_threads Worker
// speaking the same comlink protocol as the browser's Web Worker; see sandbox.browser.test.ts).
const dir = mkdtempSync(join(tmpdir(), 'repertoire-sandbox-'));
const baseUrl = `${pathToFileURL(dir).href}/`;
const plugin = (name: string, source: string) => {
  writeFileSync(join(dir, `${name}.js`), source);
  return `./${name}.js`;
};

// A third party's kinds carry its plugin id (see kindName.ts in @repertoire/schema).
const memberKind = (pluginId: string) => ({
  kind: `${pluginId}/member`,
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'person',
  colour: '#2a6f97',
  fields: [],
});

const hosts: { host: { shutdown(): Promise<void> } }[] = [];
const sandboxed = (...args: Parameters<typeof testbed>) => {
  const bed = testbed(args[0], { createSandbox: createNodeSandbox, timeoutMs: 2000, ...args[1] });
  hosts.push(bed);
  return bed;
};
afterEach(async () => {
  for (const bed of hosts.splice(0)) await bed.host.shutdown();
});

describe('Worker sandbox (worker_threads)', () => {
  it('runs a third-party plugin through the API over messages', async () => {
    const main = plugin(
      'counter',
      `export async function activate(ctx) {
        const item = ctx.window.createStatusBarItem({ id: 'count', text: 'members: ?' });
        ctx.subscriptions.push(item);
        ctx.subscriptions.push(ctx.graph.onDidChange(async () => {
          item.update({ text: 'members: ' + (await ctx.graph.entities({ kind: 'third.counter/member' })).length });
        }));
        ctx.subscriptions.push(ctx.commands.registerCommand('counter.add', async (title) => {
          const r = await ctx.graph.transact((tx) => tx.createEntity({ kind: 'third.counter/member', title }));
          return r.created[0];
        }));
        ctx.subscriptions.push(ctx.commands.registerCommand('counter.count', async () =>
          (await ctx.graph.entities({ kind: 'third.counter/member' })).map((e) => e.title)));
      }`,
    );
    const { host, workspace } = sandboxed();
    await host.add([
      pkg(
        manifest('third.counter', {
          main,
          activationEvents: ['onCommand:counter.add'],
          permissions: ['graph.read', 'graph.write'],
          contributes: {
            entityKinds: [memberKind('third.counter')],
            commands: [
              { id: 'counter.add', title: 'Add' },
              { id: 'counter.count', title: 'Count' },
            ],
          },
        }),
        false,
        baseUrl,
      ),
    ]);
    await host.setEnabled('third.counter', true);
    expect(host.plugins()[0]).toMatchObject({ sandboxed: true, state: 'inactive' });
    const id = await host.executeCommand('counter.add', 'Ana');
    expect(workspace.getEntity(id as never)?.title).toBe('Ana');
    expect(await host.executeCommand('counter.count')).toEqual(['Ana']);
    workspace.createEntity({ kind: 'third.counter/member', title: 'Ben' });
    await expect.poll(() => host.statusBar.items()[0]?.text).toBe('members: 2');
  });

  it('enforces permissions in the host: no graph.write, no network', async () => {
    const main = plugin(
      'sneaky',
      `export function activate(ctx) {
        ctx.subscriptions.push(ctx.commands.registerCommand('sneaky.write', async () => {
          try { await ctx.graph.transact((tx) => tx.createEntity({ kind: 'third.sneaky/member', title: 'Eve' })); return 'wrote'; }
          catch (e) { return e.name + ': ' + e.message; }
        }));
        ctx.subscriptions.push(ctx.commands.registerCommand('sneaky.fetch', async () => {
          try { await fetch('http://127.0.0.1:9/'); return 'fetched'; }
          catch (e) { return e.name; }
        }));
      }`,
    );
    const { host, workspace } = sandboxed();
    await host.add([
      pkg(
        manifest('third.sneaky', {
          main,
          permissions: ['graph.read'],
          contributes: {
            entityKinds: [memberKind('third.sneaky')],
            commands: [
              { id: 'sneaky.write', title: 'Write' },
              { id: 'sneaky.fetch', title: 'Fetch' },
            ],
          },
        }),
        false,
        baseUrl,
      ),
    ]);
    await host.setEnabled('third.sneaky', true);
    expect(await host.executeCommand('sneaky.write')).toMatch(
      /^PermissionDeniedError: .*lacks the "graph.write" permission/,
    );
    expect(workspace.entities()).toEqual([]);
    expect(await host.executeCommand('sneaky.fetch')).toBe('PermissionDeniedError');
  });

  it('reads the graph on a past date through graph.at, only with graph.read', async () => {
    const main = plugin(
      'historian',
      `export function activate(ctx) {
        ctx.subscriptions.push(ctx.commands.registerCommand('historian.titlesAt', async (at) => {
          try { return (await ctx.graph.at(at)).entities.map((e) => e.title); }
          catch (e) { return e.name + ': ' + e.message; }
        }));
      }`,
    );
    const add = async (id: string, permissions: ('graph.read' | 'graph.write')[]) => {
      const bed = sandboxed();
      await bed.host.add([
        pkg(
          manifest(id, {
            main,
            permissions,
            contributes: {
              entityKinds: [memberKind(id)],
              commands: [{ id: 'historian.titlesAt', title: 'Titles then' }],
            },
          }),
          false,
          baseUrl,
        ),
      ]);
      await bed.host.setEnabled(id, true);
      return bed;
    };
    const reader = await add('third.historian', ['graph.read']);
    reader.workspace.createEntity({ kind: 'third.historian/member', title: 'Ana' });
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await reader.host.executeCommand('historian.titlesAt', later)).toEqual(['Ana']);
    expect(await reader.host.executeCommand('historian.titlesAt', '2000-01-01T00:00:00Z')).toEqual(
      [],
    );
    const blind = await add('third.blind', []);
    blind.workspace.createEntity({ kind: 'third.blind/member', title: 'Ana' });
    expect(await blind.host.executeCommand('historian.titlesAt', later)).toMatch(
      /^PermissionDeniedError: .*lacks the "graph.read" permission/,
    );
  });

  it('reports a plugin that throws on activation and stops it', async () => {
    const main = plugin('thrower', `export function activate() { throw new Error('kaput'); }`);
    const { host } = sandboxed();
    await host.add([pkg(manifest('third.thrower', { main }), false, baseUrl)]);
    await host.setEnabled('third.thrower', true);
    await expect(host.activate('third.thrower')).rejects.toThrow('kaput');
    expect(host.state('third.thrower')).toBe('failed');
  });

  it('stops a plugin that hangs in activate, and one that hangs in a command; the host goes on', async () => {
    const hang = plugin('hang', `export function activate() { for (;;) {} }`);
    const slow = plugin(
      'slowcmd',
      `export function activate(ctx) {
        ctx.subscriptions.push(ctx.commands.registerCommand('slow.spin', () => { for (;;) {} }));
      }`,
    );
    const ok = plugin(
      'ok',
      `export function activate(ctx) { ctx.subscriptions.push(ctx.commands.registerCommand('ok.ping', () => 'pong')); }`,
    );
    const { host, ui } = sandboxed({}, { timeoutMs: 1500 });
    await host.add([
      pkg(manifest('third.hang', { main: hang }), false, baseUrl),
      pkg(
        manifest('third.slow', {
          main: slow,
          contributes: { commands: [{ id: 'slow.spin', title: 'Spin' }] },
        }),
        false,
        baseUrl,
      ),
      pkg(
        manifest('third.ok', {
          main: ok,
          contributes: { commands: [{ id: 'ok.ping', title: 'Ping' }] },
        }),
        false,
        baseUrl,
      ),
    ]);
    for (const id of ['third.hang', 'third.slow', 'third.ok']) await host.setEnabled(id, true);
    await expect(host.activate('third.hang')).rejects.toThrow(
      /did not finish activate within 1500 ms/,
    );
    await expect(host.executeCommand('slow.spin')).rejects.toThrow(
      /did not finish command slow.spin/,
    );
    expect(host.state('third.slow')).toBe('failed');
    expect(host.commands.has('slow.spin')).toBe(false);
    expect(await host.executeCommand('ok.ping')).toBe('pong');
    expect(ui.notifications.filter((n) => n.severity === 'error')).toHaveLength(2);
  }, 20_000);

  it('disposes sandboxed registrations over disable/enable cycles', async () => {
    const main = plugin(
      'cycler',
      `export function activate(ctx) {
        ctx.commands.registerCommand('cycler.x', () => 1);
        ctx.window.createStatusBarItem({ id: 's', text: 's' });
        ctx.graph.onDidChange(() => {});
      }`,
    );
    const { host } = sandboxed();
    await host.add([
      pkg(
        manifest('third.cycler', {
          main,
          activationEvents: ['onStartup'],
          permissions: ['graph.read'],
        }),
        false,
        baseUrl,
      ),
    ]);
    await host.start();
    for (let i = 0; i < 5; i++) {
      await host.setEnabled('third.cycler', true);
      await expect.poll(() => host.commands.size + host.statusBar.size).toBe(2);
      await host.setEnabled('third.cycler', false);
      expect(host.commands.size + host.statusBar.size).toBe(0);
    }
  });
});
