import type { CommunityGraph } from './communityGraph.ts';
import { type CommunityMeasures, measureCommunity } from './measureCommunity.ts';
import type { Phase } from './phases.ts';

/** What one measure of the community says, in words. */
export interface PhaseSignal {
  /** Which measure: the community's age, size, meetings, their regularity, participation, repertoire. */
  readonly id: 'age' | 'size' | 'meetings' | 'regularity' | 'participation' | 'repertoire';
  /** A sentence a facilitator reads, with the figures behind it. */
  readonly text: string;
  /** The phase this measure alone points to, if it points anywhere. */
  readonly points?: Phase;
  /** Whether this signal led to the suggested phase. */
  readonly decisive: boolean;
}

/** The suggested life phase, the signals that led there, and the measures they came from. */
export interface PhaseSuggestion {
  readonly phase: Phase;
  /** Every signal, decisive ones first. */
  readonly signals: readonly PhaseSignal[];
  readonly measures: CommunityMeasures;
}

/** The thresholds of the suggestion; documented in docs/growth.md. */
export const PHASE_THRESHOLDS = {
  /** Younger than this (days), a community is still coalescing. */
  youngDays: 182,
  /** From this age (days, 18 months), a community may be in stewardship. */
  establishedDays: 547,
  /** Fewer meetings than this, and it is still coalescing. */
  fewMeetings: 6,
  /** A repertoire smaller than this (practices and artifacts) is just starting. */
  smallRepertoire: 3,
  /** Established practices a community in stewardship holds. */
  establishedPractices: 3,
  /** Attendance this term below this share of the term before is a decline. */
  declineRatio: 0.6,
  /** Above this share, attendance is growing. */
  growthRatio: 1.15,
  /** No meeting for this many usual gaps (and at least `lapseMinDays`) is a lapse. */
  lapseGaps: 3,
  lapseMinDays: 60,
} as const;

const T = PHASE_THRESHOLDS;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const readable = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
const round1 = (n: number) => Math.round(n * 10) / 10;

function ageText(m: CommunityMeasures): string {
  if (!m.start) return 'The community has no members or meetings yet.';
  const months = Math.floor(m.ageDays / 30.44);
  const age = months >= 1 ? plural(months, 'month') : plural(m.ageDays, 'day');
  return `The community is ${age} old (since ${readable(m.start)}).`;
}

/** How long since the last meeting, against the usual gap: a lapse when far beyond it. */
function isLapsed(m: CommunityMeasures): boolean {
  if (!m.lastMeeting || m.meetingsPlanned > 0) return false;
  const since = daysSince(m.lastMeeting, m.today);
  return since >= Math.max(T.lapseMinDays, T.lapseGaps * (m.usualGapDays ?? 0));
}

const daysSince = (day: string, today: string) =>
  Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);

const attendanceRatio = (m: CommunityMeasures): number | undefined =>
  m.recent.attendance !== undefined && m.previous.attendance
    ? m.recent.attendance / m.previous.attendance
    : undefined;

