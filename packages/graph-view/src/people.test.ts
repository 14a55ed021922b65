import { describe, expect, it } from 'vitest';
import { GraphView } from './graphView.ts';
import { MemoryGraphSource } from './memoryGraphSource.ts';
import { peopleMode } from './modes.ts';
import { communityColour, type PeopleNetwork } from './people.ts';
import { memoryPositionStore } from './positionStore.ts';
import { sampleCommunity } from './sampleCommunity.ts';

const network: PeopleNetwork = {
  kind: 'member',
  ties: [
    { a: 'm-ana', b: 'm-ben', weight: 5 },
    { a: 'm-ben', b: 'm-eli', weight: 2 },
    { a: 'm-ana', b: 'm-nobody', weight: 9 },
  ],
  communities: [
    { name: 'Lesson study', members: ['m-ana', 'm-ben'] },
    { name: 'Reading', members: ['m-eli'] },
  ],
  brokers: [{ memberId: 'm-ben', betweenness: 0.5, explanation: 'Bridges the two groups' }],
};

describe('the People mode', () => {
  it('shows members only, joined by the ties, coloured by community, and goes back', async () => {
    const view = new GraphView({
      source: new MemoryGraphSource(sampleCommunity()),
      positions: memoryPositionStore(),
    });
    const all = view.visibility.shownNodes().length;
    const relations = view.cy.edges().length;
    const mode = peopleMode(async () => network);
    mode.enter(view);
    await new Promise((r) => setTimeout(r, 0));
    const shown = view.visibility.shownNodes();
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.every((n) => n.data('kind') === 'member')).toBe(true);
    // Only the ties show (a tie to someone not in the graph is left out), no relation.
    const edges = view.cy
      .edges()
      .filter((e) => view.visibility.isShown(e.id()))
      .map((e) => e.id())
      .sort();
    expect(edges).toEqual(['people:m-ana|m-ben', 'people:m-ben|m-eli']);
    expect(view.cy.getElementById('m-ana').data('communityColour')).toBe(communityColour(0));
    expect(view.cy.getElementById('m-eli').data('communityColour')).toBe(communityColour(1));
    expect(view.cy.getElementById('m-ben').hasClass('broker')).toBe(true);
    expect(view.kinds().filter((k) => !view.visibility.kindHidden(k))).toEqual(['member']);
    mode.leave?.(view);
    expect(view.visibility.shownNodes().length).toBe(all);
    expect(view.cy.edges().length).toBe(relations);
    expect(view.cy.getElementById('m-ana').data('communityColour')).toBeUndefined();
    expect(view.people).toBeNull();
    view.dispose();
  });

  it('keeps the members shown and reports why when the network cannot be had', async () => {
    const view = new GraphView({ source: new MemoryGraphSource(sampleCommunity()) });
    const errors: string[] = [];
    peopleMode(
      () => Promise.reject(new Error('the insight plugin is off')),
      (e) => errors.push(e.message),
    ).enter(view);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(['the insight plugin is off']);
    expect(view.visibility.shownNodes().every((n) => n.data('kind') === 'member')).toBe(true);
    view.dispose();
  });

  it('asks for the network at the time bar’s day, and again once the bar rests on another', async () => {
    const view = new GraphView({ source: new MemoryGraphSource(sampleCommunity()) });
    const asked: (string | undefined)[] = [];
    const mode = peopleMode(async (at) => {
      asked.push(at);
      return at
        ? { ...network, ties: [network.ties[0] as PeopleNetwork['ties'][number]] }
        : network;
    });
    mode.enter(view, null);
    await new Promise((r) => setTimeout(r, 0));
    expect(view.people?.ties).toHaveLength(3);
    // ▶ passes three days quickly: one question, for the day it rests on.
    mode.dateChanged?.(view, '2025-03-01');
    mode.dateChanged?.(view, '2025-03-02');
    mode.dateChanged?.(view, '2025-03-03');
    await new Promise((r) => setTimeout(r, 400));
    expect(asked).toEqual([undefined, '2025-03-03T23:59:59Z']);
    expect(view.people?.ties).toHaveLength(1);
    mode.leave?.(view);
    view.dispose();
  });
});
