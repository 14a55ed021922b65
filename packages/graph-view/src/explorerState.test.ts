import { describe, expect, it } from 'vitest';
import { applyExplorerState } from './explorer/useViewSync.ts';
import {
  type ExplorerState,
  explorerReducer,
  initialExplorerState,
  parseExplorerState,
  serializeExplorerState,
} from './explorerState.ts';
import { GraphView } from './graphView.ts';
import { MemoryGraphSource } from './memoryGraphSource.ts';
import { DEFAULT_GRAPH_MODES } from './modes.ts';
import { memoryPositionStore } from './positionStore.ts';
import { sampleCommunity, sampleCommunityAt } from './sampleCommunity.ts';

const shown = (view: GraphView) =>
  view.visibility
    .shownNodes()
    .map((n) => n.id())
    .sort();

/** A state with every field away from its default. */
function busyState(): ExplorerState {
  let s = initialExplorerState('meetings-folded');
  for (const action of [
    { type: 'mode', mode: 'every-entity' },
    { type: 'toggleKind', kind: 'meeting' },
    { type: 'toggleKind', kind: 'artifact' },
    { type: 'toggleKind', kind: 'meeting' },
    { type: 'toggleRelation', relation: 'mentors' },
    { type: 'local', focus: 'pr-lesson-study', depth: 2 },
    { type: 'date', date: '2024-03-01' },
    { type: 'size', size: 'betweenness' },
  ] as const)
    s = explorerReducer(s, action);
  return { ...s, positions: { 'm-ana': { x: 12.5, y: -40 } } };
}

describe('explorer state', () => {
  it('records each change a member makes', () => {
    const s = busyState();
    expect(s).toEqual({
      version: 1,
      mode: 'every-entity',
      hiddenKinds: ['artifact'],
      hiddenRelations: ['mentors'],
      focus: 'pr-lesson-study',
      depth: 2,
      date: '2024-03-01',
      size: 'betweenness',
      positions: { 'm-ana': { x: 12.5, y: -40 } },
    });
    expect(explorerReducer(s, { type: 'local', focus: null }).focus).toBeNull();
    // Unchanged state is the same object, so React skips the render and the view the work.
    expect(explorerReducer(s, { type: 'size', size: 'betweenness' })).toBe(s);
  });

  it('round-trips through its JSON text', () => {
    const s = busyState();
    const text = serializeExplorerState(s);
    expect(parseExplorerState(text)).toEqual(s);
    expect(parseExplorerState(serializeExplorerState(initialExplorerState()))).toEqual(
      initialExplorerState(),
    );
  });

  it('refuses damaged text with the field at fault', () => {
    expect(() => parseExplorerState('{')).toThrow(/not valid JSON/);
    const bad = { ...busyState(), depth: 9 };
    expect(() => parseExplorerState(JSON.stringify(bad))).toThrow(/depth/);
    const nan = JSON.stringify({ ...busyState(), date: 'last week' });
    expect(() => parseExplorerState(nan)).toThrow(/date/);
    expect(() => serializeExplorerState({ ...busyState(), version: 2 } as never)).toThrow();
  });

  it('brings a view to a saved state, and back to the whole graph', async () => {
    const view = new GraphView({
      source: new MemoryGraphSource(sampleCommunity()),
      graphAt: sampleCommunityAt,
      positions: memoryPositionStore(),
    });
    const start = initialExplorerState('every-entity');
    const saved = {
      ...start,
      hiddenKinds: ['artifact'],
      hiddenRelations: ['mentors'],
      focus: 'pr-lesson-study',
      depth: 1,
      positions: { 'm-ana': { x: 1234, y: -567 } },
    };
    applyExplorerState(view, start, saved, DEFAULT_GRAPH_MODES);
    expect(shown(view)).toEqual(['m-ana', 'm-ben', 'p-reading-gap', 'pr-lesson-study']);
    expect(view.cy.getElementById('m-ana').position()).toEqual({ x: 1234, y: -567 });
    expect(view.nodePositions()['m-ana']).toEqual({ x: 1234, y: -567 });
    const folded = { ...saved, mode: 'meetings-folded' };
    applyExplorerState(view, saved, folded, DEFAULT_GRAPH_MODES);
    expect(view.fold?.kind).toBe('meeting');
    applyExplorerState(view, folded, start, DEFAULT_GRAPH_MODES);
    expect(view.fold).toBeNull();
    expect(shown(view).length).toBe(view.cy.nodes().length);
    view.dispose();
  });
});
