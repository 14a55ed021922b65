import { createGraphDoc, Workspace } from '@repertoire/core';
import { headlessPluginContext, SnapshotHistory } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import { apiGraphAt, apiGraphSource } from './apiGraphSource.ts';
import { linkSelected } from './linkSelected.ts';

async function graphApi(options: { now?: () => number; history?: true } = {}) {
  const workspace = new Workspace(createGraphDoc(), {
    user: 'ana',
    id: 'w1',
    ...(options.now ? { now: options.now } : {}),
  });
  const history = new SnapshotHistory(workspace.doc);
  for (const kind of ['member', 'practice'])
    workspace.registerEntityKind({
      kind,
      label: kind,
      pluralLabel: `${kind}s`,
      icon: 'circle',
      colour: '#888888',
      fields: [],
    });
  workspace.registerRelationKind({
    type: 'practises',
    label: 'practises',
    from: ['member'],
    to: ['practice'],
  });
  const { host, ui, context } = await headlessPluginContext(
    workspace,
    ['graph.read', 'graph.write'],
    options.history ? { history } : {},
  );
  return { workspace, graph: context.graph, window: context.window, host, ui, history };
}

describe('apiGraphSource (the graph view over the plugin API)', () => {
  it('loads the graph and follows each change with the ids it touched', async () => {
    const { workspace, graph, host } = await graphApi();
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const source = await apiGraphSource(graph);
    expect([...source.entities()].map((e) => e.title)).toEqual(['Ana']);

    const seen: string[] = [];
    source.onDidChange((c) => seen.push(...c.entities.added, ...c.relations.added));
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    workspace.link(ana.id, 'practises', walks.id);
    await expect.poll(() => [...source.relations()].length).toBe(1);
    expect(seen).toContain(walks.id);
    expect(source.getRelation(`${ana.id}|practises|${walks.id}`)?.to).toBe(walks.id);

    workspace.updateEntity(walks.id, { title: 'Walks' });
    await expect.poll(() => source.getEntity(walks.id)?.title).toBe('Walks');
    workspace.deleteEntity(walks.id);
    await expect.poll(() => source.getEntity(walks.id)).toBeUndefined();
    expect([...source.relations()]).toEqual([]);
    source.dispose();
    await host.shutdown();
  });

  it('shows the graph as it was on a past date, from creation stamps', async () => {
    const { workspace, graph, host } = await graphApi();
    const before = new Date(Date.now() - 1);
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const past = await apiGraphAt(graph)(before);
    expect(past.entities).toEqual([]);
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    workspace.link(ana.id, 'practises', walks.id);
    const now = await apiGraphAt(graph)(new Date(Date.now() + 1000));
    expect(now.entities.map((e) => e.title).sort()).toEqual(['Ana', 'Learning walks']);
    expect(now.relations).toHaveLength(1);
    await host.shutdown();
  });

  it("brings back what was deleted since, from the host's kept snapshots", async () => {
    let clock = Date.parse('2025-03-01T12:00:00Z');
    const { workspace, graph, host, history } = await graphApi({
      now: () => clock,
      history: true,
    });
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    workspace.link(ana.id, 'practises', walks.id);
    const before = history.take(new Date(clock + 1000));
    clock += 86_400_000;
    workspace.deleteEntity(walks.id);
    history.take(new Date(clock + 1000));
    const past = await apiGraphAt(graph)(before);
    expect(past.entities.map((e) => e.title).sort()).toEqual(['Ana', 'Learning walks']);
    expect(past.relations).toEqual([
      { id: `${ana.id}|practises|${walks.id}`, from: ana.id, type: 'practises', to: walks.id },
    ]);
    const after = await apiGraphAt(graph)(new Date(clock + 2000));
    expect(after.entities.map((e) => e.title)).toEqual(['Ana']);
    await host.shutdown();
  });

  it('links the selected entities with a relation kind the member picks, in either direction', async () => {
    const { workspace, graph, window, host, ui } = await graphApi();
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const ben = workspace.createEntity({ kind: 'member', title: 'Ben' });
    // Selected practice first: the only allowed direction is members → practice.
    ui.quickPickAnswers.push('2 others practises Learning walks');
    expect(await linkSelected(graph, window, [walks.id, ana.id, ben.id])).toBe(2);
    expect(
      workspace
        .relations({ to: walks.id })
        .map((r) => r.from)
        .sort(),
    ).toEqual([ana.id, ben.id].sort());
    // Two members: no relation kind links them, and the member is told so.
    expect(await linkSelected(graph, window, [ana.id, ben.id])).toBe(0);
    expect(ui.notifications.at(-1)?.message).toMatch(/No kind of relation links a member/);
    await host.shutdown();
  });
});
