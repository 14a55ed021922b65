import type { EntityInfo, GraphApi } from '@repertoire/plugin-api';
import { DEFAULT_AGENDA, fillAgenda } from './agenda.ts';
import { dayOf, laterDay, readableDate, shortDate } from './dates.ts';
import { planMeetingDates, RecurrenceError, type SkippedDate } from './recurrence.ts';
import type { PlanCadence, PlanTerm, YearPlan } from './yearPlan.ts';

/** What one scheduling run did, in numbers and in words. */
export interface ScheduleResult {
  /** Ids of the meetings made, in date order. */
  readonly created: readonly string[];
  /** Their dates. */
  readonly dates: readonly string[];
  /** Dates a holiday took. */
  readonly skipped: readonly SkippedDate[];
  /** Dates that already had a meeting, left as they were. */
  readonly existing: readonly string[];
  /** What happened, for the member. */
  readonly message: string;
}

/** What {@link scheduleTermMeetings} works from. */
export interface ScheduleInput {
  readonly plan: YearPlan;
  readonly term: PlanTerm;
  readonly cadence: PlanCadence;
  /** The community's meetings now (dates already taken are not doubled). */
  readonly meetings: readonly EntityInfo[];
  /** No meeting is made before this day (today): the past is what happened, not a plan. */
  readonly from: string;
  /** Every N weeks or months (1 unless asked). */
  readonly interval?: number;
}

/** The dates a term's meetings fall on; throws {@link RecurrenceError} when there are none. */
export function termMeetingDates(input: ScheduleInput) {
  const { term, cadence, plan, from } = input;
  if (term.end < from)
    throw new RecurrenceError(
      `${term.title} ended on ${readableDate(term.end)}: there is nothing left to schedule in it.`,
    );
  return planMeetingDates({
    start: laterDay(term.start, from),
    end: term.end,
    cadence: cadence.cadence,
    weekday: cadence.weekday,
    ...(input.interval !== undefined ? { interval: input.interval } : {}),
    holidays: plan.holidays,
  });
}

/**
 * Schedules a term's meetings from the cadence, in one transaction: each date gets a meeting
 * with notes, the agenda filled from the community's template (the month's focus, else the
 * term's), and a `planned-in` relation to the term. Dates that already have a meeting are left
 * alone. Throws {@link RecurrenceError} (and changes nothing) for a series that cannot be.
 */
export async function scheduleTermMeetings(
  graph: GraphApi,
  input: ScheduleInput,
): Promise<ScheduleResult> {
  const { term, cadence, plan } = input;
  const { dates, skipped } = termMeetingDates(input);
  const taken = new Set(input.meetings.map((m) => dayOf(m.fields.date)).filter(Boolean));
  const todo = dates.filter((d) => !taken.has(d));
  const existing = dates.filter((d) => taken.has(d));
  const already = input.meetings.filter((m) => {
    const day = dayOf(m.fields.date);
    return day !== undefined && day >= term.start && day <= term.end;
  }).length;
  const template = cadence.agendaTemplate ?? DEFAULT_AGENDA;
  const { created } = await graph.transact((tx) => {
    todo.forEach((date, i) => {
      const month = plan.months.find((m) => m.month === date.slice(0, 7));
      const number = already + i + 1;
      const ref = tx.createEntity({
        kind: 'meeting',
        title: `${term.title}: meeting ${number}`,
        document: true,
        fields: {
          date,
          format: 'session',
          ...(cadence.durationMinutes !== undefined
            ? { durationMinutes: cadence.durationMinutes }
            : {}),
          agenda: fillAgenda(template, {
            date,
            term: term.title,
            focus: month?.focus || term.focus,
            number,
          }),
        },
      });
      tx.link(ref, 'planned-in', term.id);
    });
  });
  return {
    created,
    dates: todo,
    skipped,
    existing,
    message: describe(input, todo, skipped, existing),
  };
}

function describe(
  input: ScheduleInput,
  dates: readonly string[],
  skipped: readonly SkippedDate[],
  existing: readonly string[],
): string {
  const { term, cadence } = input;
  const every =
    input.interval && input.interval > 1
      ? `every ${input.interval} ${cadence.cadence === 'monthly' ? 'months' : 'weeks'}`
      : cadence.cadence;
  const parts: string[] = [];
  if (dates.length === 0)
    parts.push(
      `${term.title} already has a meeting on every ${cadence.weekday} of its cadence; nothing new was scheduled.`,
    );
  else
    parts.push(
      `Scheduled ${dates.length} ${every} ${cadence.weekday} meeting${dates.length === 1 ? '' : 's'} in ${term.title}, from ${readableDate(dates[0] as string)} to ${readableDate(dates.at(-1) as string)}.`,
    );
  if (skipped.length > 0)
    parts.push(
      `Skipped ${skipped.length} date${skipped.length === 1 ? '' : 's'} in holidays (${skipped.map((s) => `${s.holiday}: ${shortDate(s.date)}`).join('; ')}).`,
    );
  if (existing.length > 0 && dates.length > 0)
    parts.push(`${existing.length} date${existing.length === 1 ? '' : 's'} already had a meeting.`);
  return parts.join(' ');
}
