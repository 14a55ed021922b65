import { createGraphDoc, Workspace } from '@repertoire/core';
import { PermissionDeniedError } from '@repertoire/plugin-api';
import { versionedMemberKind, versionedMentorsKind } from '@repertoire/schema/testing';
import { describe, expect, it } from 'vitest';
import { SnapshotHistory } from './graphHistory.ts';
import { headlessPluginContext } from './headlessHost.ts';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.parse('2025-03-01T12:00:00Z') + n * DAY);

/** A workspace whose clock the test moves, with members who may mentor each other. */
function community() {
  let clock = day(0).getTime();
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1', now: () => clock });
  workspace.registerEntityKind({
    kind: 'member',
    label: 'Member',
    pluralLabel: 'Members',
    icon: 'person',
    colour: '#2a6f97',
    fields: [],
  });
  workspace.registerRelationKind({
    type: 'mentors',
    label: 'mentors',
    from: ['member'],
    to: ['member'],
  });
  return {
    workspace,
    on: (n: number) => {
      clock = day(n).getTime();
    },
  };
}

const titles = (past: { entities: { title: string }[] }) =>
  past.entities.map((e) => e.title).sort();

describe('graph.at (the graph on a past date through the plugin API)', () => {
  it('brings back an entity deleted since, as it was, from the kept snapshots; not after its deletion', async () => {
    const { workspace, on } = community();
    const history = new SnapshotHistory(workspace.doc);
    const { host, context } = await headlessPluginContext(workspace, ['graph.read'], { history });
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const ben = workspace.createEntity({ kind: 'member', title: 'Ben' });
    workspace.link(ana.id, 'mentors', ben.id);
    history.take(day(1));
    on(2);
    workspace.deleteEntity(ana.id);
    workspace.updateEntity(ben.id, { title: 'Benjamin' });
    workspace.createEntity({ kind: 'member', title: 'Cleo' });
    history.take(day(3));

    const before = await context.graph.at(day(1.5).toISOString());
    expect(titles(before)).toEqual(['Ana', 'Ben']);
    expect(before.relations.map((r) => r.id)).toEqual([`${ana.id}|mentors|${ben.id}`]);
    expect(before.entities.find((e) => e.id === ana.id)?.createdAt).toBe(day(0).toISOString());

    const after = await context.graph.at(day(4).toISOString());
    expect(titles(after)).toEqual(['Benjamin', 'Cleo']);
    expect(after.relations).toEqual([]);
    // Before the first snapshot: creation stamps over what exists now.
    expect(titles(await context.graph.at(day(-1).toISOString()))).toEqual([]);
    // Now and later: the live graph.
    expect(titles(await context.graph.at(new Date(Date.now() + 60_000).toISOString()))).toEqual([
      'Benjamin',
      'Cleo',
    ]);
    await host.shutdown();
  });

  it('adds what was created after the latest snapshot up to the date, from creation stamps', async () => {
    const { workspace, on } = community();
    const history = new SnapshotHistory(workspace.doc);
    const { host, context } = await headlessPluginContext(workspace, ['graph.read'], { history });
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    history.take(day(1));
    on(2);
    const ben = workspace.createEntity({ kind: 'member', title: 'Ben' });
    workspace.link(ana.id, 'mentors', ben.id);
    on(5);
    workspace.createEntity({ kind: 'member', title: 'Cleo' });

    const past = await context.graph.at(day(3).toISOString());
    expect(titles(past)).toEqual(['Ana', 'Ben']);
    expect(past.relations).toHaveLength(1);
    await host.shutdown();
  });

  it('without history, answers from creation stamps: what was deleted does not come back', async () => {
    const { workspace, on } = community();
    const { host, context } = await headlessPluginContext(workspace, ['graph.read']);
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    workspace.createEntity({ kind: 'member', title: 'Ben' });
    on(2);
    workspace.deleteEntity(ana.id);
    expect(titles(await context.graph.at(day(1).toISOString()))).toEqual(['Ben']);
    await host.shutdown();
  });

  it('refuses a plugin without graph.read, and a date that is not one', async () => {
    const { workspace } = community();
    workspace.createEntity({ kind: 'member', title: 'Ana' });
    const history = new SnapshotHistory(workspace.doc);
    history.take(day(1));
    const denied = await headlessPluginContext(workspace, [], { history });
    await expect(denied.context.graph.at(day(2).toISOString())).rejects.toThrow(
      PermissionDeniedError,
    );
    await expect(denied.context.graph.at(day(2).toISOString())).rejects.toThrow(
      /lacks the "graph.read" permission/,
    );
    await denied.host.shutdown();
    const { host, context } = await headlessPluginContext(workspace, ['graph.read'], { history });
    await expect(context.graph.at('last Tuesday')).rejects.toThrow(/not an ISO 8601 date/);
    await host.shutdown();
  });

  it('shows what an older plugin version wrote, then and now, in the current kinds’ shape', async () => {
    let clock = day(0).getTime();
    const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1', now: () => clock });
    // Version 1 of the plugins: a member's `position`, a mentorship's `since`.
    const v1 = [
      workspace.registerEntityKind({
        ...versionedMemberKind,
        fields: [
          { name: 'position', label: 'Position', type: 'enum', options: ['lead', 'member'] },
        ],
        version: 1,
        migrations: [],
      }),
      workspace.registerRelationKind({ ...versionedMentorsKind, version: 1, migrations: [] }),
    ];
    const ana = workspace.createEntity({
      kind: 'member',
      title: 'Ana',
      fields: { position: 'lead' },
    });
    const ben = workspace.createEntity({ kind: 'member', title: 'Ben' });
    workspace.link(ana.id, 'mentors', ben.id, { attributes: { since: '2024-09-01' } });
    const history = new SnapshotHistory(workspace.doc);
    history.take(day(1));
    clock = day(2).getTime();
    workspace.deleteEntity(ana.id);
    // The plugins are updated: member v3 (`role`, `joined`), mentors v2 (`started`, `active`).
    for (const d of v1) d.dispose();
    workspace.registerEntityKind(versionedMemberKind);
    workspace.registerRelationKind(versionedMentorsKind);
    const { host, context } = await headlessPluginContext(workspace, ['graph.read'], { history });

    const then = await context.graph.at(day(1.5).toISOString());
    expect(then.entities.find((e) => e.id === ana.id)?.fields).toEqual({
      role: 'coordinator',
      joined: '2024-01-01',
    });
    expect(then.relations.map((r) => r.attributes)).toEqual([
      { started: '2024-09-01', active: true },
    ]);
    // Ben is still stored at version 1: the live graph is read migrated too.
    const now = await context.graph.at(new Date(Date.now() + 60_000).toISOString());
    expect(now.entities.map((e) => e.fields)).toEqual([{ joined: '2024-01-01' }]);
    await host.shutdown();
  });
});