/** One signal per measure, each saying which phase it points to by itself. */
function readSignals(m: CommunityMeasures): Omit<PhaseSignal, 'decisive'>[] {
  const signals: Omit<PhaseSignal, 'decisive'>[] = [];
  signals.push({
    id: 'age',
    text: ageText(m),
    ...(m.start
      ? {
          points:
            m.ageDays < T.youngDays
              ? 'coalescing'
              : m.ageDays < T.establishedDays
                ? 'maturing'
                : 'stewardship',
        }
      : { points: 'potential' }),
  });
  signals.push({
    id: 'size',
    text:
      m.members < 3
        ? `Only ${plural(m.members, 'member')}: a community needs a few more people who share the concern.`
        : `${plural(m.members, 'member')}, ${m.newMembers === 0 ? 'none' : m.newMembers} joined in the last six months.`,
    ...(m.members < 3
      ? { points: 'potential' as const }
      : m.newMembers >= 2
        ? { points: 'maturing' as const }
        : {}),
  });
  signals.push({
    id: 'meetings',
    text:
      m.meetingsHeld === 0
        ? 'No meeting has been held yet.'
        : `${plural(m.meetingsHeld, 'meeting')} held${m.meetingsPlanned > 0 ? `, ${m.meetingsPlanned} planned` : ''}.`,
    ...(m.meetingsHeld === 0
      ? { points: 'potential' as const }
      : m.meetingsHeld < T.fewMeetings
        ? { points: 'coalescing' as const }
        : {}),
  });
  if (m.lastMeeting) {
    const since = daysSince(m.lastMeeting, m.today);
    const usual =
      m.usualGapDays === undefined
        ? ''
        : `; it usually meets every ${plural(Math.round(m.usualGapDays), 'day')}`;
    signals.push({
      id: 'regularity',
      text: isLapsed(m)
        ? `No meeting for ${plural(since, 'day')} and none planned${usual}.`
        : `The last meeting was ${since === 0 ? 'today' : `${plural(since, 'day')} ago`}${usual}.`,
      ...(isLapsed(m) ? { points: 'transformation' as const } : {}),
    });
  }
  const ratio = attendanceRatio(m);
  if (m.recent.meetings > 0 || m.previous.meetings > 0) {
    const now =
      m.recent.attendance === undefined
        ? 'no meeting'
        : `${round1(m.recent.attendance)} members a meeting`;
    const before =
      m.previous.attendance === undefined ? 'no meeting' : `${round1(m.previous.attendance)}`;
    const trend =
      ratio === undefined
        ? ''
        : ratio < T.declineRatio
          ? 'fell'
          : ratio > T.growthRatio
            ? 'grew'
            : 'held steady';
    signals.push({
      id: 'participation',
      text:
        ratio === undefined
          ? `Attendance this term: ${now} (the term before: ${before}).`
          : `Attendance ${trend}: ${now} this term, ${before} the term before.`,
      ...(ratio === undefined
        ? {}
        : ratio < T.declineRatio
          ? { points: 'transformation' as const }
          : ratio > T.growthRatio
            ? { points: 'maturing' as const }
            : m.ageDays >= T.establishedDays
              ? { points: 'stewardship' as const }
              : {}),
    });
  }
  const { recent, previous } = m.repertoireGrowth;
  const growth = `${plural(recent, 'practice or artifact', 'practices and artifacts')} recorded in the last six months, ${previous} in the six before; ${plural(m.established, 'practice')} established`;
  signals.push({
    id: 'repertoire',
    text:
      m.repertoire === 0
        ? 'No practice or artifact recorded yet: the shared repertoire has not started.'
        : `${growth}.`,
    ...(m.repertoire < T.smallRepertoire
      ? { points: m.meetingsHeld === 0 ? ('potential' as const) : ('coalescing' as const) }
      : recent > 0 && recent >= previous
        ? { points: 'maturing' as const }
        : {
            points:
              m.established >= T.establishedPractices
                ? ('stewardship' as const)
                : ('maturing' as const),
          }),
  });
  return signals;
}

/** The decision list: the first phase whose condition holds. */
function decide(m: CommunityMeasures): Phase {
  if (m.meetingsHeld === 0 || m.members < 3) return 'potential';
  const ratio = attendanceRatio(m);
  const declining =
    ratio !== undefined && ratio < T.declineRatio && m.recent.meetings <= m.previous.meetings;
  if (isLapsed(m) || declining) return 'transformation';
  if (m.ageDays < T.youngDays || m.meetingsHeld < T.fewMeetings || m.repertoire < T.smallRepertoire)
    return 'coalescing';
  const { recent, previous } = m.repertoireGrowth;
  const settled = !(recent > 0 && recent >= previous);
  if (m.ageDays >= T.establishedDays && m.established >= T.establishedPractices && settled)
    return 'stewardship';
  return 'maturing';
}

/**
 * Suggests the community's life phase (Wenger, McDermott & Snyder, 2002) from its own graph on
 * `now`: its age, size, meetings and their regularity, attendance this term against the term
 * before, and how its repertoire grows. A suggestion, not a verdict: the facilitator confirms or
 * overrides it, and the signals say why. Pure and deterministic.
 */
export function suggestPhase(graph: CommunityGraph, now: string): PhaseSuggestion {
  const measures = measureCommunity(graph, now);
  const phase = decide(measures);
  const signals = readSignals(measures).map((s) => ({ ...s, decisive: s.points === phase }));
  return {
    phase,
    signals: [...signals.filter((s) => s.decisive), ...signals.filter((s) => !s.decisive)],
    measures,
  };
}
