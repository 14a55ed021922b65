import { expect, it } from 'vitest';
import { computeInsight } from './insight.ts';
import { analyseNetwork } from './network.ts';

it('a community with no members yet has an empty network, not an error', () => {
  const network = analyseNetwork([], []);
  expect(network.members).toEqual([]);
  expect(network.isolated).toEqual([]);
  expect(network.communities).toEqual([]);
});

it('the whole report of an empty community computes (the Community page of a new workspace)', () => {
  const report = computeInsight({ entities: [], relations: [] }, {}, '2026-12-01T00:00:00Z');
  expect(report.network.members).toEqual([]);
});
