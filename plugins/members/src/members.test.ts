import { createGraphDoc, Workspace } from '@repertoire/core';
import { Emitter, type MemberInfo } from '@repertoire/plugin-api';
import { createHeadlessHost, type MembersBackend } from '@repertoire/plugin-host';
import { expect, it } from 'vitest';
import * as members from './index.ts';

const member = (userId: string, role: MemberInfo['role'], here: boolean): MemberInfo => ({
  userId,
  name: userId.charAt(0).toUpperCase() + userId.slice(1),
  email: `${userId}@school.test`,
  role,
  joinedAt: '2026-01-05T09:00:00.000Z',
  here,
  colour: '#0d74ce',
  you: userId === 'ana',
});

/**
 * The plugin over a stand-in for the server's members (plugin tests may not reach the server;
 * `test/integration/membersApi.test.ts` runs the API over the real one): `list` is what it holds.
 */
async function setUp(list: MemberInfo[]) {
  const changed = new Emitter<void>();
  const invites: string[] = [];
  const backend: MembersBackend = {
    list: async () => list,
    onDidChange: changed.event,
    setRole: async () => {
      throw new Error('not in this test');
    },
    remove: async () => undefined,
    invite: async ({ role }) => {
      invites.push(role);
      return {
        token: 't1',
        url: 'https://repertoire.test/invite/t1',
        role,
        expiresAt: '2026-02-01T00:00:00.000Z',
        usesLeft: 20,
        createdBy: 'ana',
      };
    },
    invitations: async () => [],
    revokeInvitation: async () => undefined,
  };
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = createHeadlessHost(workspace, {
    userName: 'Ana',
    members: backend,
    modules: { 'repertoire.members': async () => members },
  });
  await host.add([{ packageJson: members.packageJson, builtin: true }]);
  await host.start();
  return { host, ui, changed, invites };
}

const presence = (host: Awaited<ReturnType<typeof setUp>>['host']) =>
  host.statusBar.items().find((i) => i.pluginId === 'repertoire.members' && i.id === 'presence');

it('shows who is here in the status bar and follows arrivals; a click shows the Members view', async () => {
  const list = [member('ana', 'owner', true), member('ben', 'editor', false)];
  const { host, changed } = await setUp(list);
  await expect.poll(() => presence(host)?.text).toBe('Only you');
  expect(presence(host)).toMatchObject({ command: 'members.show', icon: 'users' });
  list[1] = member('ben', 'editor', true);
  changed.fire();
  await expect.poll(() => presence(host)?.text).toBe('2 here');
  expect(presence(host)?.tooltip).toBe('Here now: you, Ben');
  expect(host.contributions.views().map((v) => [v.id, v.location])).toEqual([
    ['members.list', 'sidebar'],
  ]);
  await host.shutdown();
});

it('tells a non-owner that only owners invite, and makes no link', async () => {
  const { host, ui, invites } = await setUp([member('ana', 'editor', true)]);
  expect(await host.executeCommand('members.invite')).toBeUndefined();
  expect(invites).toEqual([]);
  expect(ui.notifications.map((n) => [n.severity, n.message])).toEqual([
    ['warning', 'Only an owner can invite people. Ask an owner of this workspace.'],
  ]);
  await host.shutdown();
});

it("makes an owner's link for the role picked and hands it back", async () => {
  const { host, ui, invites } = await setUp([member('ana', 'owner', true)]);
  ui.quickPickAnswers.push('Viewer');
  expect(await host.executeCommand('members.invite')).toBe('https://repertoire.test/invite/t1');
  expect(invites).toEqual(['viewer']);
  ui.quickPickAnswers.push(undefined);
  expect(await host.executeCommand('members.invite')).toBeUndefined();
  expect(invites).toEqual(['viewer']);
  await host.shutdown();
});
