import { describe, expect, it } from 'vitest';
import { computeAlerts } from './alerts.ts';
import {
  assignLevels,
  computeParticipation,
  DEFAULT_THRESHOLDS,
  levelTotals,
} from './participation.ts';
import { TestCommunity } from './testCommunity.ts';

describe('assignLevels', () => {
  it('gives the top 15% core, the next 20% active, the rest with a score peripheral', () => {
    // Ten members: round(1.5) = 2 core, round(3.5) = 4 core-or-active, 3 peripheral, 3 inactive.
    const scores = new Map([10, 9, 8, 7, 6, 5, 4, 0, 0, 0].map((s, i) => [`m${i}`, s]));
    const levels = assignLevels(scores, DEFAULT_THRESHOLDS);
    expect([...levels.values()]).toEqual([
      'core',
      'core',
      'active',
      'active',
      'peripheral',
      'peripheral',
      'peripheral',
      'inactive',
      'inactive',
      'inactive',
    ]);
  });

  it('puts members with equal scores at the same level, the higher one', () => {
    const levels = assignLevels(
      new Map([
        ['a', 5],
        ['b', 5],
        ['c', 5],
        ['d', 1],
      ]),
      DEFAULT_THRESHOLDS,
    );
    expect(Object.fromEntries(levels)).toEqual({
      a: 'core',
      b: 'core',
      c: 'core',
      d: 'peripheral',
    });
  });

  it('follows configured shares', () => {
    const scores = new Map([4, 3, 2, 1].map((s, i) => [`m${i}`, s]));
    const levels = assignLevels(scores, {
      ...DEFAULT_THRESHOLDS,
      coreShare: 0.5,
      activeShare: 0.5,
    });
    expect([...levels.values()]).toEqual(['core', 'core', 'active', 'active']);
  });
});

/**
 * A, B found the community in January; C joins on 15 February.
 * Meetings: 10 Jan (A, B), 20 Feb (A, C), 10 Mar (A). In March a document mentions B and B edits
 * it. Scores (attendance ×3, edits, mentions): Jan A 3, B 3 · Feb A 3, B 0, C 3 · Mar A 3, B 2, C 0.
 */
const threeMembers = () =>
  new TestCommunity()
    .member('A', '2025-01-01')
    .member('B', '2025-01-01')
    .member('C', '2025-02-15')
    .meeting('m1', '2025-01-10')
    .meeting('m2', '2025-02-20')
    .meeting('m3', '2025-03-10')
    .attended('m1', 'A', 'B')
    .attended('m2', 'A', 'C')
    .attended('m3', 'A')
    .entity('doc', 'artifact', { type: 'document' })
    .link('doc', 'mentions', 'B', '2025-03-05T10:00:00.000Z', 'doc')
    .edit('B', 'doc', '2025-03-06T10:00:00.000Z');

