import { createGraphDoc, Workspace } from '@repertoire/core';
import { createHeadlessHost } from '@repertoire/plugin-host';
import { expect, it } from 'vitest';
import * as community from './index.ts';

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = createHeadlessHost(workspace, {
    modules: { 'repertoire.community': async () => community },
  });
  await host.add([{ packageJson: community.packageJson, builtin: true }]);
  await host.start();
  return { workspace, host, ui };
}

it('contributes the member kind and the mentors relation to the core', async () => {
  const { workspace, host } = await setUp();
  expect(workspace.kinds.entityKind('member')?.definition.fields.map((f) => f.name)).toEqual([
    'role',
    'expertise',
    'identity',
    'joined',
    'email',
  ]);
  expect(workspace.kinds.relationKind('mentors')).toMatchObject({
    from: ['member'],
    to: ['member'],
  });
  expect(host.contributions.graphStyles().map((s) => s.kind ?? s.relation)).toEqual([
    'member',
    'mentors',
    'community',
    'concerns',
  ]);
  // Nothing ran yet: the palette shows the commands from the manifest alone.
  expect(host.state('repertoire.community')).toBe('inactive');
  expect(host.contributions.menu('commandPalette')).toHaveLength(3);
});

it('contributes the community itself, changed by its stewards only, concerned with domains', async () => {
  const { workspace } = await setUp();
  const kind = workspace.kinds.entityKind('community')?.definition;
  expect(kind?.editableBy).toBe('stewards');
  expect(kind?.fields.map((f) => f.name)).toEqual([
    'purpose',
    'vision',
    'goals',
    'cadence',
    'meetingDay',
    'meetingTime',
    'durationMinutes',
    'agendaTemplate',
  ]);
  expect(workspace.kinds.relationKind('concerns')).toMatchObject({
    from: ['community'],
    to: ['domain'],
  });
});

it('adds members from the palette (prompting) and with arguments, and records mentoring', async () => {
  const { workspace, host, ui } = await setUp();
  ui.inputAnswers.push('Lucía Fernández');
  ui.quickPickAnswers.push('coordinator');
  const lucia = (await host.executeCommand('community.addMember')) as string;
  const tom = (await host.executeCommand('community.addMember', 'Tom Ngata', 'member')) as string;
  expect(workspace.getEntity(lucia as never)?.fields.role).toBe('coordinator');
  ui.quickPickAnswers.push('Lucía Fernández', 'Tom Ngata');
  expect(await host.executeCommand('community.linkMentor')).toBe(true);
  expect(workspace.relations({ type: 'mentors' }).map((r) => [r.from, r.to])).toEqual([
    [lucia, tom],
  ]);
  await host.executeCommand('community.setRole', tom, 'facilitator');
  expect(workspace.getEntity(tom as never)?.fields.role).toBe('facilitator');
});

it('refuses a role that is not one of the five, changing nothing', async () => {
  const { workspace, host } = await setUp();
  await expect(host.executeCommand('community.addMember', 'X', 'boss')).rejects.toThrow(/role/);
  expect(workspace.entities('member')).toEqual([]);
});

it('lists members by role in the Members view', async () => {
  const { host } = await setUp();
  await host.executeCommand('community.addMember', 'Ana', 'coordinator');
  await host.executeCommand('community.addMember', 'Ben', 'member');
  const view = await host.resolveView('community.roles');
  expect(
    view.type === 'tree' && view.items.map((g) => [g.label, g.children?.map((c) => c.label)]),
  ).toEqual([
    ['Coordinators', ['Ana']],
    ['Members', ['Ben']],
  ]);
});
