import { describe, expect, it } from 'vitest';
import { computeInsight } from './insight.ts';
import { computeParticipation } from './participation.ts';
import { compareTerms, dataAsOf, termsOf } from './terms.ts';
import { TestCommunity } from './testCommunity.ts';
import { visibleTo } from './visibility.ts';

/**
 * Two terms of a small year plan. Term 1 (3 Feb – 11 Apr): m1 (a, b, c), m2 (a, b), and a and b
 * write artifact x together. Term 2 (28 Apr – 4 Jul): e joins on 1 May; m3 (a, c, e), m4 (a, e);
 * c starts mentoring d; problem p is recorded with no practice. m5 (20 Apr, a alone) falls
 * between the terms and counts in neither.
 */
function yearPlan() {
  return new TestCommunity()
    .entity('t1', 'term', { title: 'Term 1', start: '2025-02-03', end: '2025-04-11' })
    .entity('t2', 'term', { title: 'Term 2', start: '2025-04-28', end: '2025-07-04' })
    .member('a')
    .member('b')
    .member('c')
    .member('d')
    .member('e', '2025-05-01')
    .meeting('m1', '2025-02-10')
    .meeting('m2', '2025-03-10')
    .meeting('m5', '2025-04-20')
    .meeting('m3', '2025-05-10')
    .meeting('m4', '2025-06-10')
    .attended('m1', 'a', 'b', 'c')
    .attended('m2', 'a', 'b')
    .attended('m5', 'a')
    .attended('m3', 'a', 'c', 'e')
    .attended('m4', 'a', 'e')
    .entity('x', 'artifact', { type: 'document' }, '2025-03-01T00:00:00.000Z')
    .link('a', 'contributes-to', 'x', '2025-03-01T00:00:00.000Z')
    .link('b', 'contributes-to', 'x', '2025-03-01T00:00:00.000Z')
    .link('c', 'mentors', 'd', '2025-05-15T00:00:00.000Z')
    .entity('p', 'problem', {}, '2025-05-20T00:00:00.000Z');
}

describe('termsOf', () => {
  it("reads the year plan's terms, each ending the day after its last day", () => {
    expect(termsOf(yearPlan().data)).toEqual([
      {
        key: 't1',
        label: 'Term 1',
        start: '2025-02-03T00:00:00.000Z',
        end: '2025-04-12T00:00:00.000Z',
      },
      {
        key: 't2',
        label: 'Term 2',
        start: '2025-04-28T00:00:00.000Z',
        end: '2025-07-05T00:00:00.000Z',
      },
    ]);
  });

  it('falls back to calendar quarters without a year plan, from the first member to the date', () => {
    const data = new TestCommunity().member('a', '2025-01-15').meeting('m1', '2025-02-10').data;
    expect(termsOf(data, '2025-06-30T00:00:00.000Z').map((t) => t.label)).toEqual([
      'Term 1 2025',
      'Term 2 2025',
    ]);
  });

  it('skips a term whose dates cannot be read', () => {
    const data = new TestCommunity().entity('t', 'term', { start: 'soon', end: '2025-03-01' }).data;
    expect(termsOf(data, '2024-01-01T00:00:00.000Z')).toEqual([]);
  });
});

describe('compareTerms', () => {
  const [one, two] = compareTerms(yearPlan().data, termsOf(yearPlan().data));

  it('counts meetings and attendances within each term only', () => {
    // m5 (20 April) is between the terms.
    expect([one?.meetings, one?.attendances, one?.attendees]).toEqual([2, 5, 3]);
    expect([two?.meetings, two?.attendances, two?.attendees]).toEqual([2, 5, 3]);
  });

  it('assigns levels over the whole term', () => {
    // Term 1, four members: a 6, b 6, c 3, d 0; one core slot, which b shares with a.
    expect(one?.totals).toEqual({ core: 2, active: 0, peripheral: 1, inactive: 1 });
    // Term 2, five members (e joined): a 6, e 6, c 3, b 0, d 0.
    expect(two?.totals).toEqual({ core: 2, active: 0, peripheral: 1, inactive: 2 });
    const level = (t: typeof one, id: string) => t?.levels.find((l) => l.memberId === id)?.level;
    expect([level(one, 'b'), level(two, 'b')]).toEqual(['core', 'inactive']);
    expect(level(one, 'e')).toBeUndefined();
  });

  it("finds each term's working ties and the members without one", () => {
    // Term 1: a–b = ½ (m1) + 1 (m2) + 2 (x) = 3.5; a–c and b–c ½ each: one tie.
    expect(one?.ties).toBe(1);
    expect([...(one?.isolated ?? [])].sort()).toEqual(['c', 'd']);
    // Term 2: c mentors d (3); a–e = ½ + 1 = 1.5 is below the threshold of 2.
    expect(two?.ties).toBe(1);
    expect([...(two?.isolated ?? [])].sort()).toEqual(['a', 'b', 'e']);
  });

  it('counts the gaps as they stood at the end of each term', () => {
    // Term 1: none. Term 2: problem p has no practice, and artifact x (1 March) has been
    // untouched for more than three months on 4 July.
    expect([one?.gaps, two?.gaps]).toEqual([0, 2]);
  });

  it('comes with the report when asked, and a plain member sees only their own level', () => {
    const data = yearPlan().data;
    const report = computeInsight(data, {}, '2025-07-05T00:00:00.000Z', undefined, {
      compare: termsOf(data),
    });
    expect(report.comparison?.map((t) => t.totals.core)).toEqual([2, 2]);
    const seen = visibleTo(report, { memberId: 'c', privileged: false });
    expect(seen.comparison?.[0]?.levels).toEqual([{ memberId: 'c', level: 'peripheral' }]);
    expect(seen.comparison?.[0]?.totals).toEqual(one?.totals);
    // The count of isolated members stays; only the viewer's own name does.
    expect(seen.comparison?.[0]?.isolated).toEqual(['c', '']);
    expect(seen.comparison?.every((t) => t.brokers.length === 0)).toBe(true);
  });
});

describe('the past', () => {
  it('dataAsOf keeps only what was recorded by the date', () => {
    const past = dataAsOf(yearPlan().edit('a', 'x', '2025-06-01T00:00:00.000Z').data, '2025-03-31');
    expect(past.entities.map((e) => e.id)).not.toContain('e');
    expect(past.entities.map((e) => e.id)).toContain('m2');
    expect(past.relations.some((r) => r.to === 'm3')).toBe(false);
    expect(past.activity).toEqual([]);
  });

  it('computeInsight on the data of a past date describes that date', () => {
    const data = yearPlan().data;
    const march = computeInsight(dataAsOf(data, '2025-03-31'), {}, '2025-03-31T00:00:00.000Z');
    expect(march.asOf).toBe('2025-03-10T00:00:00.000Z');
    expect(march.participation.periods.at(-1)?.key).toBe('2025-03');
    expect(march.participation.members.map((m) => m.memberId)).toEqual(['a', 'b', 'c', 'd']);
    expect(march.gaps).toEqual([]);
  });

  it('explicit periods count only what falls inside them', () => {
    const data = yearPlan().data;
    const [t1] = termsOf(data);
    const p = computeParticipation(data, { periods: t1 ? [t1] : [], until: '2025-12-31' });
    const a = p.members.find((m) => m.memberId === 'a');
    // a came to m1, m2 in the term; m5, m3 and m4 are outside it.
    expect(a?.periods).toHaveLength(1);
    expect(a?.periods[0]?.counts.attendance).toBe(2);
    expect(a?.periods[0]?.meetings).toEqual(['m1', 'm2']);
  });
});
