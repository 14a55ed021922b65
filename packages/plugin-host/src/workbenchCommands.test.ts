import type { JsonValue } from '@repertoire/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadlessUi } from './headless.ts';
import type { PluginHost } from './pluginHost.ts';
import type { CommandCaller } from './services.ts';
import { activatedIn, manifest, pkg, sandboxModule, serviceHost } from './testbed.ts';

// API 1.5: a plugin runs the workbench's own (navigation) commands, reads the key that runs a
// command, shows its view without taking the front, and learns the workspace's name and whether
// the member just joined.

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

/** A UI with a workbench behind it: one command of its own, one key, and the views it showed. */
function workbenchUi() {
  const ran: { id: string; args: readonly JsonValue[]; caller: CommandCaller }[] = [];
  const shown: { viewId: string; options: unknown }[] = [];
  const ui = Object.assign(new HeadlessUi(), {
    async executeCommand(id: string, args: readonly JsonValue[], caller: CommandCaller) {
      if (id !== 'workbench.togglePanel') throw new Error(`Command ${id} does not exist.`);
      ran.push({ id, args, caller });
      return 'toggled';
    },
    keybindingFor: (id: string) => (id === 'workbench.togglePanel' ? 'Ctrl+J' : undefined),
    async openView(viewId: string, options?: { preserveFocus?: boolean }) {
      shown.push({ viewId, options });
    },
  });
  return { ui, ran, shown };
}

const workspace = {
  id: 'w1',
  name: 'Year 9 e-learning team',
  joined: true,
  user: { id: 'ana', name: 'Ana' },
};

describe('workbench commands, keys and views for an in-page plugin (API 1.5)', () => {
  it("runs the workbench's command when no plugin provides the id, and reads its key", async () => {
    const { ui, ran } = workbenchUi();
    const made = serviceHost({ ui, workspace });
    hosts.push(made.host);
    const api = await activatedIn(made, 'builtin.welcome', ['graph.read']);
    expect(await api.commands.executeCommand('workbench.togglePanel', 1)).toBe('toggled');
    // The workbench learns who asks, so it can refuse what the plugin's permissions do not cover.
    expect(ran).toEqual([
      {
        id: 'workbench.togglePanel',
        args: [1],
        caller: { pluginId: 'builtin.welcome', permissions: ['graph.read'] },
      },
    ]);
    await expect(api.commands.executeCommand('edit.undo')).rejects.toThrow(/does not exist/);
    expect(ran).toHaveLength(1);
    expect(await api.commands.getKeybinding('workbench.togglePanel')).toBe('Ctrl+J');
    expect(await api.commands.getKeybinding('nobody.binds.this')).toBeUndefined();
    await expect(api.commands.getKeybinding(42 as unknown as string)).rejects.toThrow(
      /give a command id/,
    );
    expect(api.workspace.name).toBe('Year 9 e-learning team');
    expect(api.workspace.joined).toBe(true);
  });

  it('shows its own view keeping the front, and no other plugin’s', async () => {
    const { ui, shown } = workbenchUi();
    const made = serviceHost({ ui, workspace });
    hosts.push(made.host);
    await made.host.add([
      pkg(
        manifest('builtin.welcome', {
          contributes: { views: [{ id: 'welcome.joined', name: 'Joined', location: 'editor' }] },
        }),
      ),
      pkg(
        manifest('builtin.other', {
          contributes: { views: [{ id: 'other.page', name: 'Other', location: 'editor' }] },
        }),
      ),
    ]);
    await made.host.activate('builtin.welcome');
    const api = made.context();
    if (!api) throw new Error('not activated');
    await api.window.showView('welcome.joined', { preserveFocus: true });
    await api.window.showView('welcome.joined');
    await expect(api.window.showView('other.page')).rejects.toThrow(/does not declare it/);
    expect(shown).toEqual([
      { viewId: 'welcome.joined', options: { preserveFocus: true } },
      { viewId: 'welcome.joined', options: undefined },
    ]);
  });

  it('says a command does not exist where there is no workbench', async () => {
    const made = serviceHost();
    hosts.push(made.host);
    const api = await activatedIn(made, 'builtin.headless', []);
    await expect(api.commands.executeCommand('workbench.togglePanel')).rejects.toThrow(
      /does not exist/,
    );
    expect(await api.commands.getKeybinding('workbench.togglePanel')).toBeUndefined();
    expect(api.workspace.name).toBeUndefined();
    expect(api.workspace.joined).toBeUndefined();
  });
});

describe('the same over the sandbox bridge', () => {
  it("lets a Worker run the workbench's command, read its key and show its view in the back", async () => {
    const { ui, ran, shown } = workbenchUi();
    const made = serviceHost({ ui, workspace }, true);
    hosts.push(made.host);
    const baseUrl = sandboxModule(
      'probe.js',
      `export async function activate(ctx) {
        ctx.subscriptions.push(ctx.commands.registerCommand('probe.run', async () => ({
          ran: await ctx.commands.executeCommand('workbench.togglePanel'),
          key: (await ctx.commands.getKeybinding('workbench.togglePanel')) ?? null,
          none: (await ctx.commands.getKeybinding('nobody.binds.this')) ?? null,
          shown: await ctx.window.showView('probe.page', { preserveFocus: true }).then(() => true),
          name: ctx.workspace.name,
          joined: ctx.workspace.joined,
        })));
      }`,
    );
    await made.host.add([
      pkg(
        manifest('third.probe', {
          main: './probe.js',
          contributes: {
            commands: [{ id: 'probe.run', title: 'run' }],
            views: [{ id: 'probe.page', name: 'Page', location: 'editor' }],
          },
        }),
        false,
        baseUrl,
      ),
    ]);
    await made.host.setEnabled('third.probe', true);
    expect(await made.host.executeCommand('probe.run')).toEqual({
      ran: 'toggled',
      key: 'Ctrl+J',
      none: null,
      shown: true,
      name: 'Year 9 e-learning team',
      joined: true,
    });
    expect(ran).toEqual([
      {
        id: 'workbench.togglePanel',
        args: [],
        caller: { pluginId: 'third.probe', permissions: [] },
      },
    ]);
    expect(shown).toEqual([{ viewId: 'probe.page', options: { preserveFocus: true } }]);
  });
});
