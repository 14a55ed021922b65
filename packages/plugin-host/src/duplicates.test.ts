import { describe, expect, it } from 'vitest';
import { DuplicateContributionError } from './duplicates.ts';
import { manifest, pkg, testbed } from './testbed.ts';

const members = { id: 'community.members', name: 'Members', location: 'sidebar' as const };
const kind = {
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'person',
  colour: '#2a6f97',
  fields: [],
};

describe('duplicate contributions', () => {
  it('refuses a second plugin declaring a taken view, naming both, and keeps the first', async () => {
    const { host, ui } = testbed({ 'a.one': { activate() {} }, 'b.two': { activate() {} } });
    await host.add([
      pkg(manifest('a.one', { contributes: { views: [members] } })),
      pkg(manifest('b.two', { contributes: { views: [members] } })),
    ]);
    await host.start();
    const two = host.plugins().find((p) => p.id === 'b.two');
    expect(two?.state).toBe('failed');
    expect(two?.error).toBe(
      'Plugin b.two cannot contribute view "community.members": plugin a.one already contributes it.',
    );
    expect(host.contributions.views().map((v) => v.pluginId)).toEqual(['a.one']);
    expect(ui.notifications.map((n) => n.message).join('\n')).toMatch(/b\.two.*a\.one/);
  });

  // Only built-ins can collide on a kind: every other plugin's carry its id (kindName.ts).
  it('refuses a taken entity kind and command the same way, registering none of its kinds', async () => {
    const { host, workspace } = testbed({});
    await host.add([
      pkg(manifest('repertoire.one', { contributes: { entityKinds: [kind] } })),
      pkg(
        manifest('repertoire.two', {
          contributes: {
            entityKinds: [{ ...kind, kind: 'guest' }, kind],
            commands: [{ id: 'x.run', title: 'Run' }],
          },
        }),
      ),
      pkg(manifest('c.three', { contributes: { commands: [{ id: 'x.run', title: 'Run' }] } })),
    ]);
    await host.start();
    expect(host.plugins().find((p) => p.id === 'repertoire.two')?.error).toMatch(
      /Plugin repertoire\.two cannot contribute entity kind "member": plugin repertoire\.one already contributes it/,
    );
    expect(workspace.kinds.entityKind('guest')).toBeUndefined();
    // repertoire.two was refused, so its command is free for c.three.
    expect(host.plugins().find((p) => p.id === 'c.three')?.state).toBe('inactive');
  });

  it('a runtime handler for a taken command names both plugins', async () => {
    const { host } = testbed({});
    host.commands.register('x.run', 'a.one', () => 1);
    expect(() => host.commands.register('x.run', 'b.two', () => 2)).toThrow(
      new DuplicateContributionError('command handler', 'x.run', 'plugin a.one', 'plugin b.two'),
    );
    expect(await host.commands.execute('x.run', [])).toBe(1);
  });
});
