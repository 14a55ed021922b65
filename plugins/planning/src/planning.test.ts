import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { startBuiltIns } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import * as meetings from '@repertoire/plugin-meetings';
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import * as planning from './index.ts';

async function setUp(options: { access?: 'all' | 'own' } = {}) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = await startBuiltIns(
    workspace,
    [community, knowledge, meetings, planning],
    options.access
      ? {
          activity: {
            member: async () => undefined,
            claimMember: async () => {},
            access: async () => options.access as 'all' | 'own',
            records: async () => [],
          },
        }
      : {},
  );
  return { workspace, host, ui };
}

/** Far enough ahead that "no meeting before today" never trims these terms. */
const Y = 2099;

async function planYear(host: Awaited<ReturnType<typeof setUp>>['host']) {
  await host.executeCommand('planning.describeCommunity', 'Maths circle', {
    purpose: 'Better feedback in maths lessons',
    cadence: 'fortnightly',
    meetingDay: 'Tuesday',
    meetingTime: '15:30',
    durationMinutes: 75,
    agendaTemplate: 'Meeting {number} of {term}\nFocus: {focus}',
  });
  const term = (await host.executeCommand(
    'planning.addTerm',
    'Term 1',
    `${Y}-01-27`,
    `${Y}-04-03`,
    'Feedback that moves learning forward',
  )) as string;
  await host.executeCommand('planning.addHoliday', 'Staff day', `${Y}-03-10`);
  await host.executeCommand('planning.setMonthFocus', `${Y}-03`, 'Peer feedback protocols');
  return term;
}

it('schedules a term’s meetings from the cadence, skipping holidays, says so and opens the term', async () => {
  const { workspace, host, ui } = await setUp();
  const term = await planYear(host);
  ui.notifications.length = 0;
  const made = (await host.executeCommand('planning.scheduleMeetings', term)) as string[];
  const dates = made.map((id) => workspace.getEntity(id as never)?.fields.date);
  // Fortnightly Tuesdays from 27 January 2099; 10 March is the staff day.
  expect(dates).toEqual([`${Y}-01-27`, `${Y}-02-10`, `${Y}-02-24`, `${Y}-03-24`]);
  const third = workspace.getEntity(made[2] as never);
  expect(third).toMatchObject({
    title: 'Term 1: meeting 3',
    document: true,
    fields: {
      durationMinutes: 75,
      agenda: 'Meeting 3 of Term 1\nFocus: Feedback that moves learning forward',
    },
  });
  // March's own focus wins over the term's.
  expect(workspace.getEntity(made[3] as never)?.fields.agenda).toContain('Peer feedback protocols');
  expect(workspace.relations({ to: term as never, type: 'planned-in' })).toHaveLength(4);
  expect(ui.notifications.map((n) => n.message)).toEqual([
    expect.stringMatching(
      /^Scheduled 4 fortnightly Tuesday meetings in Term 1, from .*Skipped 1 date in holidays \(Staff day: 10 Mar 2099\)/,
    ),
  ]);
  expect(ui.opened.at(-1)).toBe(term);
  // Scheduling again doubles nothing.
  expect(await host.executeCommand('planning.scheduleMeetings', term)).toEqual([]);
  expect(workspace.entities('meeting')).toHaveLength(4);
});

it('refuses an impossible recurrence with a clear error and changes nothing', async () => {
  const { workspace, host, ui } = await setUp();
  const term = await planYear(host);
  await expect(host.executeCommand('planning.scheduleMeetings', term, 0)).rejects.toThrow(
    /every 1 to 12 weeks; 0 cannot make a series/,
  );
  await host.executeCommand('planning.addHoliday', 'Closed all term', `${Y}-01-01`, `${Y}-05-01`);
  await expect(host.executeCommand('planning.scheduleMeetings', term)).rejects.toThrow(
    /falls in a holiday/,
  );
  await expect(
    host.executeCommand('planning.addTerm', 'Backwards', `${Y}-05-01`, `${Y}-04-01`),
  ).rejects.toThrow(/cannot end .* before it starts/);
  expect(workspace.entities('meeting')).toEqual([]);
  expect(workspace.entities('term').map((t) => t.title)).toEqual(['Term 1']);
  // From the palette the member is told, and nothing is made.
  ui.quickPickAnswers.push('Term 1');
  expect(await host.executeCommand('planning.scheduleMeetings')).toBeUndefined();
  expect(ui.notifications.at(-1)).toMatchObject({
    message: expect.stringMatching(/^Nothing was scheduled\. Every Tuesday .* falls in a holiday/),
    severity: 'error',
  });
  expect(workspace.entities('meeting')).toEqual([]);
});

it('tells a member who is no steward that only owners and facilitators plan, changing nothing', async () => {
  const { workspace, host, ui } = await setUp({ access: 'own' });
  await expect(
    host.executeCommand('planning.addTerm', 'Term 1', `${Y}-01-27`, `${Y}-04-03`),
  ).rejects.toThrow(/Only the community’s owners, coordinators and facilitators/);
  expect(await host.executeCommand('planning.addTerm')).toBeUndefined();
  expect(ui.notifications.at(-1)?.message).toMatch(/Only the community’s owners/);
  expect(workspace.entities('term')).toEqual([]);
});

