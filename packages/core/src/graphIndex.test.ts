import type { EntityId } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc } from './graphDoc.ts';
import { GraphIndex, type IndexChangeEvent } from './graphIndex.ts';
import { registerTestKinds, testWorkspace } from './testKinds.ts';
import { Workspace } from './workspace.ts';

function setup() {
  const ws = testWorkspace({ captureTimeout: 0 });
  const index = new GraphIndex(ws.doc);
  const events: IndexChangeEvent[] = [];
  index.onDidChange((e) => events.push(e));
  const member = (title: string) => ws.createEntity({ kind: 'member', title }).id;
  const practice = (title: string) =>
    ws.createEntity({ kind: 'practice', title, fields: { status: 'emerging' } }).id;
  return { ws, index, events, member, practice };
}

const sorted = <T>(xs: Iterable<T>) => [...xs].sort();

describe('GraphIndex', () => {
  it('indexes what the document already holds', () => {
    const ws = testWorkspace();
    const a = ws.createEntity({ kind: 'member', title: 'Ada' });
    const b = ws.createEntity({ kind: 'member', title: 'Bo' });
    ws.link(a.id, 'mentors', b.id);
    const index = new GraphIndex(ws.doc);
    expect(index.entityCount).toBe(2);
    expect(index.relationCount).toBe(1);
    expect(sorted(index.entitiesOfKind('member'))).toEqual(sorted([a.id, b.id]));
    expect(index.neighbours(a.id)).toEqual([b.id]);
  });

  it('follows creations, updates and deletions and says exactly what changed', () => {
    const { ws, index, events, member, practice } = setup();
    const ada = member('Ada');
    const walks = practice('Walks');
    expect(events.map((e) => e.entities.added)).toEqual([[ada], [walks]]);
    events.length = 0;
    const r = ws.link(ada, 'practises', walks).id;
    expect(events).toEqual([
      {
        entities: { added: [], changed: [], removed: [] },
        relations: { added: [r], changed: [], removed: [] },
      },
    ]);
    events.length = 0;
    ws.updateEntity(walks, { title: 'Learning walks' });
    expect(events[0]?.entities.changed).toEqual([walks]);
    expect(index.entity(walks)?.title).toBe('Learning walks');
    events.length = 0;
    ws.link(ada, 'practises', walks, { attributes: { since: 2020 } });
    expect(events[0]?.relations.changed).toEqual([r]);
    events.length = 0;
    ws.deleteEntity(walks);
    expect(events).toEqual([
      {
        entities: { added: [], changed: [], removed: [walks] },
        relations: { added: [], changed: [], removed: [r] },
      },
    ]);
    expect(index.entitiesOfKind('practice')).toEqual([]);
    expect(index.relationCount).toBe(0);
    expect(index.search('walks')).toEqual([]);
  });

  it('reports relations to an entity restored by undo as added again', () => {
    const { ws, index, events, member, practice } = setup();
    const ada = member('Ada');
    const walks = practice('Walks');
    const r = ws.link(ada, 'practises', walks).id;
    ws.deleteEntity(ada);
    events.length = 0;
    ws.undo();
    expect(events).toHaveLength(1);
    expect(events[0]?.entities.added).toEqual([ada]);
    expect(events[0]?.relations.added).toEqual([r]);
    expect(index.relation(r)).toMatchObject({ from: ada, to: walks, type: 'practises' });
  });

  it('hides a relation that reached an entity a peer deleted, and shows it if the end returns', () => {
    const a = testWorkspace();
    const b = new Workspace(createGraphDoc(), { user: 'bo' });
    registerTestKinds(b);
    const ada = a.createEntity({ kind: 'member', title: 'Ada' }).id;
    const bo = a.createEntity({ kind: 'member', title: 'Bo' }).id;
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    const index = new GraphIndex(a.doc);
    const events: IndexChangeEvent[] = [];
    index.onDidChange((e) => events.push(e));
    b.link(ada, 'mentors', bo);
    a.deleteEntity(bo);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    expect(index.relationCount).toBe(0);
    expect(index.neighbours(ada)).toEqual([]);
    expect(index.relationsOf(ada)).toEqual([]);
    expect(events.flatMap((e) => e.relations.added)).toEqual([]);
  });

  it('finds titles by prefix and with typos, optionally by kind', () => {
    const { index, member, practice } = setup();
    const walks = practice('Learning walks');
    const lesson = practice('Lesson study');
    const leila = member('Leila Haddad');
    expect(index.search('learn').map((h) => h.id)).toEqual([walks]);
    expect(index.search('lesson studdy').map((h) => h.id)).toEqual([lesson]);
    expect(sorted(index.search('le').map((h) => h.id))).toEqual(sorted([walks, lesson, leila]));
    expect(index.search('le', { kinds: ['member'] }).map((h) => h.id)).toEqual([leila]);
    expect(index.search('')).toEqual([]);
  });

  it('keeps search up to date with renames and deletions once it has been used', () => {
    const { ws, index, member } = setup();
    const ada = member('Ada Lovelace');
    expect(index.search('ada').map((h) => h.title)).toEqual(['Ada Lovelace']);
    ws.updateEntity(ada, { title: 'Ada Byron' });
    const bo = member('Bo Adams');
    expect(index.search('lovelace')).toEqual([]);
    expect(index.search('byron').map((h) => h.id)).toEqual([ada]);
    expect(sorted(index.search('ad').map((h) => h.id))).toEqual(sorted([ada, bo]));
    ws.deleteEntity(bo);
    expect(index.search('adams')).toEqual([]);
  });

  it('returns neighbourhoods to depth N, by type and direction', () => {
    const { ws, index, member, practice } = setup();
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(member) as EntityId[];
    const p = practice('P');
    ws.link(a!, 'mentors', b!);
    ws.link(b!, 'mentors', c!);
    ws.link(c!, 'mentors', d!);
    ws.link(a!, 'practises', p);
    expect(sorted(index.neighbourhood(a!, 1).entities)).toEqual(sorted([a, b, p]));
    const two = index.neighbourhood(a!, 2);
    expect(sorted(two.entities)).toEqual(sorted([a, b, c, p]));
    expect(two.relations).toHaveLength(3);
    expect(sorted(index.neighbourhood(a!, 2, { types: ['mentors'] }).entities)).toEqual(
      sorted([a, b, c]),
    );
    expect(sorted(index.neighbourhood(c!, 5, { direction: 'in' }).entities)).toEqual(
      sorted([a, b, c]),
    );
    expect(index.neighbourhood('ghost', 2)).toEqual({ entities: [], relations: [] });
  });

  it('finds shortest paths, honouring direction and types', () => {
    const { ws, index, member, practice } = setup();
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(member) as EntityId[];
    const p = practice('P');
    ws.link(a!, 'mentors', b!);
    ws.link(b!, 'mentors', c!);
    ws.link(c!, 'mentors', d!);
    ws.link(a!, 'practises', p);
    ws.link(d!, 'practises', p);
    expect(index.shortestPath(a!, d!)).toEqual([a, p, d]);
    expect(index.shortestPath(a!, d!, { types: ['mentors'] })).toEqual([a, b, c, d]);
    expect(index.shortestPath(d!, a!, { direction: 'out', types: ['mentors'] })).toBeUndefined();
    expect(index.shortestPath(d!, a!, { direction: 'in', types: ['mentors'] })).toEqual([
      d,
      c,
      b,
      a,
    ]);
    expect(index.shortestPath(a!, a!)).toEqual([a]);
    const lonely = member('E');
    expect(index.shortestPath(a!, lonely)).toBeUndefined();
  });

  it('extracts a subgraph by kinds, types and a predicate', () => {
    const { ws, index, member, practice } = setup();
    const [a, b] = ['Ada', 'Bo'].map(member) as EntityId[];
    const p = practice('P');
    ws.link(a!, 'mentors', b!);
    ws.link(a!, 'practises', p);
    const members = index.subgraph({ kinds: ['member'] });
    expect(sorted(members.entities)).toEqual(sorted([a, b]));
    expect(members.relations).toEqual([`${a}|mentors|${b}`]);
    expect(index.subgraph({ types: ['practises'] }).relations).toEqual([`${a}|practises|${p}`]);
    expect(index.subgraph({ entity: (e) => e.title.startsWith('A') }).entities).toEqual([a]);
  });

  it('follows updates from a peer as one change event per transaction', () => {
    const a = testWorkspace();
    const docB = createGraphDoc();
    const index = new GraphIndex(docB);
    const events: IndexChangeEvent[] = [];
    index.onDidChange((e) => events.push(e));
    a.transact(() => {
      const x = a.createEntity({ kind: 'member', title: 'X' });
      const y = a.createEntity({ kind: 'member', title: 'Y' });
      a.link(x.id, 'mentors', y.id);
    });
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc));
    expect(events).toHaveLength(1);
    expect(events[0]?.entities.added).toHaveLength(2);
    expect(events[0]?.relations.added).toHaveLength(1);
    expect(index.relationCount).toBe(1);
  });

  it('indexes a first sync into an empty index exactly as one built afterwards', () => {
    const a = testWorkspace({ captureTimeout: 0 });
    const ids = Array.from(
      { length: 40 },
      (_, i) => a.createEntity({ kind: 'member', title: `M${i}` }).id,
    );
    for (let i = 1; i < ids.length; i++)
      a.link(ids[i - 1] as EntityId, 'mentors', ids[i] as EntityId);
    a.deleteEntity(ids[5] as EntityId);
    // A relation that reached an entity deleted concurrently: stored but hidden.
    const b = new Workspace(createGraphDoc(), { user: 'bo' });
    registerTestKinds(b);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    b.link(ids[10] as EntityId, 'mentors', ids[20] as EntityId);
    a.deleteEntity(ids[20] as EntityId);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));

    const docC = createGraphDoc();
    const index = new GraphIndex(docC);
    const events: IndexChangeEvent[] = [];
    index.onDidChange((e) => events.push(e));
    Y.applyUpdate(docC, Y.encodeStateAsUpdate(a.doc));
    const built = new GraphIndex(docC);
    const relationIds = (i: GraphIndex) => sorted([...i.relations()].map((r) => r.id));
    expect(events).toHaveLength(1);
    expect(sorted(events[0]?.entities.added ?? [])).toEqual(
      sorted([...built.entities()].map((e) => e.id)),
    );
    expect(sorted(events[0]?.relations.added ?? [])).toEqual(relationIds(built));
    expect(index.entityCount).toBe(38);
    expect(index.relationCount).toBe(built.relationCount);
    expect(relationIds(index)).toEqual(relationIds(built));
    expect(index.neighbours(ids[10] as string)).toEqual(built.neighbours(ids[10] as string));
    // Later edits are incremental as usual, and the hidden relation shows once its end is back.
    Y.applyUpdate(docC, Y.encodeStateAsUpdate(a.doc));
    a.undo();
    Y.applyUpdate(docC, Y.encodeStateAsUpdate(a.doc));
    expect(index.has(ids[20] as string)).toBe(true);
    expect(index.relation(`${ids[10]}|mentors|${ids[20]}`)).toBeDefined();
    expect(relationIds(index)).toEqual(relationIds(new GraphIndex(docC)));
  });
});
