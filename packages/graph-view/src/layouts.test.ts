import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { GraphView } from './graphView.ts';
import { layoutRequest, runLayout } from './layouts.ts';
import { MemoryGraphSource } from './memoryGraphSource.ts';
import { ringPositions } from './rings.ts';
import { sampleCommunity } from './sampleCommunity.ts';
import { shownGraph } from './shownGraph.ts';

const view = () =>
  new GraphView({ source: new MemoryGraphSource(sampleCommunity()), autoLayout: false });

describe('layouts with filters on', () => {
  it('the layout worker is sent no relation whose end a kind filter hides', () => {
    const v = view();
    v.setKindShown('meeting', false);
    const request = layoutRequest(shownGraph(v.cy), false);
    const ids = new Set(request.nodes.map((n) => n.id));
    expect(ids.has('mt-kickoff')).toBe(false);
    expect(request.edges.length).toBeGreaterThan(0);
    for (const [from, to] of request.edges) {
      expect(ids.has(from), `${from} is sent`).toBe(true);
      expect(ids.has(to), `${to} is sent`).toBe(true);
    }
    // What the worker does with it: a headless Cytoscape refuses a dangling edge, so build one.
    const worker = cytoscape({ headless: true });
    expect(() =>
      worker.add([
        ...request.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id } })),
        ...request.edges.map(([source, target], i) => ({
          group: 'edges' as const,
          data: { id: `e${i}`, source, target },
        })),
      ]),
    ).not.toThrow();
    v.dispose();
  });

  it('rings with a kind filter spread the nodes around rings, not along a line', async () => {
    const v = view();
    v.setKindShown('meeting', false);
    v.setKindShown('artifact', false);
    await runLayout(v.cy, 'concentric', { animate: false });
    const shown = v.visibility.shownNodes();
    const xs = new Set(shown.map((n) => Math.round(n.position().x)));
    // Cytoscape's own concentric layout put one node per ring at the same angle: one x for all.
    expect(xs.size).toBeGreaterThan(shown.length / 2);
    const points = shown.map((n) => n.position());
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i] as { x: number; y: number };
        const b = points[j] as { x: number; y: number };
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(60);
      }
    v.dispose();
  });
});

describe('ringPositions', () => {
  it('puts the best connected node in the centre and fills each ring before the next', () => {
    const nodes = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, degree: 20 - i, size: 30 }));
    const p = ringPositions(nodes);
    expect(p.n0).toEqual({ x: 0, y: 0 });
    const radius = (id: string) => Math.round(Math.hypot(p[id]?.x ?? 0, p[id]?.y ?? 0));
    const radii = nodes.map((n) => radius(n.id));
    // Radii never shrink as degree falls, and the first ring holds more than one node.
    for (let i = 1; i < radii.length; i++)
      expect(radii[i]).toBeGreaterThanOrEqual(radii[i - 1] as number);
    expect(radii.filter((r) => r === radii[1]).length).toBeGreaterThan(1);
  });
});
