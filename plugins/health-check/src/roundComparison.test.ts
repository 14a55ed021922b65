import type { HealthElementId, HealthRoundInfo } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import {
  compareRounds,
  defaultPair,
  describeChange,
  describeResponses,
  isVisible,
  trendOf,
} from './roundComparison.ts';

const IDS: HealthElementId[] = [
  'jointEnterprise',
  'mutualEngagement',
  'sharedRepertoire',
  'negotiationOfMeaning',
  'participation',
  'identity',
];

function round(id: string, means: number[] | null, responses = 4): HealthRoundInfo {
  return {
    id,
    title: `Round ${id}`,
    questions: {} as HealthRoundInfo['questions'],
    questionsEdited: false,
    status: 'closed',
    openedAt: '2025-03-01T00:00:00.000Z',
    openedBy: 'Fran',
    closedAt: null,
    myAnswer: null,
    results: {
      responses,
      invited: 8,
      responseRate: responses / 8,
      threshold: 3,
      visible: means !== null,
      elements: means
        ? IDS.map((e, i) => ({ id: e, mean: means[i] as number, median: 3, distribution: [] }))
        : null,
      comments: means ? {} : null,
    },
  };
}

describe('comparing rounds', () => {
  it('gives each element before, after and the change, in the seed order', () => {
    const a = round('a', [2, 3, 3.5, 4, 2.25, 3]);
    const b = round('b', [3, 3, 3.1, 4.5, 2, 3]);
    if (!isVisible(a) || !isVisible(b)) throw new Error('both have results');
    const rows = compareRounds(a, b);
    expect(rows.map((r) => [r.id, r.before, r.after, r.change])).toEqual([
      ['jointEnterprise', 2, 3, 1],
      ['mutualEngagement', 3, 3, 0],
      ['sharedRepertoire', 3.5, 3.1, -0.4],
      ['negotiationOfMeaning', 4, 4.5, 0.5],
      ['participation', 2.25, 2, -0.25],
      ['identity', 3, 3, 0],
    ]);
    expect(rows[0]?.label).toBe('Joint enterprise');
  });

  it('pairs the latest two rounds with results, skipping one below the threshold', () => {
    const rounds = [
      round('a', [1, 1, 1, 1, 1, 1]),
      round('b', [2, 2, 2, 2, 2, 2]),
      round('c', null, 1),
    ];
    expect(defaultPair(rounds)?.map((r) => r.id)).toEqual(['a', 'b']);
    expect(defaultPair([round('a', [1, 1, 1, 1, 1, 1]), round('c', null, 1)])).toBeUndefined();
  });

  it('draws a trend per element over the rounds with results only', () => {
    const trend = trendOf([
      round('a', [1, 2, 3, 4, 5, 1]),
      round('x', null),
      round('b', [2, 2, 2, 2, 2, 2]),
    ]);
    expect(trend.rounds.map((r) => r.id)).toEqual(['a', 'b']);
    expect(trend.series.find((s) => s.id === 'sharedRepertoire')?.means).toEqual([3, 2]);
    expect(trend.series).toHaveLength(6);
  });

  it('says changes and response rates in words', () => {
    expect(describeChange(0.4)).toBe('up 0.4');
    expect(describeChange(-0.25)).toBe('down 0.25');
    expect(describeChange(0)).toBe('no change');
    expect(describeResponses(round('a', null, 7).results)).toBe('7 of 8 answered (88%)');
  });
});
