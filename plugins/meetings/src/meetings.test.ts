import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { startBuiltIns } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { expect, it } from 'vitest';
import * as meetings from './index.ts';

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = await startBuiltIns(workspace, [community, knowledge, meetings]);
  return { workspace, host, ui };
}

it('contributes the meeting kind, attended and discussed relations, and cadence settings', async () => {
  const { workspace, host } = await setUp();
  expect(
    workspace.kinds.entityKind('meeting')?.definition.fields.find((f) => f.name === 'date')
      ?.required,
  ).toBe(true);
  expect(workspace.kinds.relationKind('discussed')).toMatchObject({ to: ['problem', 'practice'] });
  expect(host.contributions.settings().map((s) => s.key)).toEqual([
    'meetings.cadence',
    'meetings.durationMinutes',
  ]);
});

it('schedules a meeting with notes, records attendance and what it discussed', async () => {
  const { workspace, host, ui } = await setUp();
  const ana = (await host.executeCommand('community.addMember', 'Ana', 'facilitator')) as string;
  const ben = (await host.executeCommand('community.addMember', 'Ben', 'member')) as string;
  const problem = (await host.executeCommand('knowledge.addProblem', 'Which LMS?', '')) as string;
  const meeting = (await host.executeCommand(
    'meetings.schedule',
    'Session 1',
    '2025-02-03',
    'LMS options',
  )) as string;
  expect(workspace.getEntity(meeting as never)).toMatchObject({
    document: true,
    fields: { date: '2025-02-03', agenda: 'LMS options', durationMinutes: 60 },
  });
  expect(await host.executeCommand('meetings.recordAttendance', meeting, [ana, ben])).toBe(2);
  expect(
    workspace
      .relations({ to: meeting as never, type: 'attended' })
      .map((r) => r.from)
      .sort(),
  ).toEqual([ana, ben].sort());
  await host.executeCommand('meetings.linkDiscussed', meeting, problem);
  expect(workspace.relations({ from: meeting as never, type: 'discussed' })[0]?.to).toBe(problem);
  // Scheduling opened the meeting's page; the notes open it again.
  await host.executeCommand('meetings.openNotes', meeting);
  expect(ui.opened).toEqual([meeting, meeting]);
});

it('proposes the next meeting one cadence after the last', async () => {
  const { workspace, host } = await setUp();
  await host.executeCommand('meetings.schedule', 'Session 1', '2099-03-02');
  const next = (await host.executeCommand('meetings.schedule', 'Session 2')) as string;
  expect(workspace.getEntity(next as never)?.fields.date).toBe('2099-03-16');
  expect(meetings.nextMeetingDate([], 'weekly', '2025-01-01')).toBe('2025-01-01');
});

it('given only a title, says which date it chose and why, and opens the meeting', async () => {
  const { workspace, host, ui } = await setUp();
  const first = (await host.executeCommand(
    'meetings.schedule',
    'Session 1',
    '2099-03-02',
  )) as string;
  expect(ui.notifications.at(-1)?.message).toMatch(
    /^Scheduled “Session 1” on .*2099\. Its page is open/,
  );
  expect(ui.opened).toEqual([first]);
  const next = (await host.executeCommand('meetings.schedule', 'Session 2')) as string;
  expect(workspace.getEntity(next as never)?.fields.date).toBe('2099-03-16');
  expect(ui.notifications.at(-1)?.message).toMatch(
    /^Scheduled “Session 2” on .*16.*2099 \(one fortnightly cadence after the last meeting\)/,
  );
  expect(ui.opened).toEqual([first, next]);
});

it('refuses a meeting without a valid date, changing nothing', async () => {
  const { workspace, host } = await setUp();
  await expect(host.executeCommand('meetings.schedule', 'Bad', 'next tuesday')).rejects.toThrow(
    /date/,
  );
  expect(workspace.entities('meeting')).toEqual([]);
});

it('from the palette, asks the title and the date, says what it made and opens it', async () => {
  const { workspace, host, ui } = await setUp();
  // An empty title is asked again (not silently dropped); an impossible date too.
  ui.inputAnswers.push('', 'Fortnightly session', '2099-02-31', '2099-03-03');
  const id = (await host.executeCommand('meetings.schedule')) as string;
  expect(workspace.getEntity(id as never)).toMatchObject({
    title: 'Fortnightly session',
    fields: { date: '2099-03-03' },
  });
  expect(ui.notifications.map((n) => n.message)).toEqual([
    expect.stringMatching(/^Scheduled “Fortnightly session” on .*2099/),
  ]);
  expect(ui.opened).toEqual([id]);
});

it('schedules nothing when the member cancels the title or the date', async () => {
  const { workspace, host, ui } = await setUp();
  ui.inputAnswers.push(undefined);
  expect(await host.executeCommand('meetings.schedule')).toBeUndefined();
  ui.inputAnswers.push('Session', undefined);
  expect(await host.executeCommand('meetings.schedule')).toBeUndefined();
  expect(workspace.entities('meeting')).toEqual([]);
  expect(ui.opened).toEqual([]);
});

it('opens the notes of the meeting already open, without asking which', async () => {
  const { host, ui } = await setUp();
  const first = (await host.executeCommand(
    'meetings.schedule',
    'Session 1',
    '2099-03-02',
  )) as string;
  const second = (await host.executeCommand(
    'meetings.schedule',
    'Session 2',
    '2099-03-16',
  )) as string;
  ui.opened.length = 0;
  ui.select([first]);
  // No quick pick answer is queued: a list would resolve to nothing and open nothing.
  expect(await host.executeCommand('meetings.openNotes')).toBe(true);
  expect(ui.opened).toEqual([first]);
  ui.select([second]);
  await host.executeCommand('meetings.openNotes');
  expect(ui.opened).toEqual([first, second]);
});

it('recognises real calendar dates only', () => {
  expect(meetings.isCalendarDate('2026-02-28')).toBe(true);
  expect(meetings.isCalendarDate('2026-02-30')).toBe(false);
  expect(meetings.isCalendarDate('3 March')).toBe(false);
});
