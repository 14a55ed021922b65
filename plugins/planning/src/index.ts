import type { EntityInfo, JsonValue, PluginContext, TreeItem } from '@repertoire/plugin-api';
import { given } from './ask.ts';
import { registerCalendarCommands } from './calendarCommands.ts';
import { addDays, localToday, readableDate, shortDate } from './dates.ts';
import { registerPlanCommands } from './planCommands.ts';
import { mountPlanHome } from './planHome.ts';
import { RecurrenceError } from './recurrence.ts';
import { scheduleTermMeetings, termMeetingDates } from './scheduleMeetings.ts';
import { timelineRows, timelineView } from './timeline.ts';
import { holidayOf, readCadence, readYearPlan, termOf, type YearPlan } from './yearPlan.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { fillAgenda } from './agenda.ts';
export { type CalendarMeeting, type CalendarOptions, meetingsCalendar } from './calendar.ts';
export { type PlanGlance, planAtAGlance } from './planHome.ts';
export {
  CADENCES,
  type Cadence,
  type HolidaySpan,
  planMeetingDates,
  type Recurrence,
  RecurrenceError,
  type RecurrenceSpec,
  WEEKDAYS,
  type Weekday,
} from './recurrence.ts';
export { type TimelineRow, timelineRows } from './timeline.ts';
export { COMMUNITY_ID, readYearPlan, type YearPlan } from './yearPlan.ts';

const YEAR = 'year';

