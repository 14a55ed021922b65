import {
  type CommunityGraph,
  dayOf,
  daysBefore,
  daysBetween,
  type GraphEntity,
  meetingDate,
} from './communityGraph.ts';

/**
 * What the life-phase suggestion reads from the community's own graph on one day. Windows are
 * counted back from `today`: "recent" is the last 91 days (a term), "previous" the term before;
 * repertoire growth compares the last six months with the six before.
 */
export interface CommunityMeasures {
  /** The day measured (YYYY-MM-DD). */
  readonly today: string;
  /** The first day of the community: its first meeting, or its first member's joining. */
  readonly start?: string;
  /** Days since `start` (0 without one). */
  readonly ageDays: number;
  /** Members, not counting guests. */
  readonly members: number;
  /** Members who joined in the last six months. */
  readonly newMembers: number;
  /** Meetings dated up to today. */
  readonly meetingsHeld: number;
  /** Meetings dated after today. */
  readonly meetingsPlanned: number;
  /** The last meeting held. */
  readonly lastMeeting?: string;
  /** The median number of days between the last (up to nine) meetings held. */
  readonly usualGapDays?: number;
  /** Meetings held in the last term, and the mean number of members who attended each. */
  readonly recent: { readonly meetings: number; readonly attendance?: number };
  /** The same for the term before. */
  readonly previous: { readonly meetings: number; readonly attendance?: number };
  /** Practices and artifacts recorded so far. */
  readonly repertoire: number;
  /** Practices and artifacts recorded in the last six months, and in the six months before. */
  readonly repertoireGrowth: { readonly recent: number; readonly previous: number };
  /** Practices whose status is `established`. */
  readonly established: number;
}

const TERM_DAYS = 91;
const HALF_YEAR_DAYS = 182;

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const within = (day: string, from: string, to: string) => day > from && day <= to;

/** When a member joined: their `joined` field, or when they were recorded. */
const joinedOn = (member: GraphEntity): string =>
  typeof member.fields.joined === 'string' ? dayOf(member.fields.joined) : dayOf(member.createdAt);

/** Measures the community on `now` (an ISO date or date-time) from its graph. Pure. */
export function measureCommunity(graph: CommunityGraph, now: string): CommunityMeasures {
  const today = dayOf(now);
  const termStart = daysBefore(today, TERM_DAYS);
  const previousTermStart = daysBefore(today, 2 * TERM_DAYS);
  const halfYear = daysBefore(today, HALF_YEAR_DAYS);
  const yearAgo = daysBefore(today, 2 * HALF_YEAR_DAYS);

  const members = graph.entities.filter((e) => e.kind === 'member' && e.fields.role !== 'guest');
  const meetings = graph.entities
    .filter((e) => e.kind === 'meeting')
    .flatMap((e) => {
      const date = meetingDate(e);
      return date ? [{ id: e.id, date }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  const held = meetings.filter((m) => m.date <= today);
  const attendees = new Map<string, number>();
  for (const r of graph.relations)
    if (r.type === 'attended') attendees.set(r.to, (attendees.get(r.to) ?? 0) + 1);
  const term = (from: string, to: string) => {
    const inTerm = held.filter((m) => within(m.date, from, to));
    const total = inTerm.reduce((sum, m) => sum + (attendees.get(m.id) ?? 0), 0);
    return inTerm.length === 0
      ? { meetings: 0 }
      : { meetings: inTerm.length, attendance: total / inTerm.length };
  };
  const lastDates = held.slice(-10).map((m) => m.date);
  const gaps = lastDates.slice(1).map((d, i) => daysBetween(lastDates[i] as string, d));
  const repertoire = graph.entities.filter((e) => e.kind === 'practice' || e.kind === 'artifact');
  const starts = [...(held[0] ? [held[0].date] : []), ...members.map(joinedOn)].sort();
  const start = starts[0];
  const usualGapDays = median(gaps);
  const lastMeeting = held.at(-1)?.date;
  return {
    today,
    ...(start ? { start } : {}),
    ageDays: start ? Math.max(0, daysBetween(start, today)) : 0,
    members: members.length,
    newMembers: members.filter((m) => within(joinedOn(m), halfYear, today)).length,
    meetingsHeld: held.length,
    meetingsPlanned: meetings.length - held.length,
    ...(lastMeeting ? { lastMeeting } : {}),
    ...(usualGapDays === undefined ? {} : { usualGapDays }),
    recent: term(termStart, today),
    previous: term(previousTermStart, termStart),
    repertoire: repertoire.filter((e) => dayOf(e.createdAt) <= today).length,
    repertoireGrowth: {
      recent: repertoire.filter((e) => within(dayOf(e.createdAt), halfYear, today)).length,
      previous: repertoire.filter((e) => within(dayOf(e.createdAt), yearAgo, halfYear)).length,
    },
    established: graph.entities.filter(
      (e) => e.kind === 'practice' && e.fields.status === 'established',
    ).length,
  };
}
