import type { EntityId } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import { GraphIndex } from './graphIndex.ts';
import { GraphologyView } from './graphologyView.ts';
import { testWorkspace } from './testKinds.ts';

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe('GraphologyView', () => {
  function twoClusters() {
    const ws = testWorkspace();
    const m = (t: string) => ws.createEntity({ kind: 'member', title: t }).id;
    const left = ['A', 'B', 'C'].map(m) as EntityId[];
    const right = ['D', 'E', 'F'].map(m) as EntityId[];
    const [a, b, c] = left as [EntityId, EntityId, EntityId];
    const [d, e, f] = right as [EntityId, EntityId, EntityId];
    for (const [x, y] of [
      [a, b],
      [b, c],
      [c, a],
      [d, e],
      [e, f],
      [f, d],
      [c, d],
    ] as const) {
      ws.link(x, 'mentors', y);
    }
    const index = new GraphIndex(ws.doc);
    return { ws, index, left, right, a, b, c, d, e, f };
  }

  it('mirrors the index and follows its changes', () => {
    const { ws, index, a, b, c } = twoClusters();
    const view = new GraphologyView(index);
    expect(view.graph.order).toBe(6);
    expect(view.graph.size).toBe(7);
    ws.link(b, 'mentors', a);
    expect(view.graph.getEdgeAttribute(view.graph.edge(a, b), 'weight')).toBe(2);
    ws.deleteEntity(c);
    expect(view.graph.order).toBe(5);
    expect(view.graph.size).toBe(4);
    ws.unlink(a, 'mentors', b);
    expect(view.graph.getEdgeAttribute(view.graph.edge(a, b), 'weight')).toBe(1);
    view.dispose();
    ws.unlink(b, 'mentors', a);
    expect(view.graph.size).toBe(4);
  });

  it('computes degree, betweenness (the broker wins) and Louvain communities', () => {
    const { index, left, right, c, d, a } = twoClusters();
    const view = new GraphologyView(index);
    expect(view.degree(c)).toBe(3);
    const betweenness = view.betweenness();
    const top = [...betweenness]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 2)
      .map(([id]) => id);
    expect(top.sort()).toEqual([c, d].sort());
    expect(view.degreeCentrality().get(a)).toBeCloseTo(2 / 5);
    const { communities, count, modularity } = view.communities({ rng: seeded(1) });
    expect(count).toBe(2);
    expect(modularity).toBeGreaterThan(0.3);
    expect(new Set(left.map((id) => communities.get(id))).size).toBe(1);
    expect(new Set(right.map((id) => communities.get(id))).size).toBe(1);
    expect(communities.get(left[0]!)).not.toBe(communities.get(right[0]!));
    expect(view.shortestPath(a, d)).toEqual([a, c, d]);
  });

  it('keeps only the kinds and types asked for', () => {
    const ws = testWorkspace();
    const ada = ws.createEntity({ kind: 'member', title: 'Ada' }).id;
    const bo = ws.createEntity({ kind: 'member', title: 'Bo' }).id;
    const p = ws.createEntity({ kind: 'practice', title: 'P', fields: { status: 'emerging' } }).id;
    ws.link(ada, 'practises', p);
    ws.link(ada, 'mentors', bo);
    const view = new GraphologyView(new GraphIndex(ws.doc), {
      kinds: ['member'],
      types: ['mentors'],
    });
    expect(view.graph.nodes().sort()).toEqual([ada, bo].sort());
    expect(view.graph.size).toBe(1);
  });
});
