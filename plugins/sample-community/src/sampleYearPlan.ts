import type { Workspace } from '@repertoire/core';
import type { EntityId } from '@repertoire/schema';
import { MEETING_DATES } from './sampleData.ts';
import type { SampleDates } from './sampleDates.ts';

/** The committee's own description: what it is for, where it is going, how it meets. */
const COMMUNITY = {
  title: 'E-learning committee',
  purpose:
    'To build, with every department, a shared and equitable approach to e-learning at our school: the tools we choose, how we use them, and the professional learning that makes them work.',
  vision:
    'Every teacher confident with a small set of well-chosen digital tools, every student able to learn, create and behave well online, and the committee itself a place where staff bring problems of practice and leave with something to try.',
  goals: [
    'An e-learning framework the staff adopt by the end of the year',
    'One learning management system, piloted and chosen with teachers',
    'Digital Citizenship taught in Year 9 and reviewed with students',
    'Short, regular PD that fits into teachers’ weeks',
  ],
  agendaTemplate: [
    'Meeting {number} of {term}, {date}',
    'Check-in: what we tried since last time',
    'Focus: {focus}',
    'Decisions and actions: who does what before next time',
  ].join('\n'),
};

/** The 2025 New Zealand school year: four terms, their focus and the problems they work on. */
const TERMS = [
  {
    key: '2025-1',
    title: 'Term 1',
    start: '2025-02-03',
    end: '2025-04-11',
    focus: 'Agree what e-learning means for us; shortlist the learning management systems.',
    problems: ['approach', 'lms'],
  },
  {
    key: '2025-2',
    title: 'Term 2',
    start: '2025-04-28',
    end: '2025-07-04',
    focus: 'Pilot the LMS in three departments and start short PD demos.',
    problems: ['lms', 'pd'],
  },
  {
    key: '2025-3',
    title: 'Term 3',
    start: '2025-07-21',
    end: '2025-09-26',
    focus: 'Digital Citizenship in Year 9, and who lacks devices or internet at home.',
    problems: ['citizenship', 'access'],
  },
  {
    key: '2025-4',
    title: 'Term 4',
    start: '2025-10-13',
    end: '2025-12-17',
    focus: 'Write the e-learning framework together; decide about a school app.',
    problems: ['approach', 'app'],
  },
];

/** Months with a focus of their own. */
const MONTHS = [
  {
    month: '2025-02',
    title: 'February 2025',
    focus: 'Survey of the tools departments already use',
  },
  {
    month: '2025-05',
    title: 'May 2025',
    focus: 'LMS pilot starts: Science, English, Social Sciences',
  },
  {
    month: '2025-08',
    title: 'August 2025',
    focus: 'Year 9 Digital Citizenship unit taught and observed',
  },
  { month: '2025-11', title: 'November 2025', focus: 'Framework draft shared with all staff' },
];

/** The term breaks and public holidays of 2025 that fall on school days. */
const HOLIDAYS = [
  { key: 'waitangi', title: 'Waitangi Day', start: '2025-02-06' },
  { key: 'break-1', title: 'Term 1 break', start: '2025-04-12', end: '2025-04-27' },
  { key: 'kings-birthday', title: 'King’s Birthday', start: '2025-06-02' },
  { key: 'matariki', title: 'Matariki', start: '2025-06-20' },
  { key: 'break-2', title: 'Term 2 break', start: '2025-07-05', end: '2025-07-20' },
  { key: 'break-3', title: 'Term 3 break', start: '2025-09-27', end: '2025-10-12' },
  { key: 'labour-day', title: 'Labour Day', start: '2025-10-27' },
];

/** What the sample's loader lends this file: its ids, and its clock. */
export interface SampleYearPlanContext {
  /** The sample's fixed id of an entity of `kind` with `key`. */
  readonly id: (kind: string, key: string) => EntityId;
  /** Sets the time the next stamps carry (a `YYYY-MM-DD` day of the sample's year). */
  readonly at: (date: string) => void;
  /** How the sample's dates move (the workspace moves what is written; ids are moved here). */
  readonly dates: SampleDates;
}

/**
 * The committee's year plan (the planning plugin's kinds): the community itself, concerned with
 * both domains; four terms focused on problems of practice; four months with a focus; the
 * holidays; and each of the 21 meetings planned in its term. Made at the first meeting, as a
 * committee plans its year; each meeting's `planned in` is dated with the meeting. Runs inside the
 * loader's transaction, after the meetings exist.
 */
export function loadSampleYearPlan(workspace: Workspace, context: SampleYearPlanContext): void {
  const { id, at, dates } = context;
  at(MEETING_DATES[0] as string);
  workspace.createEntity({
    id: 'community' as EntityId,
    kind: 'community',
    title: COMMUNITY.title,
    fields: {
      purpose: COMMUNITY.purpose,
      vision: COMMUNITY.vision,
      goals: COMMUNITY.goals,
      cadence: 'fortnightly',
      meetingDay: 'Wednesday',
      meetingTime: '15:30',
      durationMinutes: 60,
      agendaTemplate: COMMUNITY.agendaTemplate,
    },
  });
  for (const domain of ['elearning', 'literacy'])
    workspace.link('community' as EntityId, 'concerns', id('domain', domain));
  for (const term of TERMS) {
    const termId = id('term', term.key);
    workspace.createEntity({
      id: termId,
      kind: 'term',
      title: term.title,
      fields: { start: term.start, end: term.end, focus: term.focus },
    });
    for (const problem of term.problems)
      if (workspace.hasEntity(id('problem', problem)))
        workspace.link(termId, 'focuses-on', id('problem', problem));
  }
  for (const month of MONTHS) {
    // A month is the planning plugin's `month-YYYY-MM`, starting on its first day, wherever the
    // dates move.
    const moved = dates.month(month.month);
    workspace.createEntity({
      id: `month-${moved}` as EntityId,
      kind: 'month',
      title: month.title,
      fields: { start: dates.unmoved(`${moved}-01`), focus: month.focus },
    });
  }
  for (const holiday of HOLIDAYS)
    workspace.createEntity({
      id: id('holiday', holiday.key),
      kind: 'holiday',
      title: holiday.title,
      fields: { start: holiday.start, ...(holiday.end ? { end: holiday.end } : {}) },
    });
  for (const [index, date] of MEETING_DATES.entries()) {
    const term = TERMS.find((t) => t.start <= date && date <= t.end);
    if (!term) continue;
    at(date);
    workspace.link(id('meeting', String(index + 1)), 'planned-in', id('term', term.key));
  }
}
