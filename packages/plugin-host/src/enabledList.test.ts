import { createGraphDoc, Workspace } from '@repertoire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyUpdate, encodeStateAsUpdate } from 'yjs';
import { workspaceGraphBackend, workspaceSettingsBackend } from './coreBackend.ts';
import { EnabledListSettings } from './enabledList.ts';
import { PluginHost } from './pluginHost.ts';
import { manifest, pkg } from './testbed.ts';

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

/**
 * A host over a real workspace whose enablement follows the server's list of enabled plugins
 * (`GET /api/workspaces/:id/plugins`) as well as the shared settings in the graph document.
 * Every plugin starts on startup and runs in the page.
 */
async function setUp(
  list: string[] | null,
  workspace = new Workspace(createGraphDoc(), { user: 'ana' }),
) {
  const settings = new EnabledListSettings(workspaceSettingsBackend(workspace), list);
  const host = new PluginHost({
    services: {
      workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
      graph: workspaceGraphBackend(workspace),
      settings,
    },
    // The plugins' code is not the point here: every module activates and does nothing.
    loadModule: async () => ({ activate: () => {} }),
  });
  hosts.push(host);
  const startup = { activationEvents: ['onStartup' as const] };
  await host.add([
    pkg(manifest('acme.a', startup), true),
    pkg(manifest('acme.b', startup), true),
    pkg(manifest('repertoire.c', startup), true),
  ]);
  await host.start();
  const enabled = () =>
    host
      .plugins()
      .filter((p) => p.state !== 'disabled')
      .map((p) => p.id);
  return { workspace, settings, host, enabled };
}

describe('the server’s list of enabled plugins', () => {
  it('is honoured by the host: listed plugins are enabled, the others not; null means all', async () => {
    expect((await setUp(['acme.a'])).enabled()).toEqual(['acme.a']);
    expect((await setUp(null)).enabled()).toEqual(['acme.a', 'acme.b', 'repertoire.c']);
    expect((await setUp([])).enabled()).toEqual([]);
  });

  it('is followed when the owner changes it, without a reload', async () => {
    const { settings, host, enabled } = await setUp(['acme.a']);
    expect(host.state('acme.a')).toBe('active');
    settings.setList(['acme.b', 'repertoire.c']);
    await expect.poll(enabled).toEqual(['acme.b', 'repertoire.c']);
    expect(host.state('acme.a')).toBe('disabled');
    expect(host.state('acme.b')).toBe('active');
  });

  it('gives way to a member’s choice in the shared settings, which every member’s host follows', async () => {
    const { workspace, host, enabled } = await setUp(['acme.a']);
    await host.setEnabled('acme.a', false);
    await host.setEnabled('acme.b', true);
    expect(enabled()).toEqual(['acme.b']);
    // Another member's window: same graph document (synced here by hand), same server list.
    const doc = createGraphDoc();
    applyUpdate(doc, encodeStateAsUpdate(workspace.doc));
    const other = await setUp(['acme.a'], new Workspace(doc, { user: 'ben' }));
    expect(other.enabled()).toEqual(['acme.b']);
  });
});

describe('enabling several plugins at once', () => {
  it('registers them all before activating any, so a plugin listed before its dependency starts', async () => {
    const workspace = new Workspace(createGraphDoc(), { user: 'ana' });
    const settings = new EnabledListSettings(workspaceSettingsBackend(workspace), []);
    const order: string[] = [];
    const host = new PluginHost({
      services: {
        workspace: { id: 'w1', user: { id: 'ana', name: 'Ana' } },
        graph: workspaceGraphBackend(workspace),
        settings,
      },
      loadModule: async (plugin) => ({ activate: () => void order.push(plugin.manifest.id) }),
    });
    hosts.push(host);
    await host.add([
      pkg(
        manifest('acme.child', { activationEvents: ['onStartup'], dependencies: ['acme.parent'] }),
      ),
      pkg(manifest('acme.parent', { activationEvents: ['onStartup'] })),
    ]);
    await host.start();
    expect(order).toEqual([]);
    settings.setList(['acme.child', 'acme.parent']);
    await expect.poll(() => host.state('acme.child')).toBe('active');
    expect(order).toEqual(['acme.parent', 'acme.child']);
  });
});
