import {
  type CommunityData,
  CommunityIndex,
  getOrCreate,
  KINDS,
  meetingDate,
  RELATIONS,
} from './community.ts';

/** How many of a tie's entities are kept as its evidence. */
const EVIDENCE_KEPT = 12;

/** What a tie between two members is made of. */
export type TieKind = 'coAttendance' | 'coAuthoring' | 'mentoring' | 'mentions';

/** How much one piece of evidence of each kind weighs. */
export interface TieWeights {
  /**
   * One meeting both attended, shared among its attendees: a meeting of k members adds
   * `coAttendance / (k - 1)` to each pair (Newman 2001, "Scientific collaboration networks. II"),
   * so sitting in the same large meeting says little and a small working session says more.
   * Default 1.
   */
  coAttendance: number;
  /** One artifact both contributed to. Default 2: working on one text is closer than one room. */
  coAuthoring: number;
  /** A mentoring relation. Default 3: a deliberate, continuing relationship. */
  mentoring: number;
  /** A document one of them wrote mentions the other. Default 1. */
  mentions: number;
}

/** The default {@link TieWeights}. */
export const DEFAULT_TIE_WEIGHTS: TieWeights = {
  coAttendance: 1,
  coAuthoring: 2,
  mentoring: 3,
  mentions: 1,
};

/** A weighted, dated, undirected tie between two members. */
export interface Tie {
  /** One member (the smaller id). */
  readonly a: string;
  /** The other member. */
  readonly b: string;
  /** The weighted sum of the evidence. */
  readonly weight: number;
  /** How many pieces of evidence of each kind. */
  readonly counts: Readonly<Record<TieKind, number>>;
  /** The first and last evidence (ISO 8601). */
  readonly first: string;
  readonly last: string;
  /** The entities behind it (meetings, artifacts, documents; the first 12), for links. */
  readonly evidence: readonly string[];
}

/** Options of {@link buildTies}. */
export interface TieOptions {
  /** Only evidence dated at or after this (ISO 8601). */
  since?: string;
  /** Only evidence dated at or before this (ISO 8601). */
  until?: string;
  /** Weights; missing keys take {@link DEFAULT_TIE_WEIGHTS}. */
  weights?: Partial<TieWeights>;
}

/** A tie as it is built: the returned object itself, its dates written once all is counted. */
interface MutableTie {
  a: string;
  b: string;
  weight: number;
  counts: Record<TieKind, number>;
  first: string;
  last: string;
  /** A short list, so an array: a lookup in twelve entries is cheaper than a Set per tie. */
  evidence: string[];
}

/**
 * The member-to-member network: who works with whom, from meetings attended together, artifacts
 * co-authored, mentoring, and documents (written by one member) that mention another. Document
 * authors are the artifact's contributors plus the members whose edits the activity records show.
 */
