import { createGraphDoc, Workspace } from '@repertoire/core';
import { describe, expect, it } from 'vitest';
import { registerBuiltinKinds } from './builtinKinds.ts';
import { loadSampleCommunity } from './loadSampleCommunity.ts';
import { MEETING_DATES } from './sampleData.ts';
import { sampleDates, weeksToNow } from './sampleDates.ts';

const DAY = 86_400_000;
const LAST = MEETING_DATES[MEETING_DATES.length - 1] as string;

describe('sampleDates', () => {
  it('moves the last meeting into the week of the seeding day, never after it', () => {
    for (const daysAfter of [7, 7.25, 8, 13, 14, 360, 1000]) {
      // From 10:00 UTC on a Wednesday, before the moved meeting's 15:30 start that day.
      const now = Date.parse(`${LAST}T10:00:00Z`) + daysAfter * DAY;
      const moved = Date.parse(`${sampleDates(weeksToNow(now)).day(LAST)}T15:30:00Z`);
      expect(moved).toBeLessThanOrEqual(now);
      expect(now - moved).toBeLessThan(7 * DAY);
    }
    // Before the sample's own year ends (a clock set back), nothing moves backwards.
    expect(weeksToNow(Date.parse('2024-01-01'))).toBe(0);
  });

  it('moves dates in every form they are written, each once', () => {
    const dates = sampleDates(30);
    expect(dates.day('2025-02-05')).toBe('2025-09-03');
    expect(dates.day('2025-04-02T15:30:00.000Z')).toBe('2025-10-29T15:30:00.000Z');
    expect(dates.month('2025-02')).toBe('2025-08');
    expect(dates.unmoved(dates.day('2025-06-18'))).toBe('2025-06-18');
    // "February 2025" becomes August 2025, and its 2025 is not then read as a bare year (which
    // moves to 2026, where most of the moved year falls).
    expect(dates.text('February 2025 · 3 February 2025 · Term 1 2025 · 2025-02-05')).toBe(
      'August 2025 · 1 September 2025 · Term 1 2026 · 2025-09-03',
    );
    // Ids and keys that only contain the year are left alone.
    expect(dates.text('month-2025-02 and sample-term-2025-1')).toBe(
      'month-2025-02 and sample-term-2025-1',
    );
    expect(sampleDates(0).text('3 February 2025')).toBe('3 February 2025');
    expect(() => sampleDates(1.5)).toThrow(/whole number of weeks/);
  });

  it('loads the sample moved: meetings stay Wednesdays, the last is this week, and no 2025 is left', () => {
    const now = Date.parse('2026-12-02T18:00:00Z');
    const shiftWeeks = weeksToNow(now);
    const doc = createGraphDoc();
    const summary = loadSampleCommunity(doc, { user: 'u_demo', id: 'w', shiftWeeks });
    expect(summary.loaded).toBe(true);
    const workspace = new Workspace(doc, { user: 'u_reader', id: 'w' });
    registerBuiltinKinds(workspace);
    const meetings = workspace.entities('meeting');
    expect(meetings).toHaveLength(MEETING_DATES.length);
    const days = meetings.map((m) => m.fields.date as string).sort();
    for (const day of days) expect(new Date(`${day}T12:00:00Z`).getUTCDay()).toBe(3);
    expect(days.at(-1)).toBe('2026-12-02');
    // Everything written (titles, fields, relation attributes) and every stamp is moved.
    const written = JSON.stringify([
      workspace.entities().map((e) => [e.title, e.fields]),
      workspace.relations().map((r) => r.attributes),
    ]);
    expect(written).not.toMatch(/(?<![-\d])2025(?![-\d])/);
    for (const entity of workspace.entities())
      expect(entity.createdAt, entity.id).toBeLessThanOrEqual(now);
    const months = workspace.entities('month');
    expect(months.length).toBeGreaterThan(0);
    for (const month of months) expect(month.fields.start).toBe(`${month.id.slice(6)}-01`);
  });
});
