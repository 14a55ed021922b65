import type { EntityInfo } from '@repertoire/plugin-api';
import {
  byName,
  type CommunityData,
  CommunityIndex,
  getOrCreate,
  joinedDate,
  KINDS,
  meetingDate,
  RELATIONS,
} from './community.ts';
import { type Period, type PeriodUnit, periodKey, periodsBetween } from './periods.ts';

/** The four levels of participation (Wenger, McDermott & Snyder 2002, ch. 3), most engaged first. */
export const LEVELS = ['core', 'active', 'peripheral', 'inactive'] as const;
/** One level of {@link LEVELS}. */
export type Level = (typeof LEVELS)[number];

/** What a member did in one period: the evidence behind a level. */
export interface ParticipationCounts {
  /** Meetings attended. */
  attendance: number;
  /** Document edit sessions, from the server's activity records. */
  edits: number;
  /** Entities and relations the member's account recorded. */
  recorded: number;
  /** Times a document mentioned the member. */
  mentions: number;
}

/**
 * How counts become levels. The defaults follow Wenger, McDermott & Snyder, *Cultivating
 * Communities of Practice* (2002), pp. 56–57: a small core group of about 10–15% of the community,
 * an active group of another 15–20%, and a large periphery; we take 15% and 20%. A member's score
 * in a period is the weighted sum of their counts; members with a score are ranked, the top
 * `coreShare` of the community (at least one member) is core, the next `activeShare` active, every
 * other member with a score peripheral, and members with none inactive. Members with equal scores
 * always share a level (the higher one).
 */
export interface LevelThresholds {
  /** Share of the community counted as core (0–1). Default 0.15. */
  coreShare: number;
  /** Share counted as active, after the core (0–1). Default 0.2. */
  activeShare: number;
  /** Weight of one meeting attended. Default 3: a meeting is an hour of joint work. */
  attendanceWeight: number;
  /** Weight of one document edit session. Default 1. */
  editWeight: number;
  /** Weight of one entity or relation recorded. Default 1. */
  recordedWeight: number;
  /** Weight of one mention received. Default 1. */
  mentionWeight: number;
}

/** The default {@link LevelThresholds}. */
export const DEFAULT_THRESHOLDS: LevelThresholds = {
  coreShare: 0.15,
  activeShare: 0.2,
  attendanceWeight: 3,
  editWeight: 1,
  recordedWeight: 1,
  mentionWeight: 1,
};

/** One member's participation in one period. */
export interface PeriodParticipation {
  /** The period's key (see {@link Period.key}). */
  readonly period: string;
  /** What they did. */
  readonly counts: ParticipationCounts;
  /** The weighted sum of the counts. */
  readonly score: number;
  /** The level it gives among the members of that period. */
  readonly level: Level;
  /** The meetings attended in the period (evidence one click away). */
  readonly meetings: readonly string[];
}

/** One member's participation over the whole span. */
export interface Trajectory {
  /** The member entity. */
  readonly memberId: string;
  /** Their name. */
  readonly name: string;
  /** Their role field (coordinator, facilitator…), when set. */
  readonly role: string | undefined;
  /** When they joined (ISO 8601). */
  readonly joined: string;
  /** One entry per period since they joined, in order. */
  readonly periods: readonly PeriodParticipation[];
}

/** Participation of every member over every period. */
export interface Participation {
  /** The periods, in order. */
  readonly periods: readonly Period[];
  /** One trajectory per member, by name. */
  readonly members: readonly Trajectory[];
  /** The meetings, by date: id, title, date and who attended. */
  readonly meetings: readonly {
    readonly id: string;
    readonly title: string;
    readonly date: string;
    readonly attendees: readonly string[];
  }[];
}

