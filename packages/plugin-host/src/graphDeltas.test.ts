import { createGraphDoc, Workspace } from '@repertoire/core';
import { type GraphChange, PermissionDeniedError } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { headlessPluginContext } from './headlessHost.ts';

function community() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  workspace.registerEntityKind({
    kind: 'practice',
    label: 'Practice',
    pluralLabel: 'Practices',
    icon: 'leaf',
    colour: '#3a7',
    fields: [],
  });
  workspace.registerEntityKind({
    kind: 'member',
    label: 'Member',
    pluralLabel: 'Members',
    icon: 'person',
    colour: '#27a',
    fields: [],
  });
  workspace.registerRelationKind({
    type: 'uses',
    label: 'uses',
    from: ['member'],
    to: ['practice'],
  });
  return workspace;
}

describe('graph.onDidChange deltas', () => {
  it('carry the new values of what was added and changed, so a view needs no second read', async () => {
    const workspace = community();
    const { context } = await headlessPluginContext(workspace, ['graph.read']);
    const changes: GraphChange[] = [];
    context.graph.onDidChange((c) => changes.push(c));
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    workspace.link(ana.id, 'uses', walks.id);
    workspace.updateEntity(walks.id, { title: 'Learning walks (termly)' });

    expect(changes[0]?.entities.map((e) => e.title)).toEqual(['Ana']);
    expect(changes[2]?.relations).toEqual([
      expect.objectContaining({ from: ana.id, type: 'uses', to: walks.id }),
    ]);
    expect(changes[3]?.entitiesUpdated).toEqual([walks.id]);
    expect(changes[3]?.entities[0]).toMatchObject({
      id: walks.id,
      title: 'Learning walks (termly)',
    });
  });

  it('report a relation hidden by deleting its end as removed, with no value', async () => {
    const workspace = community();
    const ana = workspace.createEntity({ kind: 'member', title: 'Ana' });
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    const link = workspace.link(ana.id, 'uses', walks.id);
    const { context } = await headlessPluginContext(workspace, ['graph.read']);
    const changes: GraphChange[] = [];
    context.graph.onDidChange((c) => changes.push(c));
    workspace.deleteEntity(walks.id);
    const all = changes.flatMap((c) => c.relationsRemoved);
    expect(all).toContain(link.id);
    expect(changes.flatMap((c) => c.relations)).toEqual([]);
    expect(changes.flatMap((c) => c.entitiesRemoved)).toEqual([walks.id]);
  });

  it('are refused to a plugin without graph.read', async () => {
    const { context } = await headlessPluginContext(community(), ['documents.read']);
    expect(() => context.graph.onDidChange(() => {})).toThrow(PermissionDeniedError);
  });
});

describe('graph.search', () => {
  it('ranks titles: prefix type-ahead, small typos forgiven, kinds filtered, limited', async () => {
    const workspace = community();
    workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    workspace.createEntity({ kind: 'practice', title: 'Lesson study' });
    workspace.createEntity({ kind: 'member', title: 'Lena Walker' });
    const { context } = await headlessPluginContext(workspace, ['graph.read']);
    const titles = async (text: string, options?: Parameters<typeof context.graph.search>[1]) =>
      (await context.graph.search(text, options)).map((h) => h.entity.title);

    expect(await titles('learn')).toEqual(['Learning walks']);
    expect(await titles('lesson stdy')).toEqual(['Lesson study']);
    expect((await titles('walk')).sort()).toEqual(['Learning walks', 'Lena Walker']);
    expect(await titles('walk', { kinds: ['member'] })).toEqual(['Lena Walker']);
    expect(await titles('l', { limit: 2 })).toHaveLength(2);
    expect(await titles('   ')).toEqual([]);
    const hits = await context.graph.search('walk');
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? 0);
    // The index follows later edits.
    workspace.createEntity({ kind: 'practice', title: 'Walking debriefs' });
    expect(await titles('walking')).toContain('Walking debriefs');
  });

  it('is refused without graph.read, and rejects a bad limit', async () => {
    const denied = await headlessPluginContext(community(), ['documents.read']);
    await expect(denied.context.graph.search('walks')).rejects.toThrow(PermissionDeniedError);
    const reader = await headlessPluginContext(community(), ['graph.read']);
    await expect(reader.context.graph.search('walks', { limit: -1 })).rejects.toThrow(/limit/);
  });
});