export function buildTies(data: CommunityData, options: TieOptions = {}): Tie[] {
  const w = { ...DEFAULT_TIE_WEIGHTS, ...options.weights };
  const since = options.since ? Date.parse(options.since) : -Infinity;
  const until = options.until ? Date.parse(options.until) : Infinity;
  const index = CommunityIndex.of(data);
  // A set of the members, far smaller than the index of every entity: most lookups are here.
  const memberIds = new Set<string>();
  for (const m of index.kind(KINDS.member)) if (index.byId.get(m.id) === m) memberIds.add(m.id);
  const isMember = (id: string) => memberIds.has(id);
  // Ties by their smaller member, then the other: no pair key string built per piece of evidence.
  // Values are indexes into `found`, whose first and last instants are kept as numbers beside it.
  const ties = new Map<string, Map<string, number>>();
  const found: MutableTie[] = [];
  const firsts: number[] = [];
  const lasts: number[] = [];
  const add = (x: string, y: string, kind: TieKind, time: number, evidence: string, share = 1) => {
    if (x === y || !(time >= since && time <= until)) return;
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    let byOther = ties.get(a);
    if (byOther === undefined) {
      byOther = new Map<string, number>();
      ties.set(a, byOther);
    }
    let at = byOther.get(b);
    if (at === undefined) {
      at = found.length;
      found.push({
        a,
        b,
        weight: 0,
        counts: { coAttendance: 0, coAuthoring: 0, mentoring: 0, mentions: 0 },
        first: '',
        last: '',
        evidence: [],
      });
      firsts.push(time);
      lasts.push(time);
      byOther.set(b, at);
    }
    const tie = found[at] as MutableTie;
    tie.weight += w[kind] * share;
    tie.counts[kind] += 1;
    if (time < (firsts[at] as number)) firsts[at] = time;
    if (time > (lasts[at] as number)) lasts[at] = time;
    // A few entities are enough to show where a tie comes from; hundreds would only cost memory.
    if (tie.evidence.length < EVIDENCE_KEPT && !tie.evidence.includes(evidence))
      tie.evidence.push(evidence);
  };
  const pairs = (group: readonly string[], each: (x: string, y: string) => void) => {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) each(group[i] as string, group[j] as string);
  };

  const attendees = new Map<string, string[]>();
  for (const r of index.ofType(RELATIONS.attended))
    if (isMember(r.from) && index.byId.get(r.to)?.kind === KINDS.meeting)
      getOrCreate(attendees, r.to, () => [] as string[]).push(r.from);
  for (const [meeting, group] of attendees) {
    const time = Date.parse(
      meetingDate(index.byId.get(meeting) as NonNullable<ReturnType<typeof index.byId.get>>),
    );
    const share = 1 / Math.max(1, group.length - 1);
    pairs(group, (x, y) => add(x, y, 'coAttendance', time, meeting, share));
  }

  // Authors of each entity: contributors, and members whose edits the activity records show.
  // Each entity's authors in the order first seen, with when each first worked on it: a few per
  // entity, so a short list rather than a Map for each of tens of thousands of artifacts.
  const authors = new Map<string, { members: string[]; since: number[] }>();
  const author = (entity: string, member: string, time: number) => {
    const list = getOrCreate(authors, entity, () => ({ members: [], since: [] }));
    const at = list.members.indexOf(member);
    if (at < 0) {
      list.members.push(member);
      list.since.push(time);
    } else if (time < (list.since[at] as number)) list.since[at] = time;
  };
  for (const r of index.ofType(RELATIONS.contributesTo))
    if (isMember(r.from)) author(r.to, r.from, Date.parse(r.createdAt));
  for (const a of data.activity ?? [])
    if (isMember(a.memberId) && index.byId.has(a.entityId))
      author(a.entityId, a.memberId, Date.parse(a.at));
  for (const [entity, { members, since: joined }] of authors) {
    if (members.length < 2 || index.byId.get(entity)?.kind !== KINDS.artifact) continue;
    // Co-authoring dates from when the second of the two joined the work.
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        add(
          members[i] as string,
          members[j] as string,
          'coAuthoring',
          Math.max(joined[i] as number, joined[j] as number),
          entity,
        );
  }

  for (const r of index.ofType(RELATIONS.mentors))
    if (isMember(r.from) && isMember(r.to))
      add(r.from, r.to, 'mentoring', Date.parse(r.createdAt), r.from);

  for (const r of index.ofType(RELATIONS.mentions)) {
    if (!isMember(r.to)) continue;
    const time = Date.parse(r.createdAt);
    const writers = isMember(r.from) ? [r.from] : (authors.get(r.from)?.members ?? []);
    for (const writer of writers) add(writer, r.to, 'mentions', time, r.from);
  }

  // ISO strings for the few distinct instants, not one Date per tie end.
  const iso = new Map<number, string>();
  const isoOf = (time: number) => getOrCreate(iso, time, () => new Date(time).toISOString());
  found.forEach((t, i) => {
    t.first = isoOf(firsts[i] as number);
    t.last = isoOf(lasts[i] as number);
  });
  return found;
}
