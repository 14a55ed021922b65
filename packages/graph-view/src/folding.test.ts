import { describe, expect, it } from 'vitest';
import { GraphView, type HoverInfo } from './graphView.ts';
import { MemoryGraphSource } from './memoryGraphSource.ts';
import { sampleCommunity } from './sampleCommunity.ts';

const MET = { kind: 'meeting', between: 'member', type: 'met' } as const;

function makeView() {
  const source = new MemoryGraphSource(sampleCommunity());
  return { source, view: new GraphView({ source }) };
}

const metLinks = (view: GraphView) =>
  view.cy
    .edges('.derived')
    .map((e) => `${e.source().id()}~${e.target().id()}×${e.data('weight')}`)
    .sort();

describe('folding meetings into who met whom', () => {
  it('hides the meetings and draws one weighted link per pair of members who met', () => {
    const { view } = makeView();
    view.setFold(MET);
    const shown = view.visibility.shownNodes().map((n) => n.id());
    expect(shown.some((id) => id.startsWith('mt-'))).toBe(false);
    expect(metLinks(view)).toEqual(['m-ana~m-ben×1', 'm-chloe~m-dev×1', 'm-eli~m-fatima×1']);
    expect(view.relationTypes()).toContain('met');
    // Folding changes nothing the member counts: sizes and the hover card read relations only.
    expect(view.cy.getElementById('m-ana').data('degree')).toBe(4);
    view.setFold(null);
    expect(view.cy.edges('.derived').length).toBe(0);
    expect(view.visibility.isShown('mt-kickoff')).toBe(true);
    view.dispose();
  });

  it('follows live attendance: a shared meeting more makes the link heavier', () => {
    const { source, view } = makeView();
    view.setFold(MET);
    source.put({
      relations: [
        { id: 'm-ana|attended|mt-cycle1', from: 'm-ana', type: 'attended', to: 'mt-cycle1' },
        { id: 'm-ben|attended|mt-cycle1', from: 'm-ben', type: 'attended', to: 'mt-cycle1' },
      ],
    });
    expect(metLinks(view)).toContain('m-ana~m-ben×2');
    expect(metLinks(view)).toContain('m-ana~m-chloe×1');
    expect(view.visibility.isShown('mt-cycle1')).toBe(false);
    view.dispose();
  });

  it('the member can hide the drawn links like any relation type', () => {
    const { view } = makeView();
    view.setFold(MET);
    view.setRelationShown('met', false);
    expect(view.visibility.isShown(view.cy.edges('.derived').first().id())).toBe(false);
    view.dispose();
  });

  it('meetings laid out while folded are placed next to their attendees when unfolded', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    const view = new GraphView({ source, autoLayout: false });
    // The force layout starts from random positions; a seeded generator makes every run lay out
    // the same graph (one start in three used to land the meeting just outside the bound).
    const random = Math.random;
    let seed = 42;
    Math.random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    try {
      view.setFold(MET);
      view.arrangeUnplaced();
      view.setFold(null);
    } finally {
      Math.random = random;
    }
    const kickoff = view.cy.getElementById('mt-kickoff');
    const meeting = kickoff.position();
    // Its attendees (Ana, Ben) and what it discussed: it lands among them, not where it was put
    // while hidden.
    const around = kickoff
      .neighborhood()
      .nodes()
      .map((n) => n.position());
    const mid = {
      x: around.reduce((s, p) => s + p.x, 0) / around.length,
      y: around.reduce((s, p) => s + p.y, 0) / around.length,
    };
    expect(around.length).toBe(3);
    expect(Math.hypot(meeting.x - mid.x, meeting.y - mid.y)).toBeLessThan(80);
    // …and given room: no two entities on top of each other.
    const all = view.cy.nodes().map((n) => n.position());
    let closest = Infinity;
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i] as { x: number; y: number };
        const b = all[j] as { x: number; y: number };
        closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
    expect(closest).toBeGreaterThan(25);
    view.dispose();
  });
});

describe('entities shown again after a layout that did not place them', () => {
  it('find room of their own instead of piling up by their neighbours', () => {
    // Eight meetings of the same two members: "next to their neighbours" is one spot for all.
    const meetings = Array.from({ length: 8 }, (_, i) => `mt-${i}`);
    const source = new MemoryGraphSource({
      entities: [
        { id: 'm-a', kind: 'member', title: 'A' },
        { id: 'm-b', kind: 'member', title: 'B' },
        ...meetings.map((id) => ({ id, kind: 'meeting', title: id })),
      ],
      relations: meetings.flatMap((id) => [
        { id: `m-a|attended|${id}`, from: 'm-a', type: 'attended', to: id },
        { id: `m-b|attended|${id}`, from: 'm-b', type: 'attended', to: id },
      ]),
    });
    const view = new GraphView({ source, autoLayout: false });
    view.setFold(MET);
    view.arrangeUnplaced();
    const a = { ...view.cy.getElementById('m-a').position() };
    view.setFold(null);
    // What was shown stays put…
    expect(view.cy.getElementById('m-a').position()).toEqual(a);
    // …and the meetings spread out.
    const spots = meetings.map((id) => view.cy.getElementById(id).position());
    let closest = Infinity;
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++) {
        const p = spots[i] as { x: number; y: number };
        const q = spots[j] as { x: number; y: number };
        closest = Math.min(closest, Math.hypot(p.x - q.x, p.y - q.y));
      }
    expect(closest).toBeGreaterThan(25);
    view.dispose();
  });
});

describe('the hover card', () => {
  it('goes when its entity moves, when the view pans, and when a filter hides it', () => {
    const { view } = makeView();
    const seen: (HoverInfo | null)[] = [];
    view.onDidHover((h) => seen.push(h));
    const ana = view.cy.getElementById('m-ana');
    ana.emit('mouseover');
    expect(seen.at(-1)?.id).toBe('m-ana');
    ana.position({ x: ana.position().x + 200, y: 0 });
    expect(seen.at(-1)).toBeNull();

    ana.emit('mouseover');
    view.cy.panBy({ x: 40, y: 0 });
    expect(seen.at(-1)).toBeNull();

    ana.emit('mouseover');
    view.setKindShown('member', false);
    expect(seen.at(-1)).toBeNull();
    view.dispose();
  });
});
