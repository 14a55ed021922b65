import { createGraphDoc, Workspace } from '@repertoire/core';
import type { PluginContext } from '@repertoire/plugin-api';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { expect, it } from 'vitest';
import { deleteEntity, linkEntities } from './entityFlows.ts';
import * as explorer from './index.ts';

/** A plugin with the Explorer's permissions that hands its API to the test. */
const probe = {
  packageJson: {
    name: 'probe',
    repertoire: {
      id: 'test.probe',
      displayName: 'Probe',
      version: '0.1.0',
      engines: { repertoire: '^1.0.0' },
      main: './index.js',
      activationEvents: ['onStartup'],
      permissions: ['graph.read', 'graph.write'],
    },
  },
};

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  let api: PluginContext | undefined;
  const { host, ui } = createHeadlessHost(workspace, {
    modules: {
      'repertoire.community': async () => community,
      'repertoire.knowledge': async () => knowledge,
      'repertoire.explorer': async () => explorer,
      'test.probe': async () => ({
        activate: (context: PluginContext) => {
          api = context;
        },
      }),
    },
  });
  await host.add(
    [community, knowledge, explorer, probe].map((p) => ({
      packageJson: p.packageJson,
      builtin: true,
    })),
  );
  await host.start();
  if (!api) throw new Error('the probe plugin did not activate');
  return { workspace, host, ui, context: api };
}

it('contributes the Explorer view first in the side bar, and New… with Alt+N', async () => {
  const { host } = await setUp();
  const view = host.contributions.views().find((v) => v.id === 'explorer.entities');
  expect(view).toMatchObject({ location: 'sidebar', order: 0 });
  expect(host.contributions.keybindings()).toContainEqual(
    expect.objectContaining({ command: 'explorer.newEntity', key: 'alt+n' }),
  );
});

it('New… asks the kind and a title (again when empty), creates it and opens its page', async () => {
  const { workspace, host, ui } = await setUp();
  ui.quickPickAnswers.push('Practice');
  ui.inputAnswers.push('   ', 'Exit tickets');
  const id = (await host.executeCommand('explorer.newEntity')) as string;
  expect(workspace.getEntity(id as never)).toMatchObject({
    kind: 'practice',
    title: 'Exit tickets',
  });
  expect(ui.opened).toEqual([id]);
});

it('the entity list follows the graph, grouped by kind in natural order', async () => {
  const { workspace, context } = await setUp();
  const list = await explorer.EntityList.load(context.graph);
  for (const n of [10, 2, 1]) workspace.createEntity({ kind: 'practice', title: `Routine ${n}` });
  const lucia = workspace.createEntity({ kind: 'member', title: 'Lucía' });
  await new Promise((r) => setTimeout(r, 0));
  await list.settled();
  const titles = (kind: string) =>
    list
      .groups()
      .find((g) => g.kind === kind)
      ?.entities.map((e) => e.title);
  expect(titles('practice')).toEqual(['Routine 1', 'Routine 2', 'Routine 10']);
  workspace.updateEntity(lucia.id, { title: 'Lucía Fernández' });
  const practice = workspace.entities('practice')[0];
  if (practice) workspace.deleteEntity(practice.id);
  await new Promise((r) => setTimeout(r, 0));
  await list.settled();
  expect(titles('member')).toEqual(['Lucía Fernández']);
  expect(titles('practice')).toHaveLength(2);
  expect(list.size()).toBe(3);
  list.dispose();
});

it('links two entries with the one relation that fits, and refuses a link none allows', async () => {
  const { workspace, ui, context } = await setUp();
  const mentor = workspace.createEntity({ kind: 'member', title: 'Lucía' });
  const mentee = workspace.createEntity({ kind: 'member', title: 'Tom' });
  expect(await linkEntities(context, mentor.id, mentee.id)).toBe(true);
  expect(workspace.relations({ from: mentor.id, type: 'mentors' })[0]?.to).toBe(mentee.id);
  const domain = workspace.createEntity({ kind: 'domain', title: 'Digital citizenship' });
  expect(await linkEntities(context, domain.id, mentee.id)).toBe(false);
  expect(ui.notifications.at(-1)?.message).toMatch(/cannot be linked/);
});

it('deletes only after the member confirms, with the entry and its links', async () => {
  const { workspace, ui, context } = await setUp();
  const a = workspace.createEntity({ kind: 'member', title: 'Lucía' });
  const b = workspace.createEntity({ kind: 'member', title: 'Tom' });
  workspace.link(a.id, 'mentors', b.id);
  ui.quickPickAnswers.push('Keep it');
  expect(await deleteEntity(context, a.id)).toBe(false);
  expect(workspace.hasEntity(a.id)).toBe(true);
  ui.quickPickAnswers.push('Delete “Lucía”');
  expect(await deleteEntity(context, a.id)).toBe(true);
  expect(workspace.hasEntity(a.id)).toBe(false);
  expect(workspace.relations({ entity: b.id })).toEqual([]);
});