describe('computeParticipation', () => {
  const participation = computeParticipation(threeMembers().data, {
    unit: 'month',
    until: '2025-03-31T00:00:00.000Z',
  });
  const of = (id: string) => participation.members.find((m) => m.memberId === id);

  it('counts attendance, edits and mentions per member and month', () => {
    expect(participation.periods.map((p) => p.key)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(of('B')?.periods.map((p) => p.counts)).toEqual([
      { attendance: 1, edits: 0, recorded: 0, mentions: 0 },
      { attendance: 0, edits: 0, recorded: 0, mentions: 0 },
      { attendance: 0, edits: 1, recorded: 0, mentions: 1 },
    ]);
    expect(of('A')?.periods.map((p) => p.meetings)).toEqual([['m1'], ['m2'], ['m3']]);
  });

  it('derives each level from the ranking of that period', () => {
    expect(of('A')?.periods.map((p) => p.level)).toEqual(['core', 'core', 'core']);
    expect(of('B')?.periods.map((p) => p.level)).toEqual(['core', 'inactive', 'peripheral']);
    // C has no January: they had not joined.
    expect(of('C')?.periods.map((p) => [p.period, p.level])).toEqual([
      ['2025-02', 'core'],
      ['2025-03', 'inactive'],
    ]);
  });

  it('counts what an account recorded for its linked member only', () => {
    const community = threeMembers();
    community.entities.push({
      ...community.entities[0]!,
      id: 'p1',
      kind: 'practice',
      createdBy: 'u_c',
      createdAt: '2025-03-20T00:00:00.000Z',
    });
    const withAccounts = computeParticipation(community.data, {
      until: '2025-03-31T00:00:00.000Z',
      memberOfAccount: new Map([['u_c', 'C']]),
    });
    const march = withAccounts.members.find((m) => m.memberId === 'C')?.periods.at(-1);
    expect(march?.counts.recorded).toBe(1);
    expect(march?.level).toBe('peripheral');
  });

  it('totals members per level per period', () => {
    expect(levelTotals(participation).map((t) => t.totals)).toEqual([
      { core: 2, active: 0, peripheral: 0, inactive: 0 },
      { core: 2, active: 0, peripheral: 0, inactive: 1 },
      { core: 1, active: 0, peripheral: 1, inactive: 1 },
    ]);
  });
});

describe('computeAlerts', () => {
  const alerts = computeAlerts(
    computeParticipation(threeMembers().data, { until: '2025-03-31T00:00:00.000Z' }),
  );
  const of = (id: string) => alerts.find((a) => a.memberId === id);

  it('welcomes back a member who returns after a quiet period', () => {
    expect(of('B')).toMatchObject({ kind: 'returning', reason: 'Back after 1 quiet period.' });
  });

  it('calls a member who fell two levels for two periods running drifting, with a next step', () => {
    const community = new TestCommunity().member('A').member('C');
    community.meeting('m1', '2025-01-10').attended('m1', 'A', 'C');
    community.meeting('m2', '2025-02-10').attended('m2', 'A');
    community.meeting('m3', '2025-03-10').attended('m3', 'A');
    const [alert] = computeAlerts(
      computeParticipation(community.data, { until: '2025-03-31T00:00:00.000Z' }),
    );
    // Two meetings missed is under the absence rule's three; the level rule sees core → inactive.
    expect(alert).toMatchObject({
      kind: 'drifting',
      memberId: 'C',
      reason: 'Took part as core earlier, and not at all in the last two periods.',
    });
    expect(alert?.suggestion).toMatch(/^Invite C to/);
  });

  it('does not call a one-period dip drifting', () => {
    expect(of('C')).toBeUndefined();
  });

  it('does not flag a steady founder', () => {
    expect(of('A')).toBeUndefined();
  });

  it('calls a member absent from the last meetings after being active drifting', () => {
    const community = new TestCommunity().member('A').member('D');
    const dates = [
      '2025-01-08',
      '2025-01-22',
      '2025-02-05',
      '2025-02-19',
      '2025-03-05',
      '2025-03-19',
    ];
    for (const [i, d] of dates.entries()) community.meeting(`m${i}`, d);
    for (const i of dates.keys()) community.attended(`m${i}`, ...(i < 3 ? ['A', 'D'] : ['A']));
    const [alert] = computeAlerts(
      computeParticipation(community.data, { until: '2025-03-31T00:00:00.000Z' }),
    );
    expect(alert).toMatchObject({
      kind: 'drifting',
      memberId: 'D',
      reason: 'Came to 3 of 3 meetings up to m2 (2025-02-05), and none of the 3 since.',
      evidence: ['m2', 'm3', 'm4', 'm5'],
    });
  });

  it('notices a newcomer moving in from the periphery', () => {
    const community = new TestCommunity().member('A').member('B').member('N', '2025-02-01');
    community.meeting('m1', '2025-01-10').attended('m1', 'A', 'B');
    community.meeting('m2', '2025-02-10').attended('m2', 'A', 'B');
    community
      .entity('doc', 'artifact')
      .link('doc', 'mentions', 'N', '2025-02-11T00:00:00.000Z', 'doc');
    community.meeting('m3', '2025-03-10').attended('m3', 'A', 'B', 'N');
    const alerts = computeAlerts(
      computeParticipation(community.data, { until: '2025-03-31T00:00:00.000Z' }),
    );
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'newcomer',
        memberId: 'N',
        reason: 'Joined on 2025-02-01 and is moving in: from peripheral to core.',
      }),
    ]);
  });
});