/** Options of {@link computeParticipation}. */
export interface ParticipationOptions {
  /** How time is bucketed. Default `month`. */
  unit?: PeriodUnit;
  /** Level thresholds; missing keys take {@link DEFAULT_THRESHOLDS}. */
  thresholds?: Partial<LevelThresholds>;
  /** The last instant considered (ISO 8601). Default: the latest dated thing in the data. */
  until?: string;
  /**
   * Explicit periods instead of `unit`'s calendar buckets (the terms of a year plan, or two date
   * ranges to compare), in order and not overlapping; what falls outside every one is not counted.
   */
  periods?: readonly Period[];
  /**
   * Maps the account that recorded something (`createdBy`) to its member entity; recordings by
   * unlinked accounts count for nobody.
   */
  memberOfAccount?: ReadonlyMap<string, string>;
}

const emptyCounts = (): ParticipationCounts => ({
  attendance: 0,
  edits: 0,
  recorded: 0,
  mentions: 0,
});

/** The score of some counts under some thresholds. */
export function scoreOf(counts: ParticipationCounts, t: LevelThresholds): number {
  return (
    counts.attendance * t.attendanceWeight +
    counts.edits * t.editWeight +
    counts.recorded * t.recordedWeight +
    counts.mentions * t.mentionWeight
  );
}

/**
 * Levels for one period from each member's score (see {@link LevelThresholds}). `scores` holds
 * every member of the community in that period; the shares are of that whole community.
 */
export function assignLevels(
  scores: ReadonlyMap<string, number>,
  thresholds: LevelThresholds,
): Map<string, Level> {
  const levels = new Map<string, Level>();
  const size = scores.size;
  const coreSlots = Math.max(1, Math.round(size * thresholds.coreShare));
  const activeSlots = Math.round(size * (thresholds.coreShare + thresholds.activeShare));
  const ranked = [...scores].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
  // The score of the last member inside each band: ties with it join the band.
  const coreCut = ranked[Math.min(coreSlots, ranked.length) - 1]?.[1] ?? Infinity;
  const activeCut =
    activeSlots > coreSlots
      ? (ranked[Math.min(activeSlots, ranked.length) - 1]?.[1] ?? Infinity)
      : Infinity;
  for (const [id, score] of scores) {
    levels.set(
      id,
      score <= 0
        ? 'inactive'
        : score >= coreCut
          ? 'core'
          : score >= activeCut
            ? 'active'
            : 'peripheral',
    );
  }
  return levels;
}

const latestTime = (data: CommunityData): number => {
  let latest = 0;
  for (const e of data.entities) {
    latest = Math.max(latest, Date.parse(e.createdAt));
    if (e.kind === KINDS.meeting) latest = Math.max(latest, Date.parse(meetingDate(e)));
  }
  for (const r of data.relations) latest = Math.max(latest, Date.parse(r.createdAt));
  for (const a of data.activity ?? []) latest = Math.max(latest, Date.parse(a.at));
  return latest;
};

/**
 * Derives every member's participation per period from what the graph and the activity records
 * show: meetings attended, document edits, entities and relations recorded, mentions received.
 * Nothing is typed by hand; nothing is written back.
 */
