import type { EntityInfo } from '@repertoire/plugin-api';
import { dayOf } from './dates.ts';
import { CADENCES, type Cadence, type HolidaySpan, WEEKDAYS, type Weekday } from './recurrence.ts';

/** The id the one community entity of a workspace has. */
export const COMMUNITY_ID = 'community';

/** A term of the year plan, read from a `term` entity. */
export interface PlanTerm {
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly focus: string;
}

/** A month with a focus, read from a `month` entity. */
export interface PlanMonth {
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly focus: string;
}

/** The holidays the community lists, read from `holiday` entities. */
export interface PlanHoliday extends HolidaySpan {
  readonly id: string;
}

/** How the community meets, from its entity (with the meetings plugin's setting as fallback). */
export interface PlanCadence {
  readonly cadence: Cadence;
  readonly weekday: Weekday;
  /** `HH:MM`, when set. */
  readonly time?: string;
  readonly durationMinutes?: number;
  /** The agenda every scheduled meeting starts from. */
  readonly agendaTemplate?: string;
}

/** The community's year plan: its terms, months and holidays, in date order. */
export interface YearPlan {
  readonly community?: EntityInfo;
  readonly terms: readonly PlanTerm[];
  readonly months: readonly PlanMonth[];
  readonly holidays: readonly PlanHoliday[];
  /** Terms and holidays left out because their dates cannot be (fix them on their pages). */
  readonly problems: readonly {
    readonly id: string;
    readonly title: string;
    readonly reason: string;
  }[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Reads the year plan from the graph's entities; entries without valid dates are left out. */
export function readYearPlan(entities: readonly EntityInfo[]): YearPlan {
  const terms: PlanTerm[] = [];
  const months: PlanMonth[] = [];
  const holidays: PlanHoliday[] = [];
  const problems: { id: string; title: string; reason: string }[] = [];
  let community: EntityInfo | undefined;
  for (const e of entities) {
    if (e.kind === 'community' && (!community || e.id === COMMUNITY_ID)) community = e;
    const start = dayOf(e.fields.start);
    if (!start) continue;
    if (e.kind === 'term') {
      const end = dayOf(e.fields.end);
      if (end && end >= start)
        terms.push({ id: e.id, title: e.title, start, end, focus: text(e.fields.focus) });
      else problems.push({ id: e.id, title: e.title, reason: 'its last day is before its first' });
    } else if (e.kind === 'month') {
      months.push({
        id: e.id,
        title: e.title,
        month: start.slice(0, 7),
        focus: text(e.fields.focus),
      });
    } else if (e.kind === 'holiday') {
      const end = dayOf(e.fields.end);
      if (end && end < start)
        problems.push({ id: e.id, title: e.title, reason: 'its last day is before its first' });
      holidays.push({ id: e.id, title: e.title, start, ...(end && end >= start ? { end } : {}) });
    }
  }
  terms.sort((a, b) => a.start.localeCompare(b.start));
  months.sort((a, b) => a.month.localeCompare(b.month));
  holidays.sort((a, b) => a.start.localeCompare(b.start));
  return { ...(community ? { community } : {}), terms, months, holidays, problems };
}

/**
 * How the community meets: its entity's cadence, day and time, else `fallback` (the meetings
 * plugin's cadence setting) on the weekday of `today`.
 */
export function readCadence(
  community: EntityInfo | undefined,
  fallback: { cadence?: unknown; durationMinutes?: unknown },
  today: string,
): PlanCadence {
  const f = community?.fields ?? {};
  const cadenceOf = (v: unknown) => (CADENCES.includes(v as Cadence) ? (v as Cadence) : undefined);
  const cadence = cadenceOf(f.cadence) ?? cadenceOf(fallback.cadence) ?? 'fortnightly';
  const weekday = WEEKDAYS.includes(f.meetingDay as Weekday)
    ? (f.meetingDay as Weekday)
    : (WEEKDAYS[(new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7] as Weekday);
  const duration =
    typeof f.durationMinutes === 'number'
      ? f.durationMinutes
      : typeof fallback.durationMinutes === 'number'
        ? fallback.durationMinutes
        : undefined;
  return {
    cadence,
    weekday,
    ...(typeof f.meetingTime === 'string' && f.meetingTime ? { time: f.meetingTime } : {}),
    ...(duration !== undefined ? { durationMinutes: duration } : {}),
    ...(typeof f.agendaTemplate === 'string' && f.agendaTemplate
      ? { agendaTemplate: f.agendaTemplate }
      : {}),
  };
}

/** The term a date falls in, if any. */
export function termOf(plan: YearPlan, date: string): PlanTerm | undefined {
  return plan.terms.find((t) => t.start <= date && date <= t.end);
}

/** The holiday a date falls in, if any. */
export function holidayOf(plan: YearPlan, date: string): PlanHoliday | undefined {
  return plan.holidays.find((h) => h.start <= date && date <= (h.end ?? h.start));
}
