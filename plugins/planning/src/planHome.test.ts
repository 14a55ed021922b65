import type { EntityInfo } from '@repertoire/plugin-api';
import { describe, expect, it } from 'vitest';
import { planAtAGlance } from './planHome.ts';
import { readYearPlan } from './yearPlan.ts';

const entity = (id: string, kind: string, title: string, fields: EntityInfo['fields']) =>
  ({ id, kind, title, fields, createdAt: 0, updatedAt: 0 }) as unknown as EntityInfo;

const plan = readYearPlan([
  entity('t1', 'term', 'Term 1', { start: '2026-02-02', end: '2026-04-10', focus: 'feedback' }),
  entity('t2', 'term', 'Term 2', { start: '2026-04-27', end: '2026-07-03' }),
]);
const meetings = [
  entity('m1', 'meeting', 'Session 1', { date: '2026-02-10' }),
  entity('m2', 'meeting', 'Session 3', { date: '2026-03-10' }),
  entity('m3', 'meeting', 'Session 2', { date: '2026-02-24' }),
  entity('m4', 'meeting', 'Session 4', { date: '2026-03-24' }),
  entity('m5', 'meeting', 'Session 5', { date: '2026-04-07' }),
];

describe('the plan at a glance', () => {
  it('names the term today falls in and the next three meetings, soonest first', () => {
    const glance = planAtAGlance(plan, meetings, '2026-02-20');
    expect(glance.when).toBe('now');
    expect(glance.term?.title).toBe('Term 1');
    expect(glance.nextMeetings.map((m) => m.title)).toEqual([
      'Session 2',
      'Session 3',
      'Session 4',
    ]);
  });

  it('between terms names the next one; after the last, the last one', () => {
    expect(planAtAGlance(plan, meetings, '2026-04-15')).toMatchObject({
      when: 'next',
      term: { title: 'Term 2' },
    });
    const after = planAtAGlance(plan, meetings, '2026-12-01');
    expect(after).toMatchObject({ when: 'past', term: { title: 'Term 2' }, nextMeetings: [] });
  });

  it('says there is no plan when there are no terms', () => {
    expect(planAtAGlance(readYearPlan([]), [], '2026-02-20')).toEqual({
      when: 'none',
      nextMeetings: [],
    });
  });
});
