import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc, graphMaps } from './graphDoc.ts';
import { GraphIndex } from './graphIndex.ts';
import { graphStateFromUpdate, readGraphState } from './history.ts';
import { testWorkspace } from './testKinds.ts';
import { Workspace } from './workspace.ts';

// What a buggy or hostile client can leave in the shared graph document: anything a Y.Map holds.
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), {
    noNullPrototype: true,
  }),
  fc.constant('yarray'),
  fc.constant('ymap-without-kind'),
);

/** The graph's maps as a peer sees them: anything may be written there. */
function rawMaps(doc: Y.Doc): { entities: Y.Map<unknown>; relations: Y.Map<unknown> } {
  const { entities, relations } = graphMaps(doc);
  return { entities: entities as Y.Map<unknown>, relations: relations as Y.Map<unknown> };
}

function put(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === 'yarray') map.set(key, Y.Array.from([1, 2]));
  else if (value === 'ymap-without-kind') map.set(key, new Y.Map([['title', 42]]));
  else map.set(key, value);
}

describe('the core tolerates any value in the graph document', () => {
  it("skips and reports an entity slot holding a string, where readers threw 't.get is not a function'", () => {
    const ws = testWorkspace();
    const index = new GraphIndex(ws.doc);
    const ana = ws.createEntity({ id: 'ana', kind: 'member', title: 'Ana' });
    const { entities, relations } = rawMaps(ws.doc);
    ws.doc.transact(() => {
      entities.set('x', 'not a map');
      relations.set('ana|mentors|x', null);
    });
    expect(ws.entities().map((e) => e.id)).toEqual([ana.id]);
    expect(ws.getEntity('x' as never)).toBeUndefined();
    expect(index.has('x')).toBe(false);
    expect([...index.invalidEntities]).toEqual(['x']);
    const state = readGraphState(ws.doc);
    expect([...state.entities.keys()]).toEqual(['ana']);
    expect(state.invalid).toEqual([
      { map: 'entities', key: 'x', reason: 'holds a string, not an entity' },
      { map: 'relations', key: 'ana|mentors|x', reason: 'holds null, not a relation' },
    ]);
    expect(graphStateFromUpdate(Y.encodeStateAsUpdate(ws.doc)).entities.size).toBe(1);
    expect(new GraphIndex(ws.doc).entityCount).toBe(1);
  });

  it('repair removes exactly the unusable values and says which', () => {
    const ws = testWorkspace();
    ws.createEntity({ id: 'ana', kind: 'member', title: 'Ana' });
    ws.createEntity({ id: 'ben', kind: 'member', title: 'Ben' });
    ws.link('ana' as never, 'mentors', 'ben' as never);
    const { entities, relations } = rawMaps(ws.doc);
    entities.set('x', 7);
    relations.set('ben|mentors|ana', 'nope' as never);
    relations.set('no-pipes', { by: 'u', at: 1 });
    expect(ws.repair().map((v) => `${v.map}/${v.key}`)).toEqual([
      'entities/x',
      'relations/ben|mentors|ana',
      'relations/no-pipes',
    ]);
    expect(ws.invalidValues()).toEqual([]);
    expect(ws.entities()).toHaveLength(2);
    expect(ws.relations()).toHaveLength(1);
  });

  it('reading never throws, whatever peers wrote (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom('a', 'b', 'a|mentors|b', 'b|x|a'), junk), {
          minLength: 1,
          maxLength: 12,
        }),
        (writes) => {
          const ws = testWorkspace();
          const index = new GraphIndex(ws.doc);
          const peer = createGraphDoc();
          const { entities, relations } = rawMaps(peer);
          ws.createEntity({ id: 'a', kind: 'member', title: 'A' });
          Y.applyUpdate(peer, Y.encodeStateAsUpdate(ws.doc));
          for (const [toEntities, key, value] of writes)
            put(toEntities ? entities : relations, key, value);
          Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(peer));
          const fresh = new Workspace(ws.doc, { user: 'reader' });
          for (const e of [...ws.entities(), ...fresh.entities()])
            expect(e.kind).toBeTypeOf('string');
          ws.relations();
          ws.getEntity('a' as never);
          readGraphState(ws.doc);
          graphStateFromUpdate(Y.encodeStateAsUpdate(ws.doc));
          const rebuilt = new GraphIndex(ws.doc);
          expect(rebuilt.entityCount).toBe(index.entityCount);
          expect([...rebuilt.invalidEntities].sort()).toEqual([...index.invalidEntities].sort());
          for (const r of rebuilt.relations()) expect(rebuilt.has(r.from)).toBe(true);
          ws.repair();
          expect(ws.invalidValues()).toEqual([]);
        },
      ),
    );
  });
});
