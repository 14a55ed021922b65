import { createGraphDoc, Workspace } from '@repertoire/core';
import type { GraphChange, PluginContext } from '@repertoire/plugin-api';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { expect, it } from 'vitest';
import { saveField } from './entityActions.ts';
import * as pages from './index.ts';
import { changesPage, loadPage } from './pageModel.ts';

/**
 * A plugin with the page's permissions that hands its API to the test, and registers the shell's
 * `edit.undo` as the workbench does (the member's undo history of the real workspace).
 */
const probe = (workspace: Workspace) => ({
  packageJson: {
    name: 'probe',
    repertoire: {
      id: 'test.probe',
      displayName: 'Probe',
      version: '0.1.0',
      engines: { repertoire: '^1.4.0' },
      main: './index.js',
      activationEvents: ['onStartup'],
      permissions: ['graph.read', 'graph.write'],
      contributes: { commands: [{ id: 'edit.undo', title: 'Undo' }] },
    },
  },
  module: {
    activate: (context: PluginContext) => {
      captured = context;
      context.commands.registerCommand('edit.undo', () => workspace.undo());
    },
  },
});
let captured: PluginContext | undefined;

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const withUndo = probe(workspace);
  const { host, ui } = createHeadlessHost(workspace, {
    modules: {
      'repertoire.community': async () => community,
      'repertoire.knowledge': async () => knowledge,
      'repertoire.entity-pages': async () => pages,
      'test.probe': async () => withUndo.module,
    },
  });
  await host.add(
    [community, knowledge, pages, withUndo].map((p) => ({
      packageJson: p.packageJson,
      builtin: true,
    })),
  );
  await host.start();
  if (!captured) throw new Error('the probe plugin did not activate');
  const ana = workspace.createEntity({ kind: 'member', title: 'Ana', fields: { role: 'member' } });
  const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
  const notes = workspace.createEntity({ kind: 'practice', title: 'Exit tickets' });
  workspace.link(ana.id, 'practises', walks.id);
  workspace.stopCapturing();
  return { workspace, host, ui, context: captured, ana, walks, notes };
}

it('is the page of every entity kind, and only of entities', async () => {
  const { host } = await setUp();
  expect(host.customViews.entityEditor('member')?.pluginId).toBe('repertoire.entity-pages');
  expect(host.customViews.entityEditor('practice')?.viewId).toBe('entityPages.page');
  expect(host.customViews.documentEditor()).toBeUndefined();
});

it("reads a page: the kind's fields, relations both ways by type, and follows only what it shows", async () => {
  const { workspace, context, ana, walks, notes } = await setUp();
  const page = await loadPage(context.graph, walks.id);
  expect(page.entity?.title).toBe('Learning walks');
  expect(page.kind?.label).toBe('Practice');
  expect(page.out).toEqual([]);
  expect(page.back.map((g) => [g.label, g.items.map((i) => i.other?.title)])).toEqual([
    ['practises this', ['Ana']],
  ]);
  const member = await loadPage(context.graph, ana.id);
  expect(member.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['role', 'email']));
  expect(member.out[0]?.label).toBe('practises');
  const changes: GraphChange[] = [];
  const sub = context.graph.onDidChange((c) => changes.push(c));
  workspace.updateEntity(notes.id, { title: 'Exit slips' });
  workspace.updateEntity(ana.id, { title: 'Ana María' });
  await new Promise((r) => setTimeout(r, 0));
  sub.dispose();
  expect(changes.map((c) => changesPage(c, walks.id, page))).toEqual([false, true]);
  const gone = await loadPage(context.graph, 'nobody');
  expect(gone.entity).toBeUndefined();
});

it('saves a valid field, refuses a bad one with the reason and changes nothing, and undoes', async () => {
  const { workspace, context, ana } = await setUp();
  expect(await saveField(context, ana.id, 'role', 'coordinator')).toBeUndefined();
  expect(workspace.getEntity(ana.id)?.fields.role).toBe('coordinator');
  expect(await saveField(context, ana.id, 'role', 'emperor')).toMatch(/role/i);
  expect(workspace.getEntity(ana.id)?.fields.role).toBe('coordinator');
  workspace.undo();
  expect(workspace.getEntity(ana.id)?.fields.role).toBe('member');
});

it('renames the entry in front of the member, asking again for an empty title', async () => {
  const { workspace, host, ui, walks } = await setUp();
  ui.showTab(walks.id);
  ui.inputAnswers.push('  ', 'Learning walks (termly)');
  await host.executeCommand('entity.rename');
  expect(workspace.getEntity(walks.id)?.title).toBe('Learning walks (termly)');
});

it('without an entry in front, says to open one and changes nothing', async () => {
  const { workspace, host, ui } = await setUp();
  const before = workspace.entities().length;
  await host.executeCommand('entity.delete');
  expect(ui.notifications.at(-1)).toMatchObject({ severity: 'warning' });
  expect(ui.notifications.at(-1)?.message).toMatch(/Open an entry/);
  expect(workspace.entities().length).toBe(before);
});

it('deletes with its links at once, closes its tabs and says so', async () => {
  const { workspace, host, ui, ana, walks } = await setUp();
  ui.showTab(walks.id);
  await host.executeCommand('entity.delete');
  expect(workspace.getEntity(walks.id)).toBeUndefined();
  expect(workspace.relations({ entity: ana.id })).toEqual([]);
  expect(ui.closed).toEqual([walks.id]);
  expect(ui.notifications.some((n) => n.message === 'Deleted “Learning walks”.')).toBe(true);
});

it("the deletion's Undo brings the entry and its links back, and nothing before them", async () => {
  const { workspace, host, ui, ana, walks } = await setUp();
  workspace.updateEntity(ana.id, { title: 'Ana María' });
  ui.showTab(walks.id);
  ui.notificationAnswers.push('Undo');
  await host.executeCommand('entity.delete');
  expect(ui.closed).toEqual([walks.id]);
  await expect.poll(() => workspace.getEntity(walks.id)?.title).toBe('Learning walks');
  expect(workspace.relations({ entity: ana.id }).map((r) => r.type)).toEqual(['practises']);
  // The deletion was its own undo step: the rename just before it stays.
  expect(workspace.getEntity(ana.id)?.title).toBe('Ana María');
});

it('links the entry to one the member picks, asking which relation when several fit', async () => {
  const { workspace, host, ui, ana, notes } = await setUp();
  ui.showTab(ana.id);
  ui.quickPickAnswers.push('Exit tickets', 'Ana practises Exit tickets');
  await host.executeCommand('entity.link');
  expect(workspace.relations({ from: ana.id, to: notes.id }).map((r) => r.type)).toEqual([
    'practises',
  ]);
});
