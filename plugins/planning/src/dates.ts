/** Whether `text` is a real day written `YYYY-MM-DD` (no 31 February). */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** The day part (`YYYY-MM-DD`) of a stored date or date-time, or undefined. */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = value.slice(0, 10);
  return isCalendarDate(day) ? day : undefined;
}

/**
 * `date` moved by `days`. Calendar dates are computed as UTC midnights, so a daylight-saving
 * change in the machine's time zone can never shift a day.
 */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date as people read it, e.g. "Tuesday 3 February 2026". */
export function readableDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A short date, e.g. "3 Feb 2026". */
export function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A month as people read it, e.g. "March 2026", from `YYYY-MM` or a date in it. */
export function readableMonth(month: string): string {
  return new Date(`${month.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Today in the member's own calendar, `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The later of two `YYYY-MM-DD` days (ISO days compare as text). */
export const laterDay = (a: string, b: string): string => (a > b ? a : b);

/** The earlier of two `YYYY-MM-DD` days. */
export const earlierDay = (a: string, b: string): string => (a < b ? a : b);
