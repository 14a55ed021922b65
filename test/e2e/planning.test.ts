// The year plan end to end: the real web app built by Vite, the real server (`repertoire serve`
// over a temp SQLite store), Debian's Chromium. An owner describes the community, sets the day
// and time it meets, adds a term and a holiday, schedules the term's meetings from the cadence
// (the holiday skipped), sees the timeline, downloads the calendar and subscribes to the feed,
// which a calendar app (here Node's fetch, no session) reads and ical.js parses.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import type { TempDir } from '../src/tempDir.ts';
import { signUpWithWorkspace } from './signedIn.ts';
import { buildWebApp, startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SLOW = { timeout: 30_000 };
const SHOTS = join(import.meta.dirname, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

let web: TempDir;
let stage: WorkbenchStage;
/** A second server over the sample community, whose year has happened. */
let sample: WorkbenchStage;
let browser: Browser;

beforeAll(async () => {
  [web, browser] = await Promise.all([buildWebApp(), launchChromium()]);
  [stage, sample] = await Promise.all([
    startWorkbenchStage({ web }),
    startWorkbenchStage({ web, sample: true }),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
  await sample?.close();
  await web?.dispose();
});

/** Runs a command from the palette, then answers the input boxes it opens, in order. */
async function palette(page: Page, command: string, ...answers: string[]) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.rp-palette-input').fill(`>${command}`);
  await page.locator('[cmdk-item]').filter({ hasText: command }).first().click();
  for (const answer of answers) await answerBox(page, answer);
}

/** Waits for the next input box (its title changes with each question) and answers it. */
async function answerBox(page: Page, answer: string) {
  const box = page.locator('input.rp-palette-input');
  await box.waitFor(SLOW);
  await box.fill(answer);
  await box.press('Enter');
}

/** Days of next year, computed as calendar days (UTC midnights), whatever the machine's zone. */
const Y = new Date().getFullYear() + 1;
const day = (d: Date) => d.toISOString().slice(0, 10);
const firstTuesday = (() => {
  const d = new Date(Date.UTC(Y, 1, 2));
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d;
})();
const TERM = { start: `${Y}-02-02`, end: `${Y}-03-31` };
const fortnightly = (() => {
  const out: string[] = [];
  for (const d = new Date(firstTuesday); day(d) <= TERM.end; d.setUTCDate(d.getUTCDate() + 14))
    out.push(day(d));
  return out;
})();
/** The second meeting's Tuesday is a staff day: no meeting then. */
const HOLIDAY = fortnightly[1] as string;
const MEETINGS = fortnightly.filter((d) => d !== HOLIDAY);

describe('the year plan in the browser', () => {
  it('plans a term, schedules its meetings around a holiday, shows the timeline and a calendar feed', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUpWithWorkspace(page, stage.url, {
      name: 'Ana Facilitator',
      email: 'ana@maths.test',
      workspace: 'Maths circle',
    });

    // The community itself: named, with its purpose; its page opens to set when it meets.
    await palette(page, 'Describe the community', 'Maths circle', 'Better feedback in maths');
    await page.getByLabel('Meeting day').waitFor(SLOW);
    await page.getByLabel('Meeting day').selectOption('Tuesday');
    await page.getByLabel('Meeting cadence').selectOption('fortnightly');
    const time = page.getByLabel('Meeting time (HH:MM)');
    await time.fill('15:30');
    await time.press('Enter');
    await expect.poll(() => page.getByLabel('Meeting day').inputValue(), SLOW).toBe('Tuesday');

    await palette(
      page,
      'Add a term',
      'Term 1',
      TERM.start,
      TERM.end,
      'Feedback that moves learning',
    );
    await expect
      .poll(() => page.locator('.rp-toast').allInnerTexts(), SLOW)
      .toContainEqual(expect.stringContaining('Added Term 1'));
    await palette(page, 'Add a holiday', 'Staff day', HOLIDAY, '');
    await expect
      .poll(() => page.locator('.rp-toast').allInnerTexts(), SLOW)
      .toContainEqual(expect.stringContaining('Added Staff day'));

    // Scheduling says what it did and opens the term, whose page lists its meetings.
    await palette(page, 'Schedule meetings from the cadence');
    await page.locator('[cmdk-item]').filter({ hasText: 'Term 1' }).first().click();
    await expect
      .poll(() => page.locator('.rp-toast').allInnerTexts(), SLOW)
      .toContainEqual(
        expect.stringMatching(
          new RegExp(
            `Scheduled ${MEETINGS.length} fortnightly Tuesday meetings in Term 1.*Skipped 1 date in holidays \\(Staff day`,
          ),
        ),
      );
    await expect.poll(() => page.getByLabel('Title').first().inputValue(), SLOW).toBe('Term 1');
    for (let n = 1; n <= MEETINGS.length; n++)
      await page.getByText(`Term 1: meeting ${n}`, { exact: true }).first().waitFor(SLOW);

    // The timeline: the term and its months, beside what happened (nothing held yet).
    await palette(page, 'Open Timeline: plan and practice');
    const table = page.locator('table.rp-table');
    await table.waitFor(SLOW);
    const termRow = table.locator('tr').filter({ hasText: 'Term 1 (' });
    await expect
      .poll(() => termRow.locator('td').allInnerTexts(), SLOW)
      .toEqual([
        expect.stringContaining('Term 1'),
        'Feedback that moves learning',
        String(MEETINGS.length),
        '0',
        '—',
        '—',
        'Staff day',
      ]);
    expect(await table.locator('tbody tr').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'planning-timeline.png') });

    // The calendar as a file…
    const download = page.waitForEvent('download');
    await palette(page, 'Export meetings as a calendar');
    const file = await (await download).path();
    const exported = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    const starts = (c: ICAL.Component) =>
      c.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toString());
    expect(starts(exported)).toEqual(MEETINGS.map((d) => `${d}T15:30:00`));

    // …and as a feed link a calendar app reads without signing in.
    await palette(page, 'Get a calendar feed link');
    const link = page.locator('input.rp-palette-input');
    await expect.poll(() => link.inputValue(), SLOW).toMatch(/\/api\/calendar-feed\/.+\.ics$/);
    const url = await link.inputValue();
    await link.press('Escape');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const subscribed = new ICAL.Component(ICAL.parse(await feed.text()));
    expect(subscribed.getFirstPropertyValue('x-wr-calname')).toBe('Maths circle');
    expect(starts(subscribed)).toEqual(MEETINGS.map((d) => `${d}T15:30:00`));

    // Revoked, the same link serves nothing.
    await palette(page, 'Revoke a calendar feed link');
    await page.locator('[cmdk-item]').filter({ hasText: 'Link made on' }).first().click();
    await expect.poll(async () => (await fetch(url)).status, SLOW).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows the sample committee’s year: each term’s meetings held, who came and what was made', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const signIn = await context.request.post(`${sample.url}/api/auth/sign-in`, {
      data: { email: 'demo@repertoire.local', password: 'repertoire-demo' },
    });
    expect(signIn.ok()).toBe(true);
    const page = await context.newPage();
    await page.goto(sample.url);
    await page
      .getByRole('tree', { name: 'Community' })
      .locator('.rp-explorer-row')
      .first()
      .waitFor({ timeout: 90_000 });
    await palette(page, 'Open Timeline: plan and practice');
    const table = page.locator('table.rp-table');
    await table.waitFor(SLOW);
    const cells = (period: string) =>
      table.locator('tr').filter({ hasText: period }).first().locator('td').allInnerTexts();
    await expect
      .poll(() => cells('Term 1 ('), SLOW)
      .toEqual([
        expect.stringContaining('3 Feb 2025'),
        expect.stringContaining('No shared approach to e-learning'),
        '5',
        '5',
        expect.stringMatching(/^\d+ \(about \d+ a meeting\)$/),
        expect.any(String),
        'Waitangi Day',
      ]);
    expect((await cells('Term 4 ('))[2]).toBe('6');
    await page.screenshot({ path: join(SHOTS, 'planning-sample-timeline.png') });
    await context.close();
  }, 240_000);
});
