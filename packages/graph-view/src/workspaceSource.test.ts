import { createGraphDoc, GraphIndex, snapshotGraph, Workspace } from '@repertoire/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GraphView } from './graphView.ts';
import {
  graphAtFromCreationDates,
  graphAtFromSnapshots,
  serverGraphAt,
  snapshotFromUpdate,
} from './historySource.ts';
import { stylesFromManifests } from './manifestStyles.ts';
import { workspaceGraphSource } from './workspaceSource.ts';

/** A workspace with two kinds and one relation kind, on a clock the test moves. */
function community() {
  let now = Date.parse('2026-01-10T09:00:00Z');
  const doc = createGraphDoc('w1');
  const workspace = new Workspace(doc, { user: 'u-ada', id: 'w1', now: () => now });
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
  const index = new GraphIndex(doc);
  return {
    doc,
    workspace,
    index,
    at: (iso: string) => {
      now = Date.parse(iso);
    },
  };
}

/** An entity id as the core types it. */
const E = (s: string) => s as Parameters<Workspace['link']>[0];

const ids = (xs: Iterable<{ id: string }>) => [...xs].map((x) => x.id).sort();

describe('workspaceGraphSource', () => {
  it('shows the workspace graph with creation dates, and follows edits element by element', () => {
    const { workspace, index } = community();
    workspace.createEntity({ id: 'm-ada', kind: 'member', title: 'Ada' });
    workspace.createEntity({ id: 'p-walks', kind: 'practice', title: 'Learning walks' });
    const view = new GraphView({ source: workspaceGraphSource(workspace, index) });
    expect(
      view.cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['m-ada', 'p-walks']);
    expect(workspaceGraphSource(workspace, index).getEntity('m-ada')?.createdAt).toBe(
      '2026-01-10T09:00:00.000Z',
    );

    const touched: string[] = [];
    view.cy.on('add remove data', (e) => {
      touched.push(e.target.id());
    });
    workspace.link(E('m-ada'), 'practises', E('p-walks'));
    expect(view.cy.getElementById('m-ada|practises|p-walks').nonempty()).toBe(true);
    expect(new Set(touched)).toEqual(new Set(['m-ada|practises|p-walks', 'm-ada', 'p-walks']));

    workspace.updateEntity(E('p-walks'), { title: 'Walkthroughs' });
    expect(view.cy.getElementById('p-walks').data('label')).toBe('Walkthroughs');
    workspace.deleteEntity(E('p-walks'));
    expect(view.cy.getElementById('p-walks').empty()).toBe(true);
    expect(view.cy.edges().length).toBe(0);
    view.dispose();
  });

  it('a relation made on another replica reaches this view through Yjs updates', () => {
    const a = community();
    const b = community();
    a.doc.on('update', (u: Uint8Array) => Y.applyUpdate(b.doc, u));
    b.doc.on('update', (u: Uint8Array) => Y.applyUpdate(a.doc, u));
    a.workspace.createEntity({ id: 'm-ada', kind: 'member', title: 'Ada' });
    a.workspace.createEntity({ id: 'p-walks', kind: 'practice', title: 'Learning walks' });
    const view = new GraphView({ source: workspaceGraphSource(b.workspace, b.index) });
    expect(view.cy.edges().length).toBe(0);
    a.workspace.link(E('m-ada'), 'practises', E('p-walks'));
    expect(view.cy.getElementById('m-ada|practises|p-walks').nonempty()).toBe(true);
    view.dispose();
  });
});

describe('history for the time slider', () => {
  it('from dated core snapshots: a date shows the latest snapshot before it, deletions included', () => {
    const { doc, workspace, at } = community();
    workspace.createEntity({ id: 'm-ada', kind: 'member', title: 'Ada' });
    const first = snapshotGraph(doc);
    at('2026-03-01T09:00:00Z');
    workspace.createEntity({ id: 'p-walks', kind: 'practice', title: 'Learning walks' });
    workspace.link(E('m-ada'), 'practises', E('p-walks'));
    const second = snapshotGraph(doc);
    workspace.deleteEntity(E('m-ada'));
    const graphAt = graphAtFromSnapshots(doc, [
      { at: '2026-03-01T10:00:00Z', snapshot: second },
      { at: '2026-01-10T10:00:00Z', snapshot: first },
    ]);
    const check = async (iso: string) => {
      const s = await graphAt(new Date(iso));
      return [ids(s.entities), ids(s.relations)];
    };
    return Promise.all([
      expect(check('2026-01-01T00:00:00Z')).resolves.toEqual([[], []]),
      expect(check('2026-02-01T00:00:00Z')).resolves.toEqual([['m-ada'], []]),
      expect(check('2026-06-01T00:00:00Z')).resolves.toEqual([
        ['m-ada', 'p-walks'],
        ['m-ada|practises|p-walks'],
      ]),
    ]);
  });

  it('from creation dates alone: what was created by a date', async () => {
    const { workspace, at } = community();
    workspace.createEntity({ id: 'm-ada', kind: 'member', title: 'Ada' });
    at('2026-03-01T09:00:00Z');
    workspace.createEntity({ id: 'p-walks', kind: 'practice', title: 'Learning walks' });
    workspace.link(E('m-ada'), 'practises', E('p-walks'));
    const graphAt = graphAtFromCreationDates(workspace);
    const feb = await graphAt(new Date('2026-02-01'));
    expect(ids(feb.entities)).toEqual(['m-ada']);
    expect(feb.relations).toEqual([]);
    expect(ids((await graphAt(new Date('2026-04-01'))).relations)).toEqual([
      'm-ada|practises|p-walks',
    ]);
  });

  it("from the server's history API: decodes its base64 update, asks once per snapshot", async () => {
    const { doc, workspace } = community();
    workspace.createEntity({ id: 'm-ada', kind: 'member', title: 'Ada' });
    const update = btoa(String.fromCharCode(...Y.encodeStateAsUpdate(doc)));
    const asked: string[] = [];
    const graphAt = serverGraphAt({
      workspaceId: 'w1',
      origin: 'http://server',
      fetch: async (url) => {
        asked.push(String(url));
        return new Response(JSON.stringify({ snapshot: { id: 's1' }, update }));
      },
    });
    expect(ids((await graphAt(new Date('2026-05-01T00:00:00Z'))).entities)).toEqual(['m-ada']);
    await graphAt(new Date('2026-05-02T00:00:00Z'));
    expect(asked[0]).toBe(
      'http://server/api/workspaces/w1/history/graph/state?at=2026-05-01T00%3A00%3A00.000Z',
    );
    expect(snapshotFromUpdate('')).toEqual({ entities: [], relations: [] });
    const failing = serverGraphAt({
      workspaceId: 'w1',
      fetch: async () => new Response('{}', { status: 403 }),
    });
    await expect(failing(new Date())).rejects.toThrow(/403/);
  });
});

describe('stylesFromManifests', () => {
  it("collects the plugins' graph styles in order and the kinds' labels for the filters", () => {
    const { styles, labels } = stylesFromManifests([
      {
        contributes: {
          graphStyles: [{ kind: 'member', colour: '#2a6f97' }],
          entityKinds: [{ kind: 'member', pluralLabel: 'Members' }],
          relationKinds: [{ type: 'mentors', label: 'mentors' }],
        },
      },
      {},
      { contributes: { graphStyles: [{ relation: 'mentors', lineStyle: 'dashed' }] } },
    ]);
    expect(styles.map((s) => s.kind ?? s.relation)).toEqual(['member', 'mentors']);
    expect(labels).toEqual({ member: 'Members', mentors: 'mentors' });
  });
});
