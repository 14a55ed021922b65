import { type CommunityData, CommunityIndex, getOrCreate, KINDS, RELATIONS } from './community.ts';
import type { Network } from './network.ts';
import type { Tie } from './ties.ts';

/** A named Louvain community: its members and what they share. */
export interface NamedCommunity {
  /** Index in {@link Network.communities}. */
  readonly index: number;
  /** "the LMS pilot group" style name, from the practice its members share most distinctively. */
  readonly name: string;
  /** The practice the name comes from, when one does. */
  readonly practiceId: string | undefined;
  /** Its members. */
  readonly members: readonly string[];
}

/** A member who lies between others, with the number and the words for it. */
export interface Broker {
  /** The member entity. */
  readonly memberId: string;
  /** Their name. */
  readonly name: string;
  /** Normalised betweenness (the number behind the rank). */
  readonly betweenness: number;
  /** How many members they are tied to. */
  readonly degree: number;
  /** "Bridges the LMS pilot group and the Digital Citizenship group." */
  readonly explanation: string;
  /** The communities their ties reach (indexes into {@link Network.communities}). */
  readonly bridges: readonly number[];
}

/**
 * Names each community by the practice its members practise, are expert in or contribute
 * artifacts to, most distinctively (its share among them minus its share in the other
 * communities); a community with no practice is named for its best-connected member.
 */
export function nameCommunities(data: CommunityData, network: Network): NamedCommunity[] {
  const index = CommunityIndex.of(data);
  const practicesOf = new Map<string, Set<string>>();
  const note = (member: string, practice: string) => {
    if (index.byId.get(practice)?.kind !== KINDS.practice) return;
    getOrCreate(practicesOf, member, () => new Set<string>()).add(practice);
  };
  for (const r of index.relations) {
    if (r.type === RELATIONS.practises || r.type === RELATIONS.expertIn) note(r.from, r.to);
  }
  const documented = new Map<string, string[]>();
  for (const r of index.ofType(RELATIONS.documents))
    getOrCreate(documented, r.from, () => [] as string[]).push(r.to);
  for (const r of index.ofType(RELATIONS.contributesTo))
    for (const practice of documented.get(r.to) ?? []) note(r.from, practice);

  const shares = network.communities.map((members) => {
    const counts = new Map<string, number>();
    for (const m of members)
      for (const p of practicesOf.get(m) ?? []) counts.set(p, (counts.get(p) ?? 0) + 1);
    return new Map([...counts].map(([p, c]) => [p, c / members.length]));
  });
  // The two highest shares of each practice across communities, so "its share elsewhere" is one
  // lookup rather than a pass over every other community.
  const highest = new Map<string, [first: number, firstAt: number, second: number]>();
  shares.forEach((byPractice, i) => {
    for (const [p, share] of byPractice) {
      const h = highest.get(p) ?? [0, -1, 0];
      if (share > h[0]) highest.set(p, [share, i, h[0]]);
      else if (share > h[2]) highest.set(p, [h[0], h[1], share]);
      else highest.set(p, h);
    }
  });
  const degree = new Map(network.members.map((m) => [m.memberId, m.degree]));
  const used = new Set<string>();
  return network.communities.map((members, i) => {
    let best: string | undefined;
    let bestScore = 0;
    for (const [p, share] of shares[i] ?? []) {
      if (used.has(p)) continue;
      const h = highest.get(p) ?? [0, -1, 0];
      const score = share - (h[1] === i ? h[2] : h[0]);
      if (score > bestScore || (score === bestScore && best !== undefined && p < best)) {
        best = p;
        bestScore = score;
      }
    }
    if (best) used.add(best);
    const hub = [...members].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0))[0];
    const name = best
      ? `the ${index.byId.get(best)?.title ?? best} group`
      : `${index.byId.get(hub ?? '')?.title ?? 'an unnamed'}'s group`;
    return { index: i, name, practiceId: best, members };
  });
}

const list = (names: string[]) =>
  names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The members with betweenness above zero, highest first, each explained: which communities
 * their ties bridge, or how many of their contacts are not tied to each other.
 */
export function rankBrokers(
  data: CommunityData,
  network: Network,
  ties: readonly Tie[],
  named: readonly NamedCommunity[] = nameCommunities(data, network),
  limit = 10,
): Broker[] {
  const index = CommunityIndex.of(data);
  const neighbours = new Map<string, Set<string>>();
  for (const t of ties) {
    for (const [x, y] of [
      [t.a, t.b],
      [t.b, t.a],
    ] as const) {
      getOrCreate(neighbours, x, () => new Set<string>()).add(y);
    }
  }
  const communityOf = new Map(network.members.map((m) => [m.memberId, m.community]));
  return network.members
    .filter((m) => m.betweenness > 1e-12)
    .sort((a, b) => b.betweenness - a.betweenness || a.memberId.localeCompare(b.memberId))
    .slice(0, limit)
    .map((m) => {
      const mine = neighbours.get(m.memberId) ?? new Set<string>();
      const reached = [...new Set([m.community, ...[...mine].map((n) => communityOf.get(n) ?? -1)])]
        .filter((c) => c >= 0)
        .sort((a, b) => a - b);
      let explanation: string;
      if (reached.length >= 2) {
        explanation = `Bridges ${list(reached.map((c) => named[c]?.name ?? `group ${c + 1}`))}.`;
      } else {
        const contacts = [...mine];
        let unlinked = 0;
        for (let i = 0; i < contacts.length; i++)
          for (let j = i + 1; j < contacts.length; j++)
            if (!neighbours.get(contacts[i] as string)?.has(contacts[j] as string)) unlinked++;
        explanation = `Connects ${unlinked} pair${unlinked === 1 ? '' : 's'} of members who have no tie of their own.`;
      }
      return {
        memberId: m.memberId,
        name: index.byId.get(m.memberId)?.title ?? m.memberId,
        betweenness: m.betweenness,
        degree: m.degree,
        explanation,
        bridges: reached,
      };
    });
}
