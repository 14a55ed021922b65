import type { EntityInfo, JsonValue, RelationInfo, ViewContent } from '@repertoire/plugin-api';
import { dayOf, earlierDay, laterDay, readableMonth, shortDate } from './dates.ts';
import type { YearPlan } from './yearPlan.ts';

/** What happened in one period of the plan, beside what was planned for it. */
export interface TimelineRow {
  /** A term, or a month inside it (indented). */
  readonly period: string;
  readonly planned: string;
  readonly meetings: number;
  readonly held: number;
  readonly attendance: string;
  readonly artifacts: string;
  readonly holidays: string;
}

/** What the timeline reads besides the plan. */
export interface TimelineInput {
  readonly plan: YearPlan;
  readonly meetings: readonly EntityInfo[];
  readonly artifacts: readonly EntityInfo[];
  /** `attended` and `focuses-on` relations (others are ignored). */
  readonly relations: readonly RelationInfo[];
  /** Titles of the entities a period focuses on, by id. */
  readonly titles: ReadonlyMap<string, string>;
  /** Today, `YYYY-MM-DD`: a meeting counts as held once its day has come and someone attended. */
  readonly today: string;
}

interface Span {
  readonly start: string;
  readonly end: string;
}

const inSpan = (date: string | undefined, span: Span) =>
  date !== undefined && span.start <= date && date <= span.end;

const monthSpan = (month: string): Span => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
};

/**
 * The plan beside what actually happened, one row per term and per month of the year: the focus
 * planned (and what it focuses on), the meetings scheduled, those held (their day has come and
 * attendance was recorded), how many attended, the artifacts made in the period, and its
 * holidays. Meetings outside every term get a row of their own, so nothing that happened is
 * hidden by the plan.
 */
export function timelineRows(input: TimelineInput): TimelineRow[] {
  const { plan, today } = input;
  const attendees = new Map<string, number>();
  const focusOf = new Map<string, string[]>();
  for (const r of input.relations) {
    if (r.type === 'attended') attendees.set(r.to, (attendees.get(r.to) ?? 0) + 1);
    if (r.type === 'focuses-on')
      focusOf.set(r.from, [...(focusOf.get(r.from) ?? []), input.titles.get(r.to) ?? r.to]);
  }
  const meetingDays = input.meetings.map((m) => ({ m, day: dayOf(m.fields.date) }));
  const row = (
    period: string,
    span: Span,
    focus: string,
    id?: string,
    within: (day: string | undefined) => boolean = (day) => inSpan(day, span),
  ): TimelineRow => {
    const meetings = meetingDays.filter(({ day }) => within(day));
    const held = meetings.filter(
      ({ m, day }) => (day as string) <= today && (attendees.get(m.id) ?? 0) > 0,
    );
    const attended = held.reduce((sum, { m }) => sum + (attendees.get(m.id) ?? 0), 0);
    const artifacts = input.artifacts.filter((a) => inSpan(dayOf(a.createdAt), span));
    const linked = id ? (focusOf.get(id) ?? []) : [];
    const holidays = plan.holidays.filter(
      (h) => h.start <= span.end && (h.end ?? h.start) >= span.start,
    );
    return {
      period,
      planned:
        [focus, linked.length ? `(${linked.join(', ')})` : ''].filter(Boolean).join(' ') || '—',
      meetings: meetings.length,
      held: held.length,
      attendance: held.length
        ? `${attended} (about ${Math.round(attended / held.length)} a meeting)`
        : '—',
      artifacts: artifacts.length
        ? `${artifacts.length}: ${artifacts.map((a) => a.title).join(', ')}`
        : '—',
      holidays: holidays.map((h) => h.title).join(', ') || '—',
    };
  };
  const rows: TimelineRow[] = [];
  for (const term of plan.terms) {
    rows.push(
      row(
        `${term.title} (${shortDate(term.start)} – ${shortDate(term.end)})`,
        term,
        term.focus,
        term.id,
      ),
    );
    for (const month of monthsBetween(term.start, term.end)) {
      const planned = plan.months.find((m) => m.month === month);
      const span = monthSpan(month);
      const clipped = {
        start: laterDay(span.start, term.start),
        end: earlierDay(span.end, term.end),
      };
      rows.push(row(readableMonth(month), clipped, planned?.focus ?? '', planned?.id));
    }
  }
  const outside = meetingDays.filter(
    ({ day }) => day !== undefined && !plan.terms.some((t) => inSpan(day, t)),
  );
  if (outside.length > 0 && plan.terms.length > 0) {
    const days = outside.map(({ day }) => day as string).sort();
    const span = { start: days[0] as string, end: days.at(-1) as string };
    const outsideTerms = (day: string | undefined) =>
      inSpan(day, span) && !plan.terms.some((t) => inSpan(day, t));
    rows.push({
      ...row('Outside the terms', span, '', undefined, outsideTerms),
      artifacts: '—',
      holidays: '—',
    });
  }
  return rows;
}

/** Every `YYYY-MM` from the month of `start` to the month of `end`. */
export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = start.slice(0, 7).split('-').map(Number) as [number, number];
  const last = end.slice(0, 7);
  for (let guard = 0; guard < 36; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The timeline as the workbench shows it: a table, or what to do when there is no plan yet. */
export function timelineView(rows: readonly TimelineRow[]): ViewContent {
  if (rows.length === 0)
    return {
      type: 'markdown',
      markdown:
        'No year plan yet. Add the terms of your year with “Year plan: Add a term”, then “Schedule meetings from the cadence”: this timeline then shows each term and month with its focus beside the meetings held, who came and the artifacts made.',
    };
  return {
    type: 'table',
    columns: [
      { key: 'period', label: 'Term and month' },
      { key: 'planned', label: 'Planned focus' },
      { key: 'meetings', label: 'Meetings planned' },
      { key: 'held', label: 'Held' },
      { key: 'attendance', label: 'Attendance' },
      { key: 'artifacts', label: 'Artifacts made' },
      { key: 'holidays', label: 'Holidays' },
    ],
    rows: rows.map((r) => ({ ...r }) as Record<string, JsonValue>),
  };
}
