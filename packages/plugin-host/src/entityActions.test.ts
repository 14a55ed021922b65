// `commands.getEntityActions` (API 1.5): what the enabled plugins' `entity/context` menus offer on
// one entity, chosen by its kind, for the Explorer's and the graph's context menus.
import type { EntityAction, PluginContext } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { entityMenuApplies } from './pluginContext.ts';
import { manifest, pkg, testbed } from './testbed.ts';

const kind = (name: string) => ({
  kind: name,
  label: name,
  pluralLabel: `${name}s`,
  icon: 'file',
  colour: '#000000',
  fields: [],
});

describe('commands.getEntityActions', () => {
  it("offers the commands whose entity/context item fits the entity's kind, from every plugin", async () => {
    let ctx: PluginContext | undefined;
    const { host, workspace } = testbed({
      'acme.meetings': { activate: () => {} },
      'acme.reader': {
        activate(c) {
          ctx = c;
        },
      },
    });
    await host.add([
      pkg(
        manifest('acme.meetings', {
          activationEvents: ['onStartup'],
          contributes: {
            entityKinds: [kind('acme.meetings/meeting'), kind('acme.meetings/room')],
            commands: [
              { id: 'meetings.attend', title: 'Record attendance' },
              { id: 'meetings.book', title: 'Book the room' },
              { id: 'meetings.any', title: 'Pin it' },
            ],
            menus: {
              'entity/context': [
                { command: 'meetings.attend', when: 'entityKind == acme.meetings/meeting' },
                { command: 'meetings.book', when: 'entityKind == acme.meetings/room' },
                { command: 'meetings.any' },
              ],
            },
          },
        }),
      ),
      pkg(
        manifest('acme.reader', { activationEvents: ['onStartup'], permissions: ['graph.read'] }),
      ),
    ]);
    for (const id of ['acme.meetings', 'acme.reader']) await host.setEnabled(id, true);
    await host.start();
    const meeting = workspace.createEntity({ kind: 'acme.meetings/meeting', title: 'Week 3' });
    const actions = await (ctx as PluginContext).commands.getEntityActions(meeting.id);
    expect(actions).toEqual<EntityAction[]>([
      { command: 'meetings.attend', title: 'Record attendance', pluginId: 'acme.meetings' },
      { command: 'meetings.any', title: 'Pin it', pluginId: 'acme.meetings' },
    ]);
    expect(await (ctx as PluginContext).commands.getEntityActions('nobody')).toEqual([]);
    await host.shutdown();
  });

  it('needs graph.read, and reads only the when clauses it understands', async () => {
    let ctx: PluginContext | undefined;
    const { host } = testbed({
      'acme.blind': {
        activate(c) {
          ctx = c;
        },
      },
    });
    await host.add([pkg(manifest('acme.blind', { activationEvents: ['onStartup'] }))]);
    await host.setEnabled('acme.blind', true);
    await host.start();
    await expect((ctx as PluginContext).commands.getEntityActions('x')).rejects.toThrow(
      /may not call commands.getEntityActions/,
    );
    await host.shutdown();
    expect(entityMenuApplies(undefined, 'meeting')).toBe(true);
    expect(entityMenuApplies('entityKind == meeting', 'meeting')).toBe(true);
    expect(entityMenuApplies('entityKind == repertoire.meetings/meeting', 'meeting')).toBe(true);
    expect(entityMenuApplies('entityKind == acme.x/meeting', 'meeting')).toBe(false);
    expect(entityMenuApplies('entityKind == practice', 'meeting')).toBe(false);
    // Not understood: left out rather than shown everywhere.
    expect(entityMenuApplies('entityKind != meeting', 'practice')).toBe(false);
  });
});
