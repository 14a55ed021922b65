import { createGraphDoc, Workspace } from '@repertoire/core';
import { headlessPluginContext } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import { EntityMirror } from './entityMirror.ts';

/** A real workspace and the plugin API's graph over it, as an in-page plugin receives it. */
async function graphApi() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  for (const kind of ['member', 'practice'])
    workspace.registerEntityKind({
      kind,
      label: kind === 'member' ? 'Member' : 'Practice',
      pluralLabel: `${kind}s`,
      icon: 'circle',
      colour: '#888888',
      fields: [],
    });
  const { host, context } = await headlessPluginContext(workspace, ['graph.read', 'graph.write']);
  return { workspace, graph: context.graph, host };
}

describe('EntityMirror (the editor typeahead over the plugin API)', () => {
  it('finds entities by title and follows creations, renames and deletions', async () => {
    const { workspace, graph, host } = await graphApi();
    const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
    workspace.createEntity({ kind: 'member', title: 'Ana Lopez' });
    const mirror = new EntityMirror(graph);
    await mirror.whenLoaded;
    expect(mirror.search('walk').map((e) => e.title)).toEqual(['Learning walks']);
    expect(mirror.search('lw').map((e) => e.title)).toEqual(['Learning walks']);
    expect(mirror.search('', { kinds: ['member'] }).map((e) => e.title)).toEqual(['Ana Lopez']);

    let changes = 0;
    mirror.onDidChange(() => changes++);
    workspace.updateEntity(walks.id, { title: 'Learning walks (termly)' });
    await expect.poll(() => mirror.get(walks.id)?.title).toBe('Learning walks (termly)');
    workspace.deleteEntity(walks.id);
    await expect.poll(() => mirror.get(walks.id)).toBeUndefined();
    expect(changes).toBeGreaterThanOrEqual(2);
    mirror.dispose();
    await host.shutdown();
  });

  it('creates a practice from [[New title]] through the API, validated by the kind', async () => {
    const { workspace, graph, host } = await graphApi();
    const mirror = new EntityMirror(graph);
    await mirror.whenLoaded;
    expect(mirror.creatableKinds()).toEqual([{ kind: 'practice', label: 'practice' }]);
    const hit = await mirror.create('practice', 'Peer observation');
    expect(workspace.getEntity(hit.id as never)?.title).toBe('Peer observation');
    await expect(mirror.create('unicorn', 'Nope')).rejects.toThrow(/unicorn/);
    await host.shutdown();
  });
});
