import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffSnapshots, graphAtSnapshot, readGraphState, snapshotGraph } from './history.ts';
import { testWorkspace } from './testKinds.ts';

describe('history', () => {
  it('rebuilds the graph exactly as it was at each snapshot', () => {
    let t = 0;
    const ws = testWorkspace({ now: () => ++t });
    const ada = ws.createEntity({ kind: 'member', title: 'Ada' }).id;
    const walks = ws.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging' },
    }).id;
    const s1 = snapshotGraph(ws.doc);
    const state1 = readGraphState(ws.doc);
    ws.link(ada, 'practises', walks);
    ws.updateEntity(walks, { title: 'Learning walks', fields: { status: 'established' } });
    const s2 = snapshotGraph(ws.doc);
    const state2 = readGraphState(ws.doc);
    ws.deleteEntity(ada);
    const bo = ws.createEntity({ kind: 'member', title: 'Bo' }).id;
    const s3 = snapshotGraph(ws.doc);
    const state3 = readGraphState(ws.doc);
    expect(graphAtSnapshot(ws.doc, s1)).toEqual(state1);
    expect(graphAtSnapshot(ws.doc, s2)).toEqual(state2);
    expect(graphAtSnapshot(ws.doc, s3)).toEqual(state3);
    expect(state2.relations.size).toBe(1);
    expect(graphAtSnapshot(ws.doc, s2).entities.get(walks)?.title).toBe('Learning walks');
    expect(graphAtSnapshot(ws.doc, s1).entities.get(walks)?.title).toBe('Walks');

    const d12 = diffSnapshots(ws.doc, s1, s2);
    expect(d12.entities.added).toEqual([]);
    expect(d12.entities.changed.map((c) => [c.before.title, c.after.title])).toEqual([
      ['Walks', 'Learning walks'],
    ]);
    expect(d12.relations.added.map((r) => r.id)).toEqual([`${ada}|practises|${walks}`]);
    const d23 = diffSnapshots(ws.doc, s2, s3);
    expect(d23.entities.added.map((e) => e.id)).toEqual([bo]);
    expect(d23.entities.removed.map((e) => e.id)).toEqual([ada]);
    expect(d23.relations.removed.map((r) => r.id)).toEqual([`${ada}|practises|${walks}`]);
  });

  it('works on a replica that received the history by sync', () => {
    const ws = testWorkspace();
    const ada = ws.createEntity({ kind: 'member', title: 'Ada' }).id;
    const s1 = snapshotGraph(ws.doc);
    ws.updateEntity(ada, { title: 'Ada L.' });
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(ws.doc));
    expect(graphAtSnapshot(replica, s1).entities.get(ada)?.title).toBe('Ada');
  });

  it('refuses a document that garbage-collects its history', () => {
    const doc = new Y.Doc();
    expect(() => graphAtSnapshot(doc, snapshotGraph(doc))).toThrow(/gc: false/);
  });
});
