// @vitest-environment happy-dom
import { createGraphDoc, Workspace } from '@repertoire/core';
import type { CustomViewContext, JsonValue, MemberInfo } from '@repertoire/plugin-api';
import * as community from '@repertoire/plugin-community';
import {
  HeadlessUi,
  type MembersBackend,
  PluginHost,
  workspaceGraphBackend,
  workspaceSettingsBackend,
} from '@repertoire/plugin-host';
import { afterEach, expect, it, vi } from 'vitest';
import * as explorer from '../index.ts';

/** The meeting kind, as the meetings plugin declares it (only what these pages read). */
const meetings = {
  packageJson: {
    name: 'test-meetings',
    repertoire: {
      id: 'repertoire.meetings',
      displayName: 'Meetings',
      version: '0.1.0',
      engines: { repertoire: '^1.0.0' },
      main: './index.js',
      contributes: {
        entityKinds: [
          {
            kind: 'meeting',
            label: 'Meeting',
            pluralLabel: 'Meetings',
            icon: 'calendar',
            colour: '#3a86ff',
            fields: [{ name: 'date', label: 'Date', type: 'date' }],
          },
        ],
      },
    },
  },
};

const you = (role: MemberInfo['role']): MemberInfo => ({
  userId: 'ben',
  name: 'Ben',
  email: 'ben@school.test',
  role,
  joinedAt: '2026-01-05T09:00:00.000Z',
  here: true,
  you: true,
  colour: '#0d74ce',
});

const hosts: PluginHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
  document.body.replaceChildren();
});

/** A workbench-like UI: it records the views shown, commands run, and has one key. */
class Ui extends HeadlessUi {
  readonly shown: { viewId: string; options: unknown }[] = [];
  readonly ran: string[] = [];
  override openView = async (viewId: string, options?: { preserveFocus?: boolean }) => {
    this.shown.push({ viewId, options });
  };
  async executeCommand(id: string, _args: readonly JsonValue[]) {
    this.ran.push(id);
  }
  keybindingFor(id: string) {
    return id === 'workbench.quickOpen' ? 'Ctrl+P' : undefined;
  }
}

/** The Explorer over a small community with two meetings, as Ben (an editor) opens it. */
async function open(joined: boolean) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ben', id: 'w1' });
  const ui = new Ui();
  const members: MembersBackend = {
    list: async () => [you('editor')],
    onDidChange: () => ({ dispose() {} }),
    setRole: async () => you('editor'),
    remove: async () => undefined,
    invite: async () => {
      throw new Error('not in this test');
    },
    invitations: async () => [],
    revokeInvitation: async () => undefined,
  };
  const modules: Record<string, unknown> = {
    'repertoire.community': community,
    'repertoire.explorer': explorer,
    'test.meetings': { activate() {} },
  };
  const host = new PluginHost({
    services: {
      workspace: {
        id: 'w1',
        name: 'Year 9 e-learning team',
        user: { id: 'ben', name: 'Ben' },
        ...(joined ? { joined: true } : {}),
      },
      graph: workspaceGraphBackend(workspace),
      settings: workspaceSettingsBackend(workspace),
      members,
      ui,
    },
    loadModule: async (plugin) => modules[plugin.manifest.id],
  });
  hosts.push(host);
  await host.add(
    [community, meetings, explorer].map((p) => ({ packageJson: p.packageJson, builtin: true })),
  );
  await host.start();
  const person = (title: string) => workspace.createEntity({ kind: 'member', title }).id;
  const [priya, sam, lee] = [person('Priya'), person('Sam'), person('Lee')];
  workspace.link(priya, 'mentors', sam);
  workspace.link(priya, 'mentors', lee);
  for (const [title, date] of [
    ['Term 1 kick-off', '2026-01-12'],
    ['Term 2 review', '2026-04-20'],
  ] as const)
    workspace.createEntity({ kind: 'meeting', title, fields: { date } });
  return { host, ui, workspace, priya };
}

/** Mounts one of the Explorer's views as the workbench would, into a fresh element. */
function mount(host: PluginHost, viewId: string) {
  const entry = host.customViews.get(viewId);
  if (!entry) throw new Error(`${viewId} is not registered`);
  const element = document.createElement('div');
  document.body.append(element);
  const mounted = entry.provider.mount(element, {} as CustomViewContext);
  return { element, mounted, provider: entry.provider };
}

const button = (element: HTMLElement, text: string) =>
  [...element.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

it('greets a member who just joined, beside what they opened: their role and where to start', async () => {
  const { host, ui, priya } = await open(true);
  // Opened while the plugin activated (so before the workbench's starting page), in the back.
  expect(ui.shown).toEqual([{ viewId: 'explorer.joined', options: { preserveFocus: true } }]);
  const { element, mounted } = mount(host, 'explorer.joined');
  await vi.waitFor(() =>
    expect(element.querySelector('h1')?.textContent).toBe('You joined Year 9 e-learning team'),
  );
  const text = element.textContent ?? '';
  expect(text).toContain('Welcome, Ben. As an editor you can add to everything');
  expect(text).toContain('The community has 3 members.');
  expect(text).toContain('Read the latest meeting: Term 2 review');
  expect(text).toContain('See what connects most: Priya');
  // No members plugin here, so no way to meet them.
  expect(button(element, 'Meet the members')).toBeUndefined();
  await vi.waitFor(() =>
    expect(button(element, 'Go to a member')?.querySelector('kbd')?.textContent).toBe('Ctrl+P'),
  );
  button(element, 'See what connects most')?.click();
  button(element, 'Show all commands')?.click();
  await vi.waitFor(() => expect(ui.ran).toEqual(['workbench.showCommands']));
  expect(ui.opened).toContain(priya);
  mounted.dispose();
});

it("is the editor area's welcome on every later visit, and greets nobody", async () => {
  const { host, ui } = await open(false);
  expect(ui.shown).toEqual([]);
  const { element, provider } = mount(host, 'explorer.welcome');
  expect(provider.editorFor?.welcome).toBe(true);
  await vi.waitFor(() => expect(element.querySelector('h1')?.textContent).toBe('Repertoire'));
  button(element, 'Show or hide the panel')?.click();
  await vi.waitFor(() => expect(ui.ran).toEqual(['workbench.togglePanel']));
});
