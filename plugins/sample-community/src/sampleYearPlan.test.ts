import { createGraphDoc, Workspace } from '@repertoire/core';
import { planMeetingDates, readYearPlan, timelineRows } from '@repertoire/plugin-planning';
import { expect, it } from 'vitest';
import { registerBuiltinKinds } from './builtinKinds.ts';
import { loadSampleCommunity } from './loadSampleCommunity.ts';
import { MEETING_DATES } from './sampleData.ts';

function loaded() {
  const doc = createGraphDoc();
  loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
  const workspace = new Workspace(doc, { user: 'u_reader', id: 'w_sample' });
  registerBuiltinKinds(workspace);
  const entities = workspace.entities().map((e) => ({
    ...e,
    createdAt: new Date(e.createdAt).toISOString(),
    updatedAt: new Date(e.updatedAt).toISOString(),
  }));
  return { workspace, entities: entities as never[] };
}

it('gives the committee a year plan: the community, four terms, holidays, every meeting planned', () => {
  const { workspace, entities } = loaded();
  const plan = readYearPlan(entities);
  expect(plan.community).toMatchObject({
    title: 'E-learning committee',
    fields: { cadence: 'fortnightly', meetingDay: 'Wednesday', meetingTime: '15:30' },
  });
  expect(plan.terms.map((t) => t.title)).toEqual(['Term 1', 'Term 2', 'Term 3', 'Term 4']);
  expect(plan.holidays.length).toBeGreaterThan(3);
  expect(workspace.relations({ type: 'planned-in' })).toHaveLength(MEETING_DATES.length);
  expect(workspace.relations({ from: 'community' as never, type: 'concerns' })).toHaveLength(2);
  expect(workspace.invalidValues()).toEqual([]);
});

it('its plan is the one its cadence makes: fortnightly Wednesdays, holidays skipped', () => {
  const { entities } = loaded();
  const plan = readYearPlan(entities);
  // Every meeting the committee held is on a date the cadence gives for its term.
  for (const term of plan.terms) {
    const { dates } = planMeetingDates({
      start: term.start,
      end: term.end,
      cadence: 'weekly',
      weekday: 'Wednesday',
      holidays: plan.holidays,
    });
    for (const held of MEETING_DATES.filter((d) => d >= term.start && d <= term.end))
      expect(dates).toContain(held);
  }
});

it('sets the plan beside what happened: meetings held, attendance and artifacts per term', () => {
  const { workspace, entities } = loaded();
  const rows = timelineRows({
    plan: readYearPlan(entities),
    meetings: entities.filter((e: { kind: string }) => e.kind === 'meeting'),
    artifacts: entities.filter((e: { kind: string }) => e.kind === 'artifact'),
    relations: workspace.relations() as never,
    titles: new Map(workspace.entities().map((e) => [e.id, e.title])),
    today: '2026-01-01',
  });
  const terms = rows.filter((r) => r.period.startsWith('Term'));
  expect(terms.map((r) => r.meetings)).toEqual([5, 5, 5, 6]);
  expect(terms.map((r) => r.held)).toEqual([5, 5, 5, 6]);
  for (const r of terms) expect(r.attendance).toMatch(/^\d+ \(about \d+ a meeting\)$/);
  expect(terms.some((r) => r.artifacts !== '—')).toBe(true);
  expect(terms[0]?.planned).toContain('No shared approach to e-learning across departments');
});
