// A plugin whose manifest raised its kind's version: it reads and writes entities an older
// version stored in the current shape, through the public API only.
import { graphMaps } from '@repertoire/core';
import type { EntityInfo, PluginContext } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { manifest, pkg, testbed } from './testbed.ts';

const reading = {
  kind: 'acme.readings/reading',
  label: 'Reading',
  pluralLabel: 'Readings',
  icon: 'book',
  colour: '#3d5a80',
  fields: [
    { name: 'authors', label: 'Authors', type: 'stringList' as const },
    {
      name: 'status',
      label: 'Status',
      type: 'enum' as const,
      options: ['to-read', 'read'],
      required: true,
    },
  ],
  version: 2,
  migrations: [
    {
      version: 2,
      steps: [
        { rename: { from: 'writers', to: 'authors' } },
        { mapValues: { field: 'status', values: { done: 'read' } } },
        { default: { field: 'status', value: 'to-read' } },
      ],
    },
  ],
};

describe('a plugin and its kind migrations', () => {
  it('sees and writes version 1 entities in the version 2 shape', async () => {
    let ctx: PluginContext | undefined;
    const { host, workspace, doc } = testbed({
      'acme.readings': {
        activate(c) {
          ctx = c;
        },
      },
    });
    await host.add([
      pkg(
        manifest('acme.readings', {
          activationEvents: ['onStartup'],
          permissions: ['graph.read', 'graph.write'],
          contributes: { entityKinds: [reading] },
        }),
      ),
    ]);
    await host.setEnabled('acme.readings', true);
    await host.start();
    // What version 1 of the plugin stored.
    const old = new Y.Map<unknown>();
    graphMaps(doc).entities.set('wenger', old);
    for (const [k, v] of Object.entries({
      kind: 'acme.readings/reading',
      title: 'Communities of practice',
      created: { by: 'bo', at: 1 },
      updated: { by: 'bo', at: 1 },
      'f:writers': ['Wenger'],
      'f:status': 'done',
    }))
      old.set(k, v);
    const graph = (ctx as PluginContext).graph;
    const seen = (await graph.getEntity('wenger')) as EntityInfo;
    expect(seen.fields).toEqual({ authors: ['Wenger'], status: 'read' });
    await graph.transact((tx) =>
      tx.updateEntity('wenger', { fields: { authors: ['Wenger', 'Lave'] } }),
    );
    expect(
      Object.fromEntries([...old.entries()].filter(([k]) => k.startsWith('f:') || k === 'version')),
    ).toEqual({
      version: 2,
      'f:authors': ['Wenger', 'Lave'],
      'f:status': 'read',
    });
    expect(workspace.outdatedEntities()).toEqual([]);
    await host.shutdown();
  });
});
