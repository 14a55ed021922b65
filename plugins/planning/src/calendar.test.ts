import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { fillAgenda } from './agenda.ts';
import { meetingsCalendar } from './calendar.ts';
import { timelineRows } from './timeline.ts';
import { readYearPlan } from './yearPlan.ts';

const meeting = (id: string, date: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Meeting ${id}`,
  fields: { date, ...extra },
});

it('writes all-day events when the community has no usable time, and skips undated meetings', () => {
  for (const meetingTime of [undefined, '25:00', 'half past three']) {
    const ics = meetingsCalendar(
      [meeting('b', '2099-03-10'), meeting('a', '2099-03-03T15:30:00+13:00'), meeting('x', 'soon')],
      { name: 'Circle', workspaceId: 'w1', meetingTime },
    );
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate])).toEqual([
      ['a@w1.repertoire', '2099-03-03', true],
      ['b@w1.repertoire', '2099-03-10', true],
    ]);
  }
});

it('gives a meeting its own length over the community’s usual one', () => {
  const ics = meetingsCalendar(
    [meeting('a', '2099-03-03', { durationMinutes: 45 }), meeting('b', '2099-03-10')],
    {
      name: 'Circle',
      workspaceId: 'w1',
      meetingTime: '09:00',
      durationMinutes: 120,
    },
  );
  const events = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.duration.toSeconds() / 60)).toEqual([45, 120]);
});

it('fills the agenda template, saying “to be decided” for what is not known yet', () => {
  expect(
    fillAgenda('{number}. {term} on {date}: {focus} {unknown}', {
      date: '2099-03-03',
      term: 'Term 1',
      number: 2,
    }),
  ).toMatch(/^2\. Term 1 on Tuesday,? 3 March 2099: to be decided \{unknown\}$/);
});

it('gives meetings outside every term a row of their own', () => {
  const entity = (id: string, kind: string, fields: Record<string, unknown>) =>
    ({
      id,
      kind,
      title: id,
      fields,
      createdBy: 'u',
      createdAt: '2099-01-01T00:00:00Z',
      updatedBy: 'u',
      updatedAt: '2099-01-01T00:00:00Z',
    }) as never;
  const plan = readYearPlan([
    entity('T1', 'term', { start: '2099-02-01', end: '2099-02-28' }),
    entity('T2', 'term', { start: '2099-05-01', end: '2099-05-31' }),
    entity('Backwards', 'term', { start: '2099-09-01', end: '2099-08-01' }),
  ]);
  expect(plan.terms.map((t) => t.id)).toEqual(['T1', 'T2']);
  expect(plan.problems).toEqual([
    { id: 'Backwards', title: 'Backwards', reason: 'its last day is before its first' },
  ]);
  const rows = timelineRows({
    plan,
    meetings: [
      meeting('in', '2099-02-10'),
      meeting('between', '2099-03-15'),
      meeting('after', '2099-07-01'),
    ] as never,
    artifacts: [],
    relations: [],
    titles: new Map(),
    today: '2099-12-31',
  });
  expect(rows.at(-1)).toMatchObject({ period: 'Outside the terms', meetings: 2, held: 0 });
});
