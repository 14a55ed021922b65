import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { bindGraph } from './graphBinding.ts';
import { MemoryGraphSource } from './memoryGraphSource.ts';
import { memoryPositionStore } from './positionStore.ts';
import { randomCommunity, sampleCommunity } from './sampleCommunity.ts';

const headless = () => cytoscape({ headless: true, styleEnabled: true });

/** Records the ids of every element Cytoscape reports as added, removed, changed or moved. */
function watch(cy: cytoscape.Core) {
  const seen = new Set<string>();
  cy.on('add remove data position', (e) => {
    seen.add(e.target.id());
  });
  return seen;
}

describe('bindGraph', () => {
  it('maps every entity to a node and every relation to an edge, with kind, title and degree', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    bindGraph(cy, source);
    expect(cy.nodes().length).toBe(sampleCommunity().entities.length);
    expect(cy.edges().length).toBe(sampleCommunity().relations.length);
    const ana = cy.getElementById('m-ana');
    expect(ana.data()).toMatchObject({ label: 'Ana Rivera', kind: 'member', degree: 4 });
    const edge = cy.getElementById('m-ana|mentors|m-eli');
    expect(edge.data()).toMatchObject({ source: 'm-ana', target: 'm-eli', type: 'mentors' });
  });

  it('an added relation touches only its edge and its two ends', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    bindGraph(cy, source);
    const seen = watch(cy);
    source.put({
      relations: [{ id: 'm-ben|mentors|m-dev', from: 'm-ben', type: 'mentors', to: 'm-dev' }],
    });
    expect([...seen].sort()).toEqual(['m-ben', 'm-ben|mentors|m-dev', 'm-dev']);
    expect(cy.getElementById('m-dev').data('degree')).toBe(4);
  });

  it('a renamed entity touches only its node', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    bindGraph(cy, source);
    const seen = watch(cy);
    source.put({ entities: [{ id: 'pr-peer-obs', kind: 'practice', title: 'Peer coaching' }] });
    expect([...seen]).toEqual(['pr-peer-obs']);
    expect(cy.getElementById('pr-peer-obs').data('label')).toBe('Peer coaching');
  });

  it('a removed entity takes its relations with it and updates its neighbours’ degree only', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    bindGraph(cy, source);
    const before = cy.elements().length;
    const seen = watch(cy);
    source.remove({ entities: ['m-eli'] });
    expect(cy.getElementById('m-eli').empty()).toBe(true);
    expect(cy.getElementById('m-ana|mentors|m-eli').empty()).toBe(true);
    expect(cy.elements().length).toBe(before - 3);
    expect([...seen].sort()).toEqual(
      ['m-ana', 'm-ana|mentors|m-eli', 'm-eli', 'm-eli|attended|mt-cycle2', 'mt-cycle2'].sort(),
    );
  });

  it('places a new entity next to its neighbour without moving anyone else', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    cy.layout({ name: 'grid' }); // positions come from the binding, not from here
    bindGraph(cy, source);
    cy.nodes().forEach((n, i) => {
      n.position({ x: (i % 5) * 200, y: Math.floor(i / 5) * 200 });
    });
    const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    source.put({
      entities: [{ id: 'm-gus', kind: 'member', title: 'Gus Lind' }],
      relations: [
        {
          id: 'm-gus|practises|pr-think-pair',
          from: 'm-gus',
          type: 'practises',
          to: 'pr-think-pair',
        },
      ],
    });
    for (const [id, p] of before) expect(cy.getElementById(id).position()).toEqual(p);
    const anchor = cy.getElementById('pr-think-pair').position();
    const gus = cy.getElementById('m-gus').position();
    expect(Math.hypot(gus.x - anchor.x, gus.y - anchor.y)).toBeLessThan(120);
  });

  it('ignores a relation whose end is missing, so nothing dangles', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    bindGraph(cy, source);
    source.put({
      relations: [{ id: 'm-ana|mentors|ghost', from: 'm-ana', type: 'mentors', to: 'ghost' }],
    });
    expect(cy.getElementById('m-ana|mentors|ghost').empty()).toBe(true);
  });

  it('remembers positions and puts nodes back where the member left them', () => {
    const store = memoryPositionStore();
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    const binding = bindGraph(cy, source, { positions: store });
    expect(binding.unplacedAtLoad.length).toBe(cy.nodes().length);
    cy.getElementById('m-ana').position({ x: 123, y: -45 });
    binding.savePositions();
    const again = headless();
    const second = bindGraph(again, source, { positions: store });
    expect(second.unplacedAtLoad).toEqual([]);
    expect(again.getElementById('m-ana').position()).toEqual({ x: 123, y: -45 });
  });

  it('stops following the source once disposed', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const cy = headless();
    bindGraph(cy, source).dispose();
    source.put({ entities: [{ id: 'x', kind: 'member', title: 'X' }] });
    expect(cy.getElementById('x').empty()).toBe(true);
  });

  describe('progressive load', () => {
    /** Runs slices only when the test says so, each with a budget of zero (one chunk). */
    function stepped() {
      const queue: (() => void)[] = [];
      return {
        pacing: { sliceMs: 0, schedule: (run: () => void) => queue.push(run) },
        step: () => queue.shift()?.(),
        get pending() {
          return queue.length;
        },
      };
    }

    it('puts every entity in at once, sized by its full degree, and the relations in slices', async () => {
      const graph = randomCommunity(1200, 3);
      const source = new MemoryGraphSource(graph);
      const cy = headless();
      const steps = stepped();
      const progress: number[] = [];
      const binding = bindGraph(cy, source, {
        progressive: { ...steps.pacing, onProgress: (loaded) => progress.push(loaded) },
      });
      expect(cy.nodes().length).toBe(1200);
      expect(cy.edges().length).toBe(0);
      const hub = graph.relations.filter((r) => r.from === 'e0' || r.to === 'e0').length;
      expect(cy.getElementById('e0').data('degree')).toBe(hub);
      while (steps.pending > 0) steps.step();
      await binding.loaded;
      expect(cy.edges().length).toBe(graph.relations.length);
      // A chunk is 500 relations: 3,600 arrive in eight slices, reported as they come.
      expect(progress).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 3600]);
    });

    it('skips a relation removed before its slice, and keeps one a live change already added', async () => {
      const graph = randomCommunity(300, 3);
      const source = new MemoryGraphSource(graph);
      const cy = headless();
      const steps = stepped();
      const binding = bindGraph(cy, source, { progressive: steps.pacing });
      const gone = graph.relations[850] as { id: string; from: string };
      const early = graph.relations[880] as { id: string; from: string; to: string };
      source.remove({ relations: [gone.id] });
      // A live change re-adds a relation the load has not reached: it shows at once.
      source.remove({ relations: [early.id] });
      source.put({ relations: [early as never] });
      expect(cy.getElementById(early.id).nonempty()).toBe(true);
      while (steps.pending > 0) steps.step();
      await binding.loaded;
      expect(cy.getElementById(gone.id).empty()).toBe(true);
      expect(cy.edges().length).toBe(graph.relations.length - 1);
      // Sizes counted over half-loaded relations during the load are right once it is done.
      const degree = (id: string) => cy.getElementById(id).degree(false);
      expect(cy.getElementById(early.from).data('degree')).toBe(degree(early.from));
      expect(cy.getElementById(gone.from).data('degree')).toBe(degree(gone.from));
    });

    it('loads at once the relations a remembered layout needs to place a new entity', async () => {
      const source = new MemoryGraphSource(sampleCommunity());
      const store = memoryPositionStore();
      bindGraph(headless(), source).savePositions();
      const remembered = headless();
      bindGraph(remembered, source, { positions: store }).savePositions();
      source.put({
        entities: [{ id: 'm-new', kind: 'member', title: 'New' }],
        relations: [{ id: 'm-new|mentors|m-ana', from: 'm-new', type: 'mentors', to: 'm-ana' }],
      });
      const cy = headless();
      const steps = stepped();
      bindGraph(cy, source, { positions: store, progressive: steps.pacing });
      expect(cy.getElementById('m-new|mentors|m-ana').nonempty()).toBe(true);
      const ana = cy.getElementById('m-ana').position();
      const added = cy.getElementById('m-new').position();
      expect(Math.hypot(added.x - ana.x, added.y - ana.y)).toBeLessThan(120);
      expect(cy.edges().length).toBe(1);
    });
  });
});
