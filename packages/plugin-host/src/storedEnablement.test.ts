import { createGraphDoc, Workspace } from '@repertoire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceGraphBackend, workspaceSettingsBackend } from './coreBackend.ts';
import { PluginHost } from './pluginHost.ts';
import { MemoryEnablementStore, StoredEnablement } from './storedEnablement.ts';
import { manifest, pkg } from './testbed.ts';

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

/** Two members' hosts over one workspace whose enablement record is one shared store. */
async function twoMembers() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana' });
  const store = new MemoryEnablementStore();
  const member = async () => {
    const settings = new StoredEnablement(workspaceSettingsBackend(workspace), store);
    await settings.refresh();
    const host = new PluginHost({
      services: {
        workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
        graph: workspaceGraphBackend(workspace),
        settings,
      },
      loadModule: async () => ({ activate: () => {} }),
    });
    hosts.push(host);
    await host.add([
      pkg(manifest('acme.a', { activationEvents: ['onStartup'] }), true),
      pkg(manifest('third.b', { activationEvents: ['onStartup'] }), false),
    ]);
    await host.start();
    return { host, settings };
  };
  return { workspace, store, owner: await member(), editor: await member() };
}

describe('enabled plugins follow one stored record', () => {
  it("one member's change reaches another on refresh, with who made it", async () => {
    const { store, owner, editor } = await twoMembers();
    expect(owner.host.isEnabled('acme.a')).toBe(true);
    expect(owner.host.isEnabled('third.b')).toBe(false);
    store.actor = { id: 'u-ed', name: 'Eddie', role: 'editor' };
    await editor.host.setEnabled('acme.a', false);
    expect(editor.host.state('acme.a')).toBe('disabled');
    await owner.settings.refresh();
    await expect.poll(() => owner.host.state('acme.a')).toBe('disabled');
    expect(owner.host.plugins().find((p) => p.id === 'acme.a')).toMatchObject({
      locked: false,
      changedBy: 'Eddie',
    });
  });

  it("ignores the graph document's old enablement keys: the record is the one source", async () => {
    const { workspace, owner } = await twoMembers();
    workspace.settings.setPluginEnabled('acme.a', false);
    await new Promise((r) => setTimeout(r, 10));
    expect(owner.host.isEnabled('acme.a')).toBe(true);
  });

  it('an owner locks a plugin off; an editor cannot turn it on, and nothing changes', async () => {
    const { store, owner, editor } = await twoMembers();
    await owner.host.setEnabled('acme.a', false);
    await owner.host.setLocked('acme.a', true);
    await editor.settings.refresh();
    store.actor = { id: 'u-ed', name: 'Eddie', role: 'editor' };
    await expect(editor.host.setEnabled('acme.a', true)).rejects.toThrow(/locked acme\.a off/);
    await expect(editor.host.setLocked('acme.a', false)).rejects.toThrow(/only an owner/i);
    expect(editor.host.state('acme.a')).toBe('disabled');
    expect(editor.host.plugins().find((p) => p.id === 'acme.a')).toMatchObject({
      locked: true,
      changedBy: 'Owner',
    });
  });

  it('a headless host without a store has no locks, and says so', async () => {
    const workspace = new Workspace(createGraphDoc(), { user: 'ana' });
    const host = new PluginHost({
      services: {
        workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
        graph: workspaceGraphBackend(workspace),
        settings: workspaceSettingsBackend(workspace),
      },
      loadModule: async () => ({ activate: () => {} }),
    });
    hosts.push(host);
    await host.add([pkg(manifest('acme.a'), true)]);
    await expect(host.setLocked('acme.a', true)).rejects.toThrow(/no plugin locks/);
  });
});
