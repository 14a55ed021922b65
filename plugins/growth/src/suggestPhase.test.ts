import { describe, expect, it } from 'vitest';
import { PHASES } from './phases.ts';
import { type PhaseSuggestion, suggestPhase } from './suggestPhase.ts';
import { spread, testCommunity } from './testCommunity.ts';

const decisive = (s: PhaseSuggestion) => s.signals.filter((x) => x.decisive).map((x) => x.id);
const text = (s: PhaseSuggestion, id: string) => s.signals.find((x) => x.id === id)?.text;

/** A community two and a half years old with a settled repertoire, measured on 2025-06-01. */
const established = (attendees: (date: string) => number) =>
  testCommunity({
    members: Array.from({ length: 12 }, () => '2023-02-01'),
    meetings: { from: '2023-02-01', to: '2025-05-28', attendees },
    repertoire: [
      ...spread(12, '2023-03-01', 40, { established: true }),
      ...spread(5, '2024-06-15', 20),
      ...spread(2, '2025-01-10', 30, { kind: 'artifact' }),
    ],
  });

describe('suggestPhase', () => {
  it('suggests potential when no meeting has been held', () => {
    const s = suggestPhase(
      testCommunity({ members: ['2025-01-10', '2025-01-12', '2025-01-20', '2025-01-21'] }),
      '2025-02-01',
    );
    expect(s.phase).toBe('potential');
    expect(decisive(s)).toContain('meetings');
    expect(text(s, 'meetings')).toBe('No meeting has been held yet.');
  });

  it('suggests potential for two people, however often they meet', () => {
    const s = suggestPhase(
      testCommunity({
        members: ['2024-01-10', '2024-01-10'],
        meetings: { from: '2024-01-15', to: '2025-01-15', attendees: () => 2 },
      }),
      '2025-01-20',
    );
    expect(s.phase).toBe('potential');
    expect(decisive(s)).toEqual(['size']);
    expect(text(s, 'size')).toMatch(/^Only 2 members/);
  });

  it('suggests coalescing for a young community with a small repertoire, and says its age', () => {
    const s = suggestPhase(
      testCommunity({
        members: Array.from({ length: 6 }, () => '2025-01-06'),
        meetings: { from: '2025-01-06', to: '2025-03-31', attendees: () => 5 },
        repertoire: spread(2, '2025-02-01', 14),
      }),
      '2025-04-05',
    );
    expect(s.phase).toBe('coalescing');
    expect(decisive(s)).toEqual(expect.arrayContaining(['age', 'repertoire']));
    expect(text(s, 'age')).toBe('The community is 2 months old (since 6 January 2025).');
    expect(s.measures.meetingsHeld).toBe(7);
  });

  it('suggests maturing while the repertoire grows and newcomers arrive', () => {
    const s = suggestPhase(
      testCommunity({
        members: [
          ...Array.from({ length: 7 }, () => '2024-09-01'),
          '2025-01-10',
          '2025-02-01',
          '2025-03-01',
        ],
        meetings: { from: '2024-09-02', to: '2025-05-26', attendees: () => 7 },
        repertoire: [...spread(4, '2024-09-15', 20), ...spread(8, '2024-12-10', 20)],
      }),
      '2025-06-01',
    );
    expect(s.phase).toBe('maturing');
    expect(decisive(s)).toEqual(expect.arrayContaining(['age', 'size', 'repertoire']));
    expect(text(s, 'size')).toBe('10 members, 3 joined in the last six months.');
    expect(text(s, 'repertoire')).toMatch(
      /^8 practices and artifacts recorded in the last six months, 4 in the six before/,
    );
  });

  it('suggests stewardship for an old community whose repertoire has settled', () => {
    const s = suggestPhase(
      established(() => 8),
      '2025-06-01',
    );
    expect(s.phase).toBe('stewardship');
    expect(decisive(s)).toEqual(expect.arrayContaining(['age', 'repertoire', 'participation']));
    expect(text(s, 'participation')).toBe(
      'Attendance held steady: 8 members a meeting this term, 8 the term before.',
    );
  });

  it('suggests transformation when attendance falls sharply', () => {
    const s = suggestPhase(
      established((date) => (date > '2025-03-02' ? 3 : 8)),
      '2025-06-01',
    );
    expect(s.phase).toBe('transformation');
    expect(decisive(s)).toEqual(['participation']);
    expect(text(s, 'participation')).toBe(
      'Attendance fell: 3 members a meeting this term, 8 the term before.',
    );
  });

  it('suggests transformation when meetings have lapsed, but not when the next one is planned', () => {
    const lapsed = testCommunity({
      members: Array.from({ length: 8 }, () => '2024-02-01'),
      meetings: { from: '2024-02-05', to: '2025-02-20', attendees: () => 6 },
      repertoire: spread(6, '2024-03-01', 30),
    });
    const s = suggestPhase(lapsed, '2025-06-01');
    expect(s.phase).toBe('transformation');
    expect(decisive(s)).toEqual(['regularity']);
    expect(text(s, 'regularity')).toMatch(
      /^No meeting for \d+ days and none planned; it usually meets every 14 days\.$/,
    );
    const planned = {
      ...lapsed,
      entities: [
        ...lapsed.entities,
        {
          id: 'next',
          kind: 'meeting',
          title: 'Restart',
          fields: { date: '2025-06-10' },
          createdAt: '2025-05-30T00:00:00Z',
        },
      ],
    };
    expect(suggestPhase(planned, '2025-06-01').phase).not.toBe('transformation');
  });

  it('reaches every phase, always with at least one decisive signal listed first', () => {
    const seen = new Set<string>();
    const cases = [
      suggestPhase(testCommunity({ members: ['2025-01-01'] }), '2025-01-02'),
      suggestPhase(
        testCommunity({
          members: Array.from({ length: 5 }, () => '2025-01-06'),
          meetings: { from: '2025-01-06', to: '2025-02-03', attendees: () => 4 },
        }),
        '2025-02-05',
      ),
      suggestPhase(
        established(() => 8),
        '2025-06-01',
      ),
      suggestPhase(
        established(() => 8),
        '2024-09-01',
      ),
      suggestPhase(
        established((d) => (d > '2025-03-02' ? 2 : 8)),
        '2025-06-01',
      ),
    ];
    for (const s of cases) {
      seen.add(s.phase);
      expect(s.signals[0]?.decisive).toBe(true);
      for (const signal of s.signals) expect(signal.text).toMatch(/\.$/);
    }
    expect([...seen].sort()).toEqual([...PHASES].sort());
  });

  it('is the same answer for the same graph and day, and ignores meetings after that day', () => {
    const graph = established(() => 8);
    expect(suggestPhase(graph, '2025-06-01T09:00:00Z')).toEqual(suggestPhase(graph, '2025-06-01'));
    const early = suggestPhase(graph, '2023-03-01');
    expect(early.phase).toBe('coalescing');
    expect(early.measures.meetingsHeld).toBe(3);
    expect(early.measures.meetingsPlanned).toBeGreaterThan(50);
  });
});