/** Activates the year plan: its commands, the Year plan side bar and the timeline. */
export function activate(context: PluginContext): void {
  const { commands, graph, window, views, settings, subscriptions } = context;
  registerPlanCommands(context);
  registerCalendarCommands(context);

  const readPlan = async (): Promise<YearPlan> => readYearPlan(await graph.entities());
  const cadenceOf = async (plan: YearPlan, today: string) =>
    readCadence(
      plan.community,
      {
        cadence: await settings.get('meetings.cadence'),
        durationMinutes: await settings.get('meetings.durationMinutes'),
      },
      today,
    );

  subscriptions.push(
    commands.registerCommand(
      'planning.scheduleMeetings',
      async (term?: JsonValue, interval?: JsonValue) => {
        const interactive = given(term) === undefined;
        const plan = await readPlan();
        const today = localToday();
        if (plan.terms.length === 0) {
          const message =
            'There are no terms to schedule yet: add one with “Year plan: Add a term” (its first and last days), then schedule its meetings.';
          if (!interactive) throw new RecurrenceError(message);
          void window.showNotification(message, { severity: 'warning' });
          return undefined;
        }
        let chosen = given(term);
        if (!chosen) {
          const picked = await window.showQuickPick(
            [
              ...plan.terms
                .filter((t) => t.end >= today)
                .map((t) => ({
                  label: t.title,
                  description: `${shortDate(t.start)} – ${shortDate(t.end)}`,
                  value: t.id,
                })),
              { label: 'Every term still to come', value: YEAR },
            ],
            { title: 'Schedule the meetings of which term?' },
          );
          chosen = picked?.value;
        }
        if (!chosen) return undefined;
        const terms =
          chosen === YEAR
            ? plan.terms.filter((t) => t.end >= today)
            : plan.terms.filter((t) => t.id === chosen);
        const fail = (message: string) => {
          if (!interactive) throw new RecurrenceError(message);
          void window.showNotification(`Nothing was scheduled. ${message}`, { severity: 'error' });
          return undefined;
        };
        if (terms.length === 0)
          return fail(
            chosen === YEAR ? 'Every term has ended.' : `There is no term “${chosen}” in the plan.`,
          );
        const cadence = await cadenceOf(plan, today);
        const every = typeof interval === 'number' ? interval : undefined;
        const base = {
          plan,
          cadence,
          from: today,
          ...(every !== undefined ? { interval: every } : {}),
        };
        // Every term is checked before anything is made: one impossible term changes nothing.
        try {
          for (const t of terms) termMeetingDates({ ...base, term: t, meetings: [] });
        } catch (error) {
          if (error instanceof RecurrenceError) return fail(error.message);
          throw error;
        }
        const made: string[] = [];
        const messages: string[] = [];
        for (const t of terms) {
          const result = await scheduleTermMeetings(graph, {
            ...base,
            term: t,
            meetings: await graph.entities({ kind: 'meeting' }),
          });
          made.push(...result.created);
          messages.push(result.message);
        }
        void window.showNotification(
          `${messages.join(' ')} ${interactive ? `${terms[0]?.title}’s page is open with its meetings; the timeline (Year plan side bar) sets them beside what happens.` : ''}`.trim(),
        );
        const first = terms[0];
        if (first) await window.openEntity(first.id);
        return made;
      },
    ),

    // Private (not in the palette): what "Schedule a meeting" asks for the date to propose.
    commands.registerCommand('planning.nextMeetingDate', async (after?: JsonValue) => {
      const plan = await readPlan();
      const today = given(after) ?? localToday();
      const cadence = await cadenceOf(plan, today);
      return nextPlannedDate(plan, cadence.weekday, today);
    }),

    views.registerCustomView('planning.home', {
      mount: (element, view) => mountPlanHome(element, view, context),
    }),

    views.registerViewProvider('planning.yearPlan', {
      resolve: async () => ({
        type: 'tree',
        items: yearPlanTree(await readPlan(), await graph.entities({ kind: 'meeting' })),
      }),
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),

    views.registerViewProvider('planning.timeline', {
      resolve: async () => {
        const entities = await graph.entities();
        const relations = await graph.relations();
        const plan = readYearPlan(entities);
        return timelineView(
          timelineRows({
            plan,
            meetings: entities.filter((e) => e.kind === 'meeting'),
            artifacts: entities.filter((e) => e.kind === 'artifact'),
            relations: relations.filter((r) => r.type === 'attended' || r.type === 'focuses-on'),
            titles: new Map(entities.map((e) => [e.id, e.title])),
            today: localToday(),
          }),
        );
      },
      onDidChange: (listener) => graph.onDidChange(() => listener()),
    }),
  );
}

/**
 * The next day the community meets after `today`: the next `weekday` that is in a term (when
 * the plan has terms) and in no holiday, with why, for "Schedule a meeting" to propose.
 */
export function nextPlannedDate(
  plan: YearPlan,
  weekday: string,
  today: string,
): { date: string; reason: string } | null {
  const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  for (let i = 1; i <= 400; i++) {
    const date = addDays(today, i);
    if (names[new Date(`${date}T00:00:00Z`).getUTCDay()] !== weekday) continue;
    if (holidayOf(plan, date)) continue;
    const term = termOf(plan, date);
    if (plan.terms.length > 0 && !term) continue;
    return {
      date,
      reason: term
        ? `the next ${weekday} of ${term.title} outside the holidays`
        : `the next ${weekday}, the community’s meeting day`,
    };
  }
  return null;
}

/** The Year plan side bar: the community, each term with its months and meetings, holidays. */
export function yearPlanTree(plan: YearPlan, meetings: readonly EntityInfo[]): TreeItem[] {
  const items: TreeItem[] = [
    plan.community
      ? {
          id: 'community',
          label: plan.community.title,
          description: 'the community',
          entityId: plan.community.id,
          icon: 'people',
        }
      : {
          id: 'community',
          label: 'Describe the community…',
          description: 'purpose, vision, cadence',
          command: { id: 'planning.describeCommunity' },
          icon: 'people',
        },
    {
      id: 'timeline',
      label: 'Open the timeline',
      description: 'plan beside what happened',
      command: { id: 'view.open.planning.timeline' },
      icon: 'table',
    },
  ];
  if (plan.terms.length === 0)
    items.push({
      id: 'terms-empty',
      label: 'Add the first term…',
      description: 'its first and last days',
      command: { id: 'planning.addTerm' },
      icon: 'plus',
    });
  for (const term of plan.terms) {
    const inTerm = meetings
      .filter((m) => {
        const d = String(m.fields.date ?? '').slice(0, 10);
        return d >= term.start && d <= term.end;
      })
      .sort((a, b) => String(a.fields.date).localeCompare(String(b.fields.date)));
    items.push({
      id: `term:${term.id}`,
      label: term.title,
      description: `${shortDate(term.start)} – ${shortDate(term.end)}${term.focus ? ` · ${term.focus}` : ''}`,
      entityId: term.id,
      icon: 'calendar',
      children: [
        ...plan.months
          .filter((m) => m.month >= term.start.slice(0, 7) && m.month <= term.end.slice(0, 7))
          .map((m) => ({
            id: `month:${m.id}`,
            label: m.title,
            description: m.focus,
            entityId: m.id,
            icon: 'calendar',
          })),
        ...(inTerm.length === 0
          ? [
              {
                id: `schedule:${term.id}`,
                label: 'Schedule this term’s meetings…',
                command: { id: 'planning.scheduleMeetings', args: [term.id] },
                icon: 'calendar',
              },
            ]
          : inTerm.map((m) => ({
              id: `meeting:${m.id}`,
              label: m.title,
              description: readableDate(String(m.fields.date).slice(0, 10)),
              entityId: m.id,
              icon: 'calendar',
            }))),
      ],
    });
  }
  for (const problem of plan.problems)
    items.push({
      id: `problem:${problem.id}`,
      label: `${problem.title}: ${problem.reason}`,
      description: 'left out of the plan until its dates are fixed',
      entityId: problem.id,
      icon: 'alert-triangle',
    });
  if (plan.holidays.length > 0)
    items.push({
      id: 'holidays',
      label: 'Holidays',
      description: `${plan.holidays.length}, no meetings then`,
      icon: 'sun',
      children: plan.holidays.map((h) => ({
        id: `holiday:${h.id}`,
        label: h.title,
        description: h.end ? `${shortDate(h.start)} – ${shortDate(h.end)}` : shortDate(h.start),
        entityId: h.id,
      })),
    });
  return items;
}
