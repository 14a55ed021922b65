// A plugin whose manifest raised its kind's version: it reads and writes entities an older
// version stored in the current shape, through the public API only.
import { createGraphDoc, graphMaps, graphStateFromUpdate, Workspace } from '@repertoire/core';
import type { EntityInfo, PluginContext } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { workspaceGraphBackend } from './coreBackend.ts';
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

  it('shows the past in the current shape too: graph.at upgrades what history kept', async () => {
    // Version 1 stored this in 2024; the server kept that graph as a snapshot.
    const then = createGraphDoc();
    const old = new Y.Map<unknown>();
    graphMaps(then).entities.set('wenger', old);
    for (const [k, v] of Object.entries({
      kind: 'acme.readings/reading',
      title: 'Communities of practice',
      created: { by: 'bo', at: Date.parse('2024-03-01') },
      updated: { by: 'bo', at: Date.parse('2024-03-01') },
      'f:writers': ['Wenger'],
      'f:status': 'done',
    }))
      old.set(k, v);
    const kept = {
      at: new Date('2024-06-01'),
      state: graphStateFromUpdate(Y.encodeStateAsUpdate(then)),
    };
    // Today's workspace has the version 2 kind, and a version 2 entity created since.
    const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
    workspace.registerEntityKind(reading);
    Y.applyUpdate(workspace.doc, Y.encodeStateAsUpdate(then));
    workspace.createEntity({
      id: 'lave' as never,
      kind: 'acme.readings/reading',
      title: 'Situated learning',
      fields: { authors: ['Lave'], status: 'read' },
    });
    const backend = workspaceGraphBackend(workspace, {
      history: { stateAt: (date) => (date >= kept.at ? kept : undefined) },
    });
    const fieldsAt = async (date: string) =>
      Object.fromEntries((await backend.at(new Date(date))).entities.map((e) => [e.id, e.fields]));
    // From the kept snapshot (before: its raw version 1 fields, `writers` and `done`).
    expect(await fieldsAt('2024-07-01')).toEqual({
      wenger: { authors: ['Wenger'], status: 'read' },
    });
    // From creation dates alone, before any snapshot, and for now: the same shape.
    expect(await fieldsAt('2024-04-01')).toEqual({
      wenger: { authors: ['Wenger'], status: 'read' },
    });
    expect(await fieldsAt('2999-01-01')).toEqual({
      wenger: { authors: ['Wenger'], status: 'read' },
      lave: { authors: ['Lave'], status: 'read' },
    });
  });
});
