import { type Broker, nameCommunities, rankBrokers } from './brokers.ts';
import { type CommunityData, CommunityIndex, joinedDate, KINDS, meetingDate } from './community.ts';
import { findGaps } from './gaps.ts';
import { analyseNetwork } from './network.ts';
import {
  computeParticipation,
  type Level,
  type LevelThresholds,
  levelTotals,
} from './participation.ts';
import { type Period, periodOf } from './periods.ts';
import { buildTies, type TieWeights } from './ties.ts';

const DAY = 86_400_000;

/**
 * The graph as it stood at `date` (ISO 8601), from creation stamps alone: entities and relations
 * created by then, edits made by then. What the web app's `graph.at` answers without history; the
 * Community page asks `graph.at` itself (which also brings back what was deleted since) and uses
 * this for the term comparison, whose terms all lie before the date the page shows.
 */
export function dataAsOf(data: CommunityData, date: string): CommunityData {
  const time = Date.parse(date);
  return {
    entities: data.entities.filter((e) => Date.parse(e.createdAt) <= time),
    relations: data.relations.filter((r) => Date.parse(r.createdAt) <= time),
    activity: (data.activity ?? []).filter((a) => Date.parse(a.at) <= time),
  };
}

/** A day `YYYY-MM-DD` (or any date string) as the instant it starts, or NaN. */
const dayStart = (value: unknown): number =>
  typeof value === 'string' ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;

/**
 * The terms to compare: the year plan's `term` entities (`start` and `end` are their first and last
 * days, so a period ends the day after `end`), in date order; without a year plan, the calendar
 * quarters from the first meeting (or member) to `until`. Terms with unreadable dates are skipped.
 */
export function termsOf(data: CommunityData, until: string = new Date().toISOString()): Period[] {
  const index = CommunityIndex.of(data);
  const planned = index
    .kind('term')
    .map((t) => ({ t, start: dayStart(t.fields.start), end: dayStart(t.fields.end) + DAY }))
    .filter((x) => Number.isFinite(x.start) && Number.isFinite(x.end) && x.start < x.end)
    .sort((a, b) => a.start - b.start);
  if (planned.length > 0)
    return planned.map(({ t, start, end }) => ({
      key: t.id,
      label: t.title,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    }));
  const dated = [
    ...index.kind(KINDS.meeting).map((m) => Date.parse(meetingDate(m))),
    ...index.kind(KINDS.member).map((m) => Date.parse(joinedDate(m))),
  ].filter(Number.isFinite);
  const last = Date.parse(until);
  if (dated.length === 0 || !Number.isFinite(last)) return [];
  const quarters: Period[] = [];
  let quarter = periodOf(Math.min(...dated), 'term');
  while (Date.parse(quarter.start) <= last) {
    quarters.push(quarter);
    quarter = periodOf(Date.parse(quarter.end), 'term');
  }
  return quarters;
}

/** What one term looked like: the figures of the Community page, for that term alone. */
export interface TermSummary {
  /** The term (its key is the term entity's id, or the quarter's key). */
  readonly term: Period;
  /** Meetings held in the term. */
  readonly meetings: number;
  /** Attendances recorded at them (one per member per meeting). */
  readonly attendances: number;
  /** Members who came to at least one of them. */
  readonly attendees: number;
  /** Members per level over the whole term (the aggregate anyone may see). */
  readonly totals: Record<Level, number>;
  /** Each member's level in the term; cut to the viewer's own by `visibleTo`. */
  readonly levels: readonly { readonly memberId: string; readonly level: Level }[];
  /** Working ties formed in the term. */
  readonly ties: number;
  /** Members with no working tie in the term; names are cut by `visibleTo`, the count stays. */
  readonly isolated: readonly string[];
  /** The term's first brokers (at most 3); cut by `visibleTo`. */
  readonly brokers: readonly Broker[];
  /** Gaps in the repertoire at the term's end. */
  readonly gaps: number;
}

/** Settings of {@link compareTerms}: the community's, as `computeInsight` takes them. */
export interface TermOptions {
  readonly thresholds?: Partial<LevelThresholds>;
  readonly tieWeights?: Partial<TieWeights>;
  readonly minTieWeight?: number;
  readonly untouchedMonths?: number;
  readonly memberOfAccount?: ReadonlyMap<string, string>;
}

/**
 * Summarises each term from the data as it stood at the term's end (creation stamps, see
 * {@link dataAsOf}): levels are assigned over the whole term as one period, ties count when made
 * within it. Pure, like every computation here.
 */
export function compareTerms(
  data: CommunityData,
  terms: readonly Period[],
  options: TermOptions = {},
): TermSummary[] {
  const minimum = options.minTieWeight ?? 2;
  return terms.map((term) => {
    // The last instant of the term: what was recorded on its last day still counts.
    const until = new Date(Date.parse(term.end) - 1).toISOString();
    const then = dataAsOf(data, until);
    const index = CommunityIndex.of(then);
    const inTerm = (date: string) => term.start <= date && date < term.end;
    const participation = computeParticipation(then, {
      periods: [term],
      until,
      ...(options.thresholds ? { thresholds: options.thresholds } : {}),
      ...(options.memberOfAccount ? { memberOfAccount: options.memberOfAccount } : {}),
    });
    const meetings = participation.meetings.filter((m) => inTerm(m.date));
    const ties = buildTies(then, {
      since: term.start,
      until,
      ...(options.tieWeights ? { weights: options.tieWeights } : {}),
    }).filter((t) => t.weight >= minimum - 1e-9);
    const members = index
      .kind(KINDS.member)
      .filter((m) => joinedDate(m) < term.end)
      .map((m) => m.id);
    const network = analyseNetwork(members, ties, { minTieWeight: minimum });
    const lastEdited = new Map<string, string>();
    for (const a of then.activity ?? [])
      if ((lastEdited.get(a.entityId) ?? '') < a.at) lastEdited.set(a.entityId, a.at);
    return {
      term,
      meetings: meetings.length,
      attendances: meetings.reduce((n, m) => n + m.attendees.length, 0),
      attendees: new Set(meetings.flatMap((m) => m.attendees)).size,
      totals: levelTotals(participation)[0]?.totals ?? {
        core: 0,
        active: 0,
        peripheral: 0,
        inactive: 0,
      },
      levels: participation.members.flatMap((m) =>
        m.periods[0] ? [{ memberId: m.memberId, level: m.periods[0].level }] : [],
      ),
      ties: ties.length,
      isolated: network.isolated,
      brokers: rankBrokers(then, network, ties, nameCommunities(then, network), 3),
      gaps: findGaps(then, {
        now: until,
        lastEdited,
        ...(options.untouchedMonths !== undefined
          ? { untouchedMonths: options.untouchedMonths }
          : {}),
      }).length,
    };
  });
}