export function computeParticipation(
  data: CommunityData,
  options: ParticipationOptions = {},
): Participation {
  const unit = options.unit ?? 'month';
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const index = CommunityIndex.of(data);
  const members = [...index.kind(KINDS.member)].sort((a, b) => byName(a.title, b.title));
  const memberIds = new Set(members.map((m) => m.id));
  const until = options.until ? Date.parse(options.until) : latestTime(data);
  const joined = new Map(members.map((m) => [m.id, Date.parse(joinedDate(m))]));
  const start = Math.min(...[...joined.values()], until);
  const explicit = options.periods?.map((p) => ({
    period: p,
    start: Date.parse(p.start),
    end: Date.parse(p.end),
  }));
  const periods = explicit ? explicit.map((p) => p.period) : periodsBetween(start, until, unit);
  const keyOf = (time: number): string | undefined =>
    explicit
      ? explicit.find((p) => p.start <= time && time < p.end)?.period.key
      : periodKey(time, unit);

  const counts = new Map<string, Map<string, ParticipationCounts>>();
  const meetingsOf = new Map<string, Map<string, string[]>>();
  const bump = (member: string, time: number, field: keyof ParticipationCounts, by = 1) => {
    if (!memberIds.has(member) || !(time <= until)) return;
    const key = keyOf(time);
    if (key === undefined) return;
    const byPeriod = getOrCreate(counts, member, () => new Map<string, ParticipationCounts>());
    getOrCreate(byPeriod, key, emptyCounts)[field] += by;
  };

  const meetings = index
    .kind(KINDS.meeting)
    .map((m) => ({ id: m.id, title: m.title, date: meetingDate(m), attendees: [] as string[] }))
    .filter((m) => Date.parse(m.date) <= until)
    .sort((a, b) => a.date.localeCompare(b.date));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  for (const r of index.ofType(RELATIONS.attended)) {
    const meeting = meetingById.get(r.to);
    if (!meeting || !memberIds.has(r.from)) continue;
    meeting.attendees.push(r.from);
    const time = Date.parse(meeting.date);
    bump(r.from, time, 'attendance');
    const key = keyOf(time);
    if (key === undefined) continue;
    const byPeriod = getOrCreate(meetingsOf, r.from, () => new Map<string, string[]>());
    getOrCreate(byPeriod, key, () => []).push(meeting.id);
  }
  for (const a of data.activity ?? []) bump(a.memberId, Date.parse(a.at), 'edits');
  const accounts = options.memberOfAccount;
  if (accounts) {
    for (const e of data.entities) {
      const member = accounts.get(e.createdBy);
      if (member) bump(member, Date.parse(e.createdAt), 'recorded');
    }
    for (const r of index.relations) {
      // Derived mentions are recorded by the editor, not by a person's choice.
      if (r.source.kind === 'document') continue;
      const member = accounts.get(r.createdBy);
      if (member) bump(member, Date.parse(r.createdAt), 'recorded');
    }
  }
  for (const r of index.ofType(RELATIONS.mentions))
    if (memberIds.has(r.to) && r.from !== r.to) bump(r.to, Date.parse(r.createdAt), 'mentions');

  const endOf = new Map(periods.map((p) => [p, Date.parse(p.end)]));
  const levelsByPeriod = new Map<string, Map<string, Level>>();
  for (const period of periods) {
    const scores = new Map<string, number>();
    const end = endOf.get(period) ?? 0;
    for (const m of members) {
      if ((joined.get(m.id) ?? 0) >= end) continue;
      scores.set(m.id, scoreOf(counts.get(m.id)?.get(period.key) ?? emptyCounts(), thresholds));
    }
    levelsByPeriod.set(period.key, assignLevels(scores, thresholds));
  }

  const trajectory = (m: EntityInfo): Trajectory => ({
    memberId: m.id,
    name: m.title,
    role: typeof m.fields.role === 'string' ? m.fields.role : undefined,
    joined: joinedDate(m),
    periods: periods
      .filter((p) => (joined.get(m.id) ?? 0) < (endOf.get(p) ?? 0))
      .map((p) => {
        const c = counts.get(m.id)?.get(p.key) ?? emptyCounts();
        return {
          period: p.key,
          counts: c,
          score: scoreOf(c, thresholds),
          level: levelsByPeriod.get(p.key)?.get(m.id) ?? 'inactive',
          meetings: meetingsOf.get(m.id)?.get(p.key) ?? [],
        };
      }),
  });

  return { periods, members: members.map(trajectory), meetings };
}

/** How many members were at each level in each period: the aggregate anyone may see. */
export function levelTotals(
  participation: Participation,
): { period: string; totals: Record<Level, number> }[] {
  return participation.periods.map((p) => {
    const totals: Record<Level, number> = { core: 0, active: 0, peripheral: 0, inactive: 0 };
    for (const m of participation.members) {
      const entry = m.periods.find((e) => e.period === p.key);
      if (entry) totals[entry.level] += 1;
    }
    return { period: p.key, totals };
  });
}
