import { describe, expect, it } from 'vitest';
import { TestCommunity } from './testCommunity.ts';
import { buildTies } from './ties.ts';

/**
 * A, B, C meet on 10 Jan; A and D write artifact X (D from 1 Feb); D mentors E (1 Mar); X mentions
 * F (5 Mar), so both its authors gain a tie to F; G does nothing with anyone.
 */
const community = () =>
  new TestCommunity()
    .member('A')
    .member('B')
    .member('C')
    .member('D')
    .member('E')
    .member('F')
    .member('G')
    .meeting('m1', '2025-01-10')
    .attended('m1', 'A', 'B', 'C')
    .entity('X', 'artifact', { type: 'document' })
    .link('A', 'contributes-to', 'X', '2025-01-15T00:00:00.000Z')
    .link('D', 'contributes-to', 'X', '2025-02-01T00:00:00.000Z')
    .link('D', 'mentors', 'E', '2025-03-01T00:00:00.000Z')
    .link('X', 'mentions', 'F', '2025-03-05T00:00:00.000Z', 'X');

const byPair = (ties: ReturnType<typeof buildTies>) =>
  Object.fromEntries(ties.map((t) => [`${t.a}-${t.b}`, t.weight]));

describe('buildTies', () => {
  it('weighs co-attendance 1 shared among the meeting (Newman), co-authoring 2, mentoring 3, mentions 1', () => {
    // m1 has three attendees: each pair gets 1 / (3 - 1).
    expect(byPair(buildTies(community().data))).toEqual({
      'A-B': 0.5,
      'A-C': 0.5,
      'B-C': 0.5,
      'A-D': 2,
      'D-E': 3,
      'A-F': 1,
      'D-F': 1,
    });
  });

  it('dates each tie by its evidence and keeps the entities behind it', () => {
    const ad = buildTies(community().data).find((t) => t.a === 'A' && t.b === 'D');
    expect(ad).toMatchObject({
      first: '2025-02-01T00:00:00.000Z',
      last: '2025-02-01T00:00:00.000Z',
      counts: { coAttendance: 0, coAuthoring: 1, mentoring: 0, mentions: 0 },
      evidence: ['X'],
    });
  });

  it('keeps only the evidence inside the period asked for', () => {
    const march = buildTies(community().data, { since: '2025-03-01T00:00:00.000Z' });
    expect(byPair(march)).toEqual({ 'D-E': 3, 'A-F': 1, 'D-F': 1 });
  });

  it('counts editing a document, from the activity records, as authoring it', () => {
    const c = community().edit('G', 'X', '2025-02-10T00:00:00.000Z');
    const ties = byPair(buildTies(c.data));
    expect(ties['A-G']).toBe(2);
    expect(ties['D-G']).toBe(2);
    expect(ties['F-G']).toBe(1);
  });
});
