import { LEVELS, type Level, type Participation, type Trajectory } from './participation.ts';

/** Why a member may welcome someone reaching out. */
export type AlertKind = 'drifting' | 'newcomer' | 'returning';

/**
 * A reason to reach out to one member, in words an invitation would use, with the evidence.
 * Never a score: the facilitator sees what happened and a next step, not a grade.
 */
export interface Alert {
  /** Which pattern. */
  readonly kind: AlertKind;
  /** The member entity. */
  readonly memberId: string;
  /** Their name. */
  readonly name: string;
  /** What happened, plainly: "Came to 8 of the first 10 meetings; none of the last 3." */
  readonly reason: string;
  /** The next step offered: an invitation, not a verdict. */
  readonly suggestion: string;
  /** The meetings (or other entities) behind the reason, for links. */
  readonly evidence: readonly string[];
}

/** When the alert rules fire. */
export interface AlertOptions {
  /** Drifting when absent from this many of the latest meetings after being active. Default 3. */
  absentMeetings: number;
  /**
   * Drifting when the better of the last two periods is at least this many levels below the
   * best of the `lookback` periods before them. Default 2.
   */
  dropLevels: number;
  /** How many earlier periods the level drop looks back over. Default 3. */
  lookback: number;
  /** A member who joined within this many days of the end is a newcomer. Default 183 (~6 months). */
  newcomerDays: number;
}

/** The default {@link AlertOptions}. */
export const DEFAULT_ALERT_OPTIONS: AlertOptions = {
  absentMeetings: 3,
  dropLevels: 2,
  lookback: 3,
  newcomerDays: 183,
};

const rank = (level: Level) => LEVELS.indexOf(level);
const engaged = (level: Level) => level === 'core' || level === 'active';

