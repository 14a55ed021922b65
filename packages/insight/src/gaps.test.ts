import { describe, expect, it } from 'vitest';
import { findGaps } from './gaps.ts';
import { TestCommunity } from './testCommunity.ts';

describe('findGaps', () => {
  const community = () =>
    new TestCommunity()
      .member('A')
      .entity('d1', 'domain')
      .entity('d2', 'domain')
      .entity('p1', 'problem')
      .entity('p2', 'problem')
      .link('p1', 'belongs-to', 'd1')
      .link('p2', 'belongs-to', 'd1')
      .entity('x1', 'practice')
      .entity('x2', 'practice')
      .link('x1', 'addresses', 'p1')
      .link('A', 'practises', 'x1')
      .entity('art', 'artifact', {}, '2025-01-01T00:00:00.000Z')
      .link('art', 'documents', 'x1', '2025-01-01T00:00:00.000Z');

  it('finds each kind of gap, with what is missing', () => {
    const gaps = findGaps(community().data, { now: '2025-06-01T00:00:00.000Z' });
    expect(gaps.map((g) => [g.kind, g.entityId])).toEqual([
      ['problemWithoutPractice', 'p2'],
      ['practiceWithoutArtifact', 'x2'],
      ['practiceWithoutPractitioner', 'x2'],
      ['untouchedArtifact', 'art'],
      ['domainWithoutProblem', 'd2'],
    ]);
    expect(gaps.find((g) => g.kind === 'untouchedArtifact')?.detail).toBe(
      'Nobody has touched it for 4 months (since 2025-01-01).',
    );
  });

  it('counts a recent edit from the activity records as touching an artifact', () => {
    const gaps = findGaps(community().data, {
      now: '2025-06-01T00:00:00.000Z',
      lastEdited: new Map([['art', '2025-05-01T00:00:00.000Z']]),
    });
    expect(gaps.some((g) => g.kind === 'untouchedArtifact')).toBe(false);
  });

  it('honours the untouched-months setting', () => {
    const gaps = findGaps(community().data, {
      now: '2025-06-01T00:00:00.000Z',
      untouchedMonths: 6,
    });
    expect(gaps.some((g) => g.kind === 'untouchedArtifact')).toBe(false);
  });
});
