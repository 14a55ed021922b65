import { describe, expect, it } from 'vitest';
import { GraphView } from './graphView.ts';
import { MemoryGraphSource } from './memoryGraphSource.ts';
import { memoryPositionStore } from './positionStore.ts';
import { sampleCommunity, sampleCommunityAt } from './sampleCommunity.ts';

const shown = (view: GraphView) =>
  view.visibility
    .shownNodes()
    .map((n) => n.id())
    .sort();

function makeView() {
  const source = new MemoryGraphSource(sampleCommunity());
  const view = new GraphView({
    source,
    graphAt: sampleCommunityAt,
    positions: memoryPositionStore(),
  });
  return { source, view };
}

describe('GraphView exploring', () => {
  it('lays out a graph nobody has arranged yet, every node at a distinct place', () => {
    const { view } = makeView();
    const spots = new Set(
      view.cy.nodes().map((n) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`),
    );
    expect(spots.size).toBe(view.cy.nodes().length);
  });

  it('filters out a kind and a relation type, and brings them back', () => {
    const { view } = makeView();
    view.setKindShown('meeting', false);
    expect(shown(view).some((id) => id.startsWith('mt-'))).toBe(false);
    view.setRelationShown('mentors', false);
    expect(view.visibility.isShown('m-ana|mentors|m-eli')).toBe(false);
    expect(view.visibility.isShown('m-ana|practises|pr-lesson-study')).toBe(true);
    view.setKindShown('meeting', true);
    view.setRelationShown('mentors', true);
    expect(shown(view).length).toBe(view.cy.nodes().length);
    expect(view.kinds()).toEqual([
      'artifact',
      'domain',
      'meeting',
      'member',
      'practice',
      'problem',
    ]);
  });

  it('shows the local graph of one entity to depth 1 and 2', () => {
    const { view } = makeView();
    view.showLocal('pr-lesson-study', 1);
    expect(shown(view)).toEqual(['a-guide', 'm-ana', 'm-ben', 'p-reading-gap', 'pr-lesson-study']);
    expect(view.focused()).toBe('pr-lesson-study');
    view.showLocal('pr-lesson-study', 2);
    expect(shown(view)).toContain('m-eli');
    expect(shown(view)).toContain('d-literacy');
    expect(shown(view)).not.toContain('m-fatima');
    view.showAll();
    expect(shown(view).length).toBe(view.cy.nodes().length);
  });

  it('local graph follows the filters: hidden relation types are not walked', () => {
    const { view } = makeView();
    view.setRelationShown('mentors', false);
    view.showLocal('m-ana', 1);
    expect(shown(view)).not.toContain('m-eli');
  });

  it('expands and collapses a neighbourhood', () => {
    const { view } = makeView();
    view.showLocal('pr-lesson-study', 1);
    view.expand('m-ana');
    expect(shown(view)).toEqual(expect.arrayContaining(['m-eli', 'mt-kickoff']));
    view.collapse('m-ana');
    // Eli hangs on Ana alone in this view, the kick-off also links Ben so it stays.
    expect(shown(view)).not.toContain('m-eli');
    expect(shown(view)).toContain('mt-kickoff');
    view.expand('m-ana');
    expect(shown(view)).toContain('m-eli');
  });

  it('finds the shortest path between two members, honouring filters', () => {
    const { view } = makeView();
    const path = view.showPath('m-eli', 'm-dev');
    expect(path?.[0]).toBe('m-eli');
    expect(path?.at(-1)).toBe('m-dev');
    expect(path?.length).toBe(4); // Eli → cycle 2 → think-pair-share → Dev
    expect(view.cy.$('edge.path').length).toBe(3);
    view.setKindShown('meeting', false);
    view.setKindShown('practice', false);
    view.setKindShown('artifact', false);
    expect(view.showPath('m-eli', 'm-dev')).toBeNull();
    expect(() => view.showPath('m-eli', 'nobody')).toThrow(/nobody/);
  });

  it('searches titles, fuzzy, best first', () => {
    const { view } = makeView();
    expect(view.search('lesson')[0]?.id).toBe('pr-lesson-study');
    expect(view.search('obs').map((h) => h.id)).toEqual(['a-rubric', 'pr-peer-obs']);
    expect(view.search('thnk')[0]?.id).toBe('pr-think-pair');
    expect(view.search('  ')).toEqual([]);
  });

  it('moves the focus with arrow keys to a node in that direction and opens it with Enter', () => {
    const { view } = makeView();
    const opened: string[] = [];
    view.onDidOpen((id) => opened.push(id));
    view.focus('m-ana');
    const ana = view.cy.getElementById('m-ana').position();
    const right = view.moveFocus('right');
    if (right !== null) expect(view.cy.getElementById(right).position().x).toBeGreaterThan(ana.x);
    view.openFocused();
    expect(opened).toEqual([right ?? 'm-ana']);
  });

  it('fires its events through the base Emitter: a throwing listener stops no other', () => {
    const { view } = makeView();
    const opened: string[] = [];
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      view.onDidOpen(() => {
        throw new Error('a broken listener');
      });
      view.onDidOpen((id) => opened.push(id));
      view.focus('m-ana');
      view.openFocused();
      expect(opened).toEqual(['m-ana']);
      expect(String(errors[0])).toContain('a broken listener');
    } finally {
      console.error = consoleError;
    }
  });

  it('keeps the selection in the order the member picked it (link and path go first → second)', () => {
    const { view } = makeView();
    const seen: string[][] = [];
    view.onDidChangeSelection((ids) => seen.push(ids));
    view.cy.getElementById('m-eli').select();
    view.cy.getElementById('m-ana').select();
    expect(view.selected()).toEqual(['m-eli', 'm-ana']);
    view.select(['m-dev', 'm-ben']);
    expect(view.selected()).toEqual(['m-dev', 'm-ben']);
    view.cy.getElementById('m-dev').unselect();
    expect(seen.at(-1)).toEqual(['m-ben']);
  });

  it('tells when the shown date changes, so a time bar follows commands', async () => {
    const { view } = makeView();
    const dates: (string | null)[] = [];
    view.onDidChangeShownDate((d) => dates.push(d ? d.toISOString().slice(0, 10) : null));
    await view.showAt(new Date('2026-05-01'));
    view.showNow();
    view.showNow();
    expect(dates).toEqual(['2026-05-01', null]);
  });

  it('sizes nodes by betweenness: brokers grow', () => {
    const { view } = makeView();
    view.sizeBy('betweenness');
    const size = (id: string) => view.cy.getElementById(id).data('size') as number;
    expect(size('p-quiet')).toBeGreaterThan(size('d-literacy'));
    view.sizeBy('uniform');
    expect(size('p-quiet')).toBe(size('d-literacy'));
  });

  it('lays out on demand (concentric, fcose) and remembers where nodes went', async () => {
    const store = memoryPositionStore();
    const view = new GraphView({
      source: new MemoryGraphSource(sampleCommunity()),
      positions: store,
    });
    const progress: number[] = [];
    await view.layout('concentric', { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toBe(1);
    expect(store.load()['m-ana']).toEqual({
      x: Math.round(view.cy.getElementById('m-ana').position().x),
      y: Math.round(view.cy.getElementById('m-ana').position().y),
    });
    await view.layout('fcose');
    const controller = new AbortController();
    controller.abort();
    await expect(view.layout('fcose', { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('applies live changes to the filtered view: a new meeting stays hidden while meetings are', () => {
    const { source, view } = makeView();
    view.setKindShown('meeting', false);
    source.put({ entities: [{ id: 'mt-new', kind: 'meeting', title: 'Retreat' }] });
    expect(view.visibility.isShown('mt-new')).toBe(false);
    view.setKindShown('meeting', true);
    expect(view.visibility.isShown('mt-new')).toBe(true);
  });
});

describe('GraphView time slider', () => {
  it('shows an entity as added-since before it existed, and plainly after', async () => {
    const { view } = makeView();
    const before = await view.showAt(new Date('2026-05-01'));
    expect(before?.addedSince).toContain('m-fatima');
    expect(view.cy.getElementById('m-fatima').hasClass('added-since')).toBe(true);
    expect(view.cy.getElementById('m-ana').hasClass('added-since')).toBe(false);
    await view.showAt(new Date('2026-10-01'));
    expect(view.cy.getElementById('m-fatima').hasClass('added-since')).toBe(false);
    view.showNow();
    expect(view.cy.$('.added-since').length).toBe(0);
  });

  it('brings back what was removed since, marked, and drops it on return to now', async () => {
    const { source, view } = makeView();
    source.remove({ entities: ['a-rubric'] });
    const diff = await view.showAt(new Date('2026-08-01'));
    expect(diff?.removedSince).toContain('a-rubric');
    const ghost = view.cy.getElementById('a-rubric');
    expect(ghost.hasClass('removed-since')).toBe(true);
    expect(view.cy.getElementById('a-rubric|documents|pr-peer-obs').nonempty()).toBe(true);
    view.showNow();
    expect(view.cy.getElementById('a-rubric').empty()).toBe(true);
  });

  it('plays growth: only what existed at each frame is drawn', async () => {
    const { view } = makeView();
    const counts: number[] = [];
    await view.playGrowth({
      from: new Date('2026-01-01'),
      to: new Date('2026-10-01'),
      steps: 4,
      frameMs: 0,
      onFrame: () => counts.push(view.cy.nodes().not('.not-yet').length),
    });
    expect(counts[0]).toBe(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(view.cy.nodes().length);
    expect(view.shownDate).toBeNull();
  });

  it('refuses an invalid date and changes nothing', async () => {
    const { view } = makeView();
    await expect(view.showAt(new Date('nope'))).rejects.toThrow(/date/);
    expect(view.shownDate).toBeNull();
  });
});
