import * as rruleModule from 'rrule';
import { addDays, isCalendarDate, readableDate } from './dates.ts';

// rrule ships CommonJS to Node and ES modules to bundlers: the classes are on the default export
// in the first case and on the namespace in the second (read by name, so bundlers do not warn
// about a default export the ES build lacks).
const rrule = (Reflect.get(rruleModule, 'default') ?? rruleModule) as typeof rruleModule;
const { RRule } = rrule;

/** How often the community meets. */
export const CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
/** One of {@link CADENCES}. */
export type Cadence = (typeof CADENCES)[number];

/** Days of the week, as the community entity's `meetingDay` field names them. */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** A day or run of days without meetings (school holidays, a public holiday). */
export interface HolidaySpan {
  readonly title: string;
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day (the first when absent). */
  readonly end?: string;
}

/** What a series of meetings follows. */
export interface RecurrenceSpec {
  /** The first day a meeting may fall on (a term's first day), `YYYY-MM-DD`. */
  readonly start: string;
  /** The last day a meeting may fall on (a term's last day). */
  readonly end: string;
  readonly cadence: Cadence;
  /** The day of the week the community meets. */
  readonly weekday: Weekday;
  /** Every `interval` weeks (or months): 1 unless asked. Fortnightly is weekly with 2. */
  readonly interval?: number;
  /** Days with no meeting. */
  readonly holidays?: readonly HolidaySpan[];
}

/** A date the series would have had, and the holiday that took it. */
export interface SkippedDate {
  readonly date: string;
  readonly holiday: string;
}

/** The meeting dates of a series, and the ones holidays took. */
export interface Recurrence {
  /** Meeting dates, `YYYY-MM-DD`, in order. */
  readonly dates: readonly string[];
  readonly skipped: readonly SkippedDate[];
}

/** A recurrence that cannot make meetings: the message says why, in plain words. */
export class RecurrenceError extends Error {
  override readonly name = 'RecurrenceError';
}

/** The most meetings one series may make: a year of weekly meetings, with room to spare. */
export const MAX_MEETINGS = 120;
const MAX_INTERVAL = 12;

/**
 * The meeting dates of `spec`: every `weekday` from `start` to `end` by the cadence (monthly:
 * the same week of each month as the first meeting, the last week when that is the fifth), minus
 * the days a holiday covers. Throws {@link RecurrenceError}, naming the problem, for a series that
 * cannot be: an invalid or reversed date range, an interval that is not a whole number from 1 to
 * 12, no such weekday in the range, or every date falling in a holiday.
 *
 * Dates are floating calendar days: rrule runs on UTC midnights (its documented way of working
 * with local dates), so a daylight-saving change, in the machine's zone or the community's, never
 * moves a meeting to another day.
 */
export function planMeetingDates(spec: RecurrenceSpec): Recurrence {
  const { start, end, cadence, weekday } = spec;
  if (!isCalendarDate(start)) throw new RecurrenceError(`The first day “${start}” is not a date.`);
  if (!isCalendarDate(end)) throw new RecurrenceError(`The last day “${end}” is not a date.`);
  if (end < start)
    throw new RecurrenceError(
      `The last day (${readableDate(end)}) is before the first (${readableDate(start)}).`,
    );
  if (!CADENCES.includes(cadence))
    throw new RecurrenceError(`“${cadence}” is not a cadence: weekly, fortnightly or monthly.`);
  const day = WEEKDAYS.indexOf(weekday);
  if (day < 0) throw new RecurrenceError(`“${weekday}” is not a day of the week.`);
  const interval = spec.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL)
    throw new RecurrenceError(
      `Meetings repeat every 1 to ${MAX_INTERVAL} ${cadence === 'monthly' ? 'months' : 'weeks'}; ${interval} cannot make a series.`,
    );
  for (const holiday of spec.holidays ?? []) {
    if (!isCalendarDate(holiday.start) || (holiday.end && !isCalendarDate(holiday.end)))
      throw new RecurrenceError(`The holiday “${holiday.title}” has no valid dates.`);
    if (holiday.end && holiday.end < holiday.start)
      throw new RecurrenceError(`The holiday “${holiday.title}” ends before it starts.`);
  }

  const candidates = occurrences(start, end, cadence, day, interval);
  if (candidates.length === 0)
    throw new RecurrenceError(
      `No ${weekday} falls between ${readableDate(start)} and ${readableDate(end)}.`,
    );
  const dates: string[] = [];
  const skipped: SkippedDate[] = [];
  for (const date of candidates) {
    const holiday = spec.holidays?.find((h) => h.start <= date && date <= (h.end ?? h.start));
    if (holiday) skipped.push({ date, holiday: holiday.title });
    else dates.push(date);
  }
  if (dates.length === 0)
    throw new RecurrenceError(
      `Every ${weekday} from ${readableDate(start)} to ${readableDate(end)} falls in a holiday (${[...new Set(skipped.map((s) => s.holiday))].join(', ')}): there is no date left to meet.`,
    );
  if (dates.length > MAX_MEETINGS)
    throw new RecurrenceError(
      `That makes ${dates.length} meetings; a series holds at most ${MAX_MEETINGS}. Schedule one term at a time.`,
    );
  return { dates, skipped };
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

function occurrences(
  start: string,
  end: string,
  cadence: Cadence,
  day: number,
  interval: number,
): string[] {
  const weekday = RRULE_DAYS[day] as (typeof RRULE_DAYS)[number];
  // The first meeting: the first such weekday on or after the start.
  const first = (() => {
    for (let i = 0; i < 7; i++) {
      const d = addDays(start, i);
      if ((utc(d).getUTCDay() + 6) % 7 === day) return d;
    }
    return start;
  })();
  if (first > end) return [];
  const options =
    cadence === 'monthly'
      ? (() => {
          const week = Math.ceil(Number(first.slice(8, 10)) / 7);
          return {
            freq: RRule.MONTHLY,
            interval,
            byweekday: [weekday.nth(week >= 5 ? -1 : week)],
          };
        })()
      : {
          freq: RRule.WEEKLY,
          interval: cadence === 'fortnightly' ? interval * 2 : interval,
          byweekday: [weekday],
        };
  const rule = new RRule({
    ...options,
    dtstart: utc(first),
    until: utc(end),
    // A runaway rule stops here even before the count check above sees it.
    count: MAX_MEETINGS * 2,
  });
  return rule
    .all()
    .map((d) => d.toISOString().slice(0, 10))
    .filter((d) => d >= start && d <= end);
}
