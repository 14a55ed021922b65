/** How participation is bucketed: a workspace setting. */
export type PeriodUnit = 'week' | 'month' | 'term';

/** One bucket of time: `[start, end)` in UTC. */
export interface Period {
  /** Stable key: `2025-W06`, `2025-03`, `2025-T2`. */
  readonly key: string;
  /** A label for people: "Mar 2025", "Term 2 2025", "Week of 3 Feb 2025". */
  readonly label: string;
  /** First instant (ISO 8601). */
  readonly start: string;
  /** First instant after it (ISO 8601). */
  readonly end: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;

/**
 * The period holding `time`. Weeks start on Monday; terms are the calendar year's quarters
 * (Jan–Mar is term 1), a neutral default since school terms differ by country.
 */
export function periodOf(time: number, unit: PeriodUnit): Period {
  const d = new Date(time);
  const year = d.getUTCFullYear();
  if (unit === 'month') {
    const month = d.getUTCMonth();
    return {
      key: `${year}-${String(month + 1).padStart(2, '0')}`,
      label: `${MONTHS[month]} ${year}`,
      start: new Date(Date.UTC(year, month, 1)).toISOString(),
      end: new Date(Date.UTC(year, month + 1, 1)).toISOString(),
    };
  }
  if (unit === 'term') {
    const term = Math.floor(d.getUTCMonth() / 3);
    return {
      key: `${year}-T${term + 1}`,
      label: `Term ${term + 1} ${year}`,
      start: new Date(Date.UTC(year, term * 3, 1)).toISOString(),
      end: new Date(Date.UTC(year, term * 3 + 3, 1)).toISOString(),
    };
  }
  const midnight = Date.UTC(year, d.getUTCMonth(), d.getUTCDate());
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
  const m = new Date(monday);
  return {
    key: `${m.toISOString().slice(0, 10)}`,
    label: `Week of ${m.getUTCDate()} ${MONTHS[m.getUTCMonth()]} ${m.getUTCFullYear()}`,
    start: m.toISOString(),
    end: new Date(monday + 7 * DAY).toISOString(),
  };
}

/** The key of the period holding `time` ({@link Period.key}), without building the period. */
export function periodKey(time: number, unit: PeriodUnit): string {
  const d = new Date(time);
  const year = d.getUTCFullYear();
  if (unit === 'month') {
    const month = d.getUTCMonth() + 1;
    return `${year}-${month < 10 ? '0' : ''}${month}`;
  }
  if (unit === 'term') return `${year}-T${Math.floor(d.getUTCMonth() / 3) + 1}`;
  return periodOf(time, unit).key;
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: number, to: number, unit: PeriodUnit): Period[] {
  const periods: Period[] = [];
  if (!(from <= to)) return periods;
  let period = periodOf(from, unit);
  while (Date.parse(period.start) <= to) {
    periods.push(period);
    period = periodOf(Date.parse(period.end), unit);
  }
  return periods;
}
