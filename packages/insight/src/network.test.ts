import { describe, expect, it } from 'vitest';
import { nameCommunities, rankBrokers } from './brokers.ts';
import { analyseNetwork } from './network.ts';
import { TestCommunity } from './testCommunity.ts';
import { buildTies } from './ties.ts';

/** S mentors five members who have nothing else to do with each other; Z is alone. */
const star = () => {
  const c = new TestCommunity().member('S').member('Z');
  for (const leaf of ['L1', 'L2', 'L3', 'L4', 'L5']) c.member(leaf).link('S', 'mentors', leaf);
  return c;
};

/**
 * Two groups of three each write an artifact together and practise different things; M is mentor
 * to one member of each: a1 (LMS pilot) and b1 (Digital citizenship). Each group also meets, which
 * alone (½ per pair in a meeting of three) stays under the network's minimum tie weight of 2.
 */
const twoGroups = () => {
  const c = new TestCommunity();
  for (const id of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'M']) c.member(id);
  c.entity('lms', 'practice', { title: 'LMS pilot' }).entity('dc', 'practice', {
    title: 'Digital citizenship',
  });
  c.meeting('ma', '2025-01-10').attended('ma', 'a1', 'a2', 'a3');
  c.meeting('mb', '2025-01-11').attended('mb', 'b1', 'b2', 'b3');
  c.entity('artA', 'artifact').entity('artB', 'artifact');
  for (const id of ['a1', 'a2', 'a3'])
    c.link(id, 'practises', 'lms').link(id, 'contributes-to', 'artA');
  for (const id of ['b1', 'b2', 'b3'])
    c.link(id, 'practises', 'dc').link(id, 'contributes-to', 'artB');
  c.link('M', 'mentors', 'a1').link('M', 'mentors', 'b1');
  return c;
};

const analyse = (c: TestCommunity) => {
  const ties = buildTies(c.data);
  const members = c.entities.filter((e) => e.kind === 'member').map((e) => e.id);
  const network = analyseNetwork(members, ties);
  return { ties, network, brokers: rankBrokers(c.data, network, ties) };
};

describe('analyseNetwork', () => {
  it("finds a star's centre as the only broker", () => {
    const { brokers } = analyse(star());
    expect(brokers.map((b) => b.memberId)).toEqual(['S']);
    // Exact, normalised as graphology-metrics does: 5·4 ordered pairs of leaves / (6·5).
    expect(brokers[0]?.betweenness).toBeCloseTo(20 / 30, 10);
    expect(brokers[0]?.degree).toBe(5);
  });

  it('calls a member with no tie isolated', () => {
    expect(analyse(star()).network.isolated).toEqual(['Z']);
  });

  it('leaves out ties under the minimum weight: meeting together alone is no working tie', () => {
    const c = new TestCommunity().member('x').member('y').member('z');
    c.meeting('m', '2025-01-10').attended('m', 'x', 'y', 'z');
    expect(analyse(c).network.isolated).toEqual(['x', 'y', 'z']);
  });

  it('flags the facilitator-centred pattern when one member holds most ties', () => {
    expect(analyse(star()).network.centredOn).toEqual({ memberId: 'S', share: 1 });
    expect(analyse(twoGroups()).network.centredOn).toBeUndefined();
  });

  it('finds the two groups as Louvain communities and names them by what they practise', () => {
    const c = twoGroups();
    const { network } = analyse(c);
    const named = nameCommunities(c.data, network);
    const groupOf = (id: string) => named.find((n) => n.members.includes(id))?.name;
    expect(groupOf('a2')).toBe('the LMS pilot group');
    expect(groupOf('b2')).toBe('the Digital citizenship group');
    expect(groupOf('a2')).toBe(groupOf('a3'));
    expect(groupOf('a2')).not.toBe(groupOf('b2'));
  });

  it('ranks the member between two groups first and says what they bridge', () => {
    const { brokers } = analyse(twoGroups());
    expect(brokers[0]?.memberId).toBe('M');
    // M is on the one shortest path of each of the 3·3 pairs across the groups; graphology counts
    // ordered pairs and divides by (n-1)(n-2): 18 / 30. a1 and b1 each carry (2 of their group)
    // × (M and the other group's 3): 16 / 30.
    expect(brokers.map((b) => [b.memberId, b.betweenness * 30])).toEqual([
      ['M', expect.closeTo(18, 9)],
      ['a1', expect.closeTo(16, 9)],
      ['b1', expect.closeTo(16, 9)],
    ]);
    expect(brokers[0]?.explanation).toMatch(
      /^Bridges the (LMS pilot|Digital citizenship) group and the (LMS pilot|Digital citizenship) group\.$/,
    );
    expect(brokers[0]?.explanation).toContain('LMS pilot');
    expect(brokers[0]?.explanation).toContain('Digital citizenship');
  });
});
