import type { HealthAnswer } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import { aggregateAnswers } from './aggregateAnswers.ts';

const answer = (score: number, extra: Partial<HealthAnswer> = {}): HealthAnswer => ({
  scores: {
    jointEnterprise: score,
    mutualEngagement: score,
    sharedRepertoire: score,
    negotiationOfMeaning: score,
    participation: score,
    identity: 6 - score,
  },
  shareComments: false,
  ...extra,
});

describe('aggregateAnswers', () => {
  it('shows only counts below the threshold', () => {
    const r = aggregateAnswers([answer(5), answer(1)], 3, 8);
    expect(r).toEqual({
      responses: 2,
      invited: 8,
      responseRate: 0.25,
      threshold: 3,
      visible: false,
      elements: null,
      comments: null,
    });
  });

  it('gives the mean, median and distribution per element at the threshold', () => {
    const r = aggregateAnswers([answer(4), answer(2), answer(5)], 3, 4);
    expect(r.visible).toBe(true);
    expect(r.responseRate).toBe(0.75);
    const joint = r.elements?.find((e) => e.id === 'jointEnterprise');
    expect(joint).toEqual({
      id: 'jointEnterprise',
      mean: 3.67,
      median: 4,
      distribution: [0, 1, 0, 1, 1],
    });
    const identity = r.elements?.find((e) => e.id === 'identity');
    expect(identity).toMatchObject({ mean: 2.33, median: 2, distribution: [1, 1, 0, 1, 0] });
    expect(r.elements?.map((e) => e.id)).toEqual([
      'jointEnterprise',
      'mutualEngagement',
      'sharedRepertoire',
      'negotiationOfMeaning',
      'participation',
      'identity',
    ]);
  });

  it('takes the median of an even count as the middle two', () => {
    const r = aggregateAnswers([answer(1), answer(2), answer(4), answer(5)], 3, 4);
    expect(r.elements?.[0]).toMatchObject({ mean: 3, median: 3 });
  });

  it('shares only the comments members chose to share, sorted, never below the threshold', () => {
    const answers = [
      answer(3, { comments: { participation: 'zebra idea' }, shareComments: true }),
      answer(3, { comments: { participation: 'kept private' }, shareComments: false }),
      answer(3, {
        comments: { participation: '  apple idea ', identity: ' ' },
        shareComments: true,
      }),
    ];
    expect(aggregateAnswers(answers, 3, 3).comments).toEqual({
      participation: ['apple idea', 'zebra idea'],
    });
    expect(aggregateAnswers(answers, 4, 3).comments).toBeNull();
  });

  it('counts everyone who answered as asked, and an empty round as nothing', () => {
    expect(aggregateAnswers([answer(3), answer(3)], 2, 1)).toMatchObject({
      invited: 2,
      responseRate: 1,
    });
    expect(aggregateAnswers([], 2, 0)).toMatchObject({ responseRate: 0, visible: false });
  });
});