/** The index of the first meeting dated at or after `date` (meetings sorted by date). */
function firstIndexFrom(meetings: Participation['meetings'], date: string): number {
  let lo = 0;
  let hi = meetings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((meetings[mid]?.date ?? '') < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function drifting(
  m: Trajectory,
  meetings: Participation['meetings'],
  position: ReadonlyMap<string, number>,
  o: AlertOptions,
): Alert | undefined {
  const periods = m.periods;
  const latest = periods.at(-1);
  if (!latest) return undefined;
  // Meetings are sorted by date, so those held since the member joined are a suffix.
  const firstHeld = firstIndexFrom(meetings, m.joined);
  let last = -1;
  let came = 0;
  for (const p of periods)
    for (const id of p.meetings) {
      const i = position.get(id) ?? -1;
      if (i < firstHeld) continue;
      came++;
      if (i > last) last = i;
    }
  const lastIndex = last - firstHeld;
  const missed = meetings.length - 1 - last;
  const wasEngaged = periods.slice(0, -1).some((p) => engaged(p.level));
  if (lastIndex >= 0 && missed >= o.absentMeetings && wasEngaged) {
    const lastSeen = meetings[last] as Participation['meetings'][number];
    return {
      kind: 'drifting',
      memberId: m.memberId,
      name: m.name,
      reason: `Came to ${came} of ${lastIndex + 1} meetings up to ${lastSeen.title} (${lastSeen.date.slice(0, 10)}), and none of the ${missed} since.`,
      suggestion: `Check in with ${m.name}: ask how things are going and whether another time or a smaller task would suit them.`,
      evidence: [lastSeen.id, ...meetings.slice(last + 1).map((x) => x.id)],
    };
  }
  // A fall counts when it holds: the better of the last two periods is still far below the peak.
  const recent = periods.slice(-2);
  const now = recent.reduce<Level>(
    (best, p) => (rank(p.level) < rank(best) ? p.level : best),
    'inactive',
  );
  const before = periods.slice(-2 - o.lookback, -2);
  const peak = before.reduce<Level | undefined>(
    (best, p) => (best === undefined || rank(p.level) < rank(best) ? p.level : best),
    undefined,
  );
  if (peak && recent.length === 2 && rank(now) - rank(peak) >= o.dropLevels)
    return {
      kind: 'drifting',
      memberId: m.memberId,
      name: m.name,
      reason:
        now === 'inactive'
          ? `Took part as ${peak} earlier, and not at all in the last two periods.`
          : `Took part as ${peak} earlier, and as ${now} at most in the last two periods.`,
      suggestion: `Invite ${m.name} to co-author something they care about, or to share at the next meeting.`,
      evidence: before.flatMap((p) => p.meetings),
    };
  return undefined;
}

function newcomer(
  m: Trajectory,
  until: string,
  firstMeeting: string | undefined,
  o: AlertOptions,
): Alert | undefined {
  const since = (Date.parse(until) - Date.parse(m.joined)) / 86_400_000;
  // Founders are not newcomers: a newcomer joined a community that had already met.
  if (since > o.newcomerDays || !firstMeeting || m.joined <= firstMeeting) return undefined;
  const first = m.periods[0];
  const latest = m.periods.at(-1);
  if (!first || !latest || latest.level === 'inactive') return undefined;
  const moving = m.periods.length > 1 && rank(latest.level) < rank(first.level);
  const meetings = m.periods.flatMap((p) => p.meetings);
  return {
    kind: 'newcomer',
    memberId: m.memberId,
    name: m.name,
    reason: moving
      ? `Joined on ${m.joined.slice(0, 10)} and is moving in: from ${first.level} to ${latest.level}.`
      : `Joined on ${m.joined.slice(0, 10)}; has come to ${meetings.length} meeting${meetings.length === 1 ? '' : 's'} so far.`,
    suggestion: `Pair ${m.name} with a mentor, or invite them to co-author a practice they already use.`,
    evidence: meetings,
  };
}

function returning(m: Trajectory): Alert | undefined {
  const periods = m.periods;
  const latest = periods.at(-1);
  const previous = periods.at(-2);
  if (!latest || !previous || latest.level === 'inactive' || previous.level !== 'inactive')
    return undefined;
  const gapStart = periods.findLastIndex(
    (p, i) => i < periods.length - 1 && p.level !== 'inactive',
  );
  if (gapStart < 0) return undefined;
  return {
    kind: 'returning',
    memberId: m.memberId,
    name: m.name,
    reason: `Back after ${periods.length - 2 - gapStart} quiet period${periods.length - 2 - gapStart === 1 ? '' : 's'}.`,
    suggestion: `Welcome ${m.name} back and catch them up on what changed.`,
    evidence: latest.meetings,
  };
}

/**
 * The reasons to reach out, one per member at most, drifting first. The rules, in order:
 * - returning: the latest period is not inactive, the one before was, and an earlier one was not;
 * - drifting: absent from the last `absentMeetings` meetings (or more) after having been core or
 *   active in an earlier period, or `dropLevels` levels down for two periods running from the best
 *   of the `lookback` periods before;
 * - newcomer: joined within `newcomerDays`, after the community's first meeting, and not inactive.
 */
export function computeAlerts(
  participation: Participation,
  options: Partial<AlertOptions> = {},
): Alert[] {
  const o = { ...DEFAULT_ALERT_OPTIONS, ...options };
  const until = participation.periods.at(-1)?.end ?? new Date(0).toISOString();
  const lastMeeting = participation.meetings.at(-1)?.date ?? until;
  // Newcomers are judged at the last meeting held: a quiet month after it says nothing yet.
  const asOf = lastMeeting.localeCompare(until) < 0 ? lastMeeting : until;
  const position = new Map(participation.meetings.map((x, i) => [x.id, i]));
  const alerts: Alert[] = [];
  for (const m of participation.members) {
    // A member coming back is welcomed back, even while still below their old level.
    const alert =
      returning(m) ??
      drifting(m, participation.meetings, position, o) ??
      newcomer(m, asOf, participation.meetings[0]?.date, o);
    if (alert) alerts.push(alert);
  }
  const order: AlertKind[] = ['drifting', 'returning', 'newcomer'];
  return alerts.sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name),
  );
}
