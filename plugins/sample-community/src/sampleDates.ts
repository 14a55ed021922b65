import { MEETING_DATES } from './sampleData.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** The year the sample was written in. */
const SAMPLE_YEAR = 2025;

/**
 * The sample's calendar moved by whole weeks (so every meeting stays a Wednesday): the sample is
 * written over the 2025 school year, and loaded as written it looks a year dormant to anyone who
 * opens it later. Moved to end on the seeding day, its last meeting is this week's, and insight,
 * life phase and the year plan speak about now. Everything dated goes through here: stamps,
 * date fields, and dates written in prose.
 */
export interface SampleDates {
  /** Whole weeks every date moves forward. */
  readonly weeks: number;
  /** A time (ms since the epoch) moved. */
  instant(ms: number): number;
  /** A `YYYY-MM-DD` day, or a full ISO time, moved. */
  day(iso: string): string;
  /** A `YYYY-MM` month: the month its first day moves into. */
  month(ym: string): string;
  /** The written `YYYY-MM-DD` day that `day` moves to `iso` (for a date that must land exactly). */
  unmoved(iso: string): string;
  /** Every date in a piece of text moved: ISO days and times, "3 February 2025", "February 2025", "2025". */
  text(value: string): string;
}

/**
 * Whole weeks from the sample's last meeting to `now`, so the last meeting falls in the week
 * before `now` and never after it (it starts at 15:30 UTC, the time the loader stamps it with).
 */
export function weeksToNow(now: number): number {
  const last = Date.parse(`${MEETING_DATES[MEETING_DATES.length - 1]}T15:30:00Z`);
  return Math.max(0, Math.floor((now - last) / WEEK_MS));
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The sample's dates moved by `weeks` whole weeks (0: as written). */
export function sampleDates(weeks: number): SampleDates {
  if (!Number.isInteger(weeks) || weeks < 0)
    throw new Error(`the sample moves by a whole number of weeks, not ${weeks}`);
  const offset = weeks * WEEK_MS;
  const instant = (ms: number) => ms + offset;
  const day = (iso: string) => {
    const moved = new Date(instant(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)));
    return iso.length === 10 ? isoDay(moved.getTime()) : moved.toISOString();
  };
  const month = (ym: string) => day(`${ym}-01`).slice(0, 7);
  const unmoved = (iso: string) => isoDay(Date.parse(`${iso}T00:00:00Z`) - offset);
  // A bare year in prose ("Term 1 2025", "the 2025 school year") is the year most of it fell in.
  const year = String(new Date(instant(Date.UTC(SAMPLE_YEAR, 6, 1))).getUTCFullYear());
  const longDay = (d: number, m: string, y: string) => {
    const iso = day(
      `${y}-${String(MONTHS.indexOf(m) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    );
    const [yy, mm, dd] = iso.split('-').map(Number) as [number, number, number];
    return `${dd} ${MONTHS[mm - 1]} ${yy}`;
  };
  const longMonth = (m: string, y: string) => {
    const [yy, mm] = month(`${y}-${String(MONTHS.indexOf(m) + 1).padStart(2, '0')}`)
      .split('-')
      .map(Number) as [number, number];
    return `${MONTHS[mm - 1]} ${yy}`;
  };
  const names = MONTHS.join('|');
  // One pass, so what one rule wrote is never moved again by another.
  const pattern = new RegExp(
    [
      String.raw`(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)`,
      String.raw`(\d{4}-\d{2}-\d{2})`,
      String.raw`\b(\d{1,2}) (${names}) (${SAMPLE_YEAR})\b`,
      String.raw`\b(${names}) (${SAMPLE_YEAR})\b`,
      String.raw`(?<![-\d])(${SAMPLE_YEAR})(?![-\d])`,
    ].join('|'),
    'g',
  );
  const text = (value: string) =>
    weeks === 0
      ? value
      : value.replace(pattern, (whole, time, date, d, dm, dy, m, my, bare) => {
          if (time) return day(time);
          if (date) return day(date);
          if (d) return longDay(Number(d), dm, dy);
          if (m) return longMonth(m, my);
          if (bare) return year;
          return whole;
        });
  return { weeks, instant, day, month, unmoved, text };
}

/** Moves every string inside a field value (objects and arrays included) with `dates.text`. */
export function moveDates<T>(value: T, dates: SampleDates): T {
  if (dates.weeks === 0) return value;
  if (typeof value === 'string') return dates.text(value) as T;
  if (Array.isArray(value)) return value.map((v) => moveDates(v, dates)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moveDates(v, dates)])) as T;
  return value;
}