it('exports the meetings as an iCalendar file that ical.js reads back', async () => {
  const { host, ui } = await setUp();
  const term = await planYear(host);
  await host.executeCommand('planning.scheduleMeetings', term);
  expect(await host.executeCommand('planning.exportCalendar')).toBe(4);
  const saved = ui.saved.at(-1);
  expect(saved).toMatchObject({ name: 'meetings.ics', mimeType: 'text/calendar' });
  // Floating local time: no zone, no Z, exactly the community's clock.
  expect(String(saved?.data)).toMatch(/DTSTART:20990127T153000\r\n/);
  const calendar = new ICAL.Component(ICAL.parse(String(saved?.data)));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Maths circle');
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.summary)).toEqual([
    'Term 1: meeting 1',
    'Term 1: meeting 2',
    'Term 1: meeting 3',
    'Term 1: meeting 4',
  ]);
  const first = events[0] as ICAL.Event;
  // Floating local time (no zone): 15:30 on the community's clock, 75 minutes long.
  expect(first.startDate.toString()).toBe(`${Y}-01-27T15:30:00`);
  expect(first.startDate.zone?.tzid).toBe('floating');
  expect(first.duration.toSeconds()).toBe(75 * 60);
  expect(first.uid).toMatch(/@w1\.repertoire$/);
  expect(first.description).toContain('Meeting 1 of Term 1');
});

it('proposes the next meeting date inside a term and outside the holidays', async () => {
  const { host } = await setUp();
  await planYear(host);
  expect(await host.executeCommand('planning.nextMeetingDate', `${Y}-03-04`)).toEqual({
    date: `${Y}-03-17`,
    reason: 'the next Tuesday of Term 1 outside the holidays',
  });
});

it('sets the plan beside what happened in the timeline', async () => {
  const { workspace, host } = await setUp();
  const term = await planYear(host);
  const made = (await host.executeCommand('planning.scheduleMeetings', term)) as string[];
  const ana = (await host.executeCommand('community.addMember', 'Ana', 'facilitator')) as string;
  const ben = (await host.executeCommand('community.addMember', 'Ben', 'member')) as string;
  await host.executeCommand('meetings.recordAttendance', made[0] as string, [ana, ben]);
  const rows = planning.timelineRows({
    plan: planning.readYearPlan(
      workspace.entities().map((e) => ({ ...e, fields: { ...e.fields } })) as never,
    ),
    meetings: workspace.entities('meeting') as never,
    artifacts: [],
    relations: workspace.relations() as never,
    titles: new Map(),
    today: `${Y}-12-31`,
  });
  expect(rows[0]).toMatchObject({
    period: 'Term 1 (27 Jan 2099 – 3 Apr 2099)',
    planned: 'Feedback that moves learning forward',
    meetings: 4,
    held: 1,
    attendance: '2 (about 2 a meeting)',
    holidays: 'Staff day',
  });
  expect(rows.map((r) => r.period.trim())).toEqual([
    'Term 1 (27 Jan 2099 – 3 Apr 2099)',
    'January 2099',
    'February 2099',
    'March 2099',
    'April 2099',
  ]);
  expect(rows[3]).toMatchObject({ planned: 'Peer feedback protocols', meetings: 1 });
  const view = (await host.resolveView('planning.timeline')) as { type: string };
  expect(view.type).toBe('table');
});

it('“Schedule a meeting” proposes the year plan’s next meeting day, and says so', async () => {
  const { workspace, host, ui } = await setUp();
  await host.executeCommand('planning.describeCommunity', 'Maths circle', {
    meetingDay: 'Thursday',
  });
  // A term that runs all year, so the next Thursday from today is in it.
  const now = new Date();
  await host.executeCommand(
    'planning.addTerm',
    'This year',
    `${now.getFullYear() - 1}-01-01`,
    `${now.getFullYear() + 1}-12-31`,
  );
  const id = (await host.executeCommand('meetings.schedule', 'Next session')) as string;
  const date = String(workspace.getEntity(id as never)?.fields.date);
  expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(4);
  expect(ui.notifications.at(-1)?.message).toMatch(
    /^Scheduled “Next session” on Thursday.* \(the next Thursday of This year outside the holidays\)/,
  );
  expect(ui.opened.at(-1)).toBe(id);
});

it('links a term to the problem of practice it focuses on; the timeline names it', async () => {
  const { workspace, host, ui } = await setUp();
  const term = await planYear(host);
  const problem = (await host.executeCommand(
    'knowledge.addProblem',
    'Feedback students ignore',
    '',
  )) as string;
  ui.quickPickAnswers.push('Term 1', 'A problem of practice', 'Feedback students ignore');
  expect(await host.executeCommand('planning.linkFocus')).toBe(true);
  expect(workspace.relations({ from: term as never, type: 'focuses-on' })[0]?.to).toBe(problem);
  expect(ui.notifications.at(-1)?.message).toBe('Term 1 focuses on “Feedback students ignore”.');
  // A problem is no term or month: refused, and nothing is linked.
  await expect(host.executeCommand('planning.linkFocus', problem, term)).rejects.toThrow(
    /is not a term or month of the plan/,
  );
  expect(workspace.relations({ type: 'focuses-on' })).toHaveLength(1);
});
