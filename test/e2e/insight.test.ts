// The Community page over the real server and the real web app, in Debian's Chromium: the sample
// community's facilitator (the demo account, linked to the coordinator Lucía Fernández) sees who is
// drifting, who is isolated and who brokers, on a past date too, and two terms side by side; a
// plain member sees only their own level and the community's totals; an attendance recorded in a
// second member's browser reaches the facilitator's chart live.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { attendanceMark, joinedMember, recordAttendance, whenShown } from './communityLive.ts';
import { openPage } from './palette.ts';
import { DEMO, signedIn as signedInAt } from './signedIn.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

let stage: WorkbenchStage;
let browser: Browser;

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage({ sample: true }), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

/** Opens the Community page the way a member does: from the command palette. */
const openCommunity = (page: Page) =>
  openPage(page, stage.url, 'Open Community', '.rp-insight-head');

const signedIn = (credentials: { email: string; password: string }) =>
  signedInAt(browser, stage.url, credentials);

describe('the Community page', () => {
  it('is what a member meets when the workspace opens', async () => {
    const context = await signedIn(DEMO);
    const page = await context.newPage();
    await page.goto(stage.url);
    await page.locator('.rp-insight-head').waitFor({ timeout: 90_000 });
    expect(await page.getByRole('tab', { name: /Community/ }).count()).toBeGreaterThan(0);
    // #17 item 6: the home shows the phase and layer, the latest health check and the plan.
    await page.locator('[data-section=growth-home] [data-home-phase]').waitFor({ timeout: 60_000 });
    const round = page.locator('[data-section=health-home] [data-home-round="Term 3 check"]');
    await round.waitFor({ timeout: 60_000 });
    expect(await round.innerText()).toMatch(/8 of 9 answered/);
    expect(
      await page.locator('[data-section=health-home] [data-home-round-results]').innerText(),
    ).toMatch(/Strongest: .+ Weakest: /);
    const term = page.locator('[data-section=plan-home] [data-home-term]');
    await term.waitFor({ timeout: 60_000 });
    expect(await term.innerText()).toMatch(/term: Term \d/i);
    expect(await term.innerText()).not.toMatch(/\.\.$/);
    await page
      .locator('[data-section=plan-home]')
      .getByRole('button', { name: 'Open the timeline' })
      .click();
    await page
      .getByRole('tab', { name: /Timeline/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await context.close();
  });

  it('shows a facilitator who is drifting, who is isolated and who brokers, and a screenshot of it is saved', async () => {
    const context = await signedIn(DEMO);
    const page = await context.newPage();
    await openCommunity(page);
    const alerts = page.locator('[data-section=insight-alerts]');
    await expect
      .poll(() => alerts.locator('[data-alert=drifting]').allInnerTexts(), { timeout: 60_000 })
      .toContainEqual(expect.stringContaining('Daniel Kim'));
    expect(await alerts.innerText()).toContain('none of the 11 since');
    const isolated = page.locator('[data-section=insight-isolated] [data-isolated]');
    expect(await isolated.allInnerTexts()).toEqual([expect.stringContaining('Aroha Williams')]);
    const brokers = page.locator('[data-section=insight-brokers] [data-broker]');
    const first = await brokers.first().innerText();
    expect(first).toContain('James Whitfield');
    expect(first).toMatch(/0\.\d{3}/);
    expect(first).toContain('Bridges the');
    // The chart is drawn by chart.js on a canvas; the attendance grid has a row per member.
    expect(await page.locator('[data-section=insight-participation] canvas').count()).toBe(1);
    expect(await page.locator('.rp-insight-grid tbody tr').count()).toBe(9);
    // Evidence is one click away: a member's name opens their page.
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'insight-community-facilitator.png'),
      fullPage: true,
    });
    await alerts.getByRole('button', { name: 'Daniel Kim' }).first().click();
    await page.getByRole('tab', { name: /Daniel Kim/ }).waitFor({ timeout: 30_000 });
    await context.close();
  });

  it('shows a plain member only their own level and the totals, after "This is me"', async () => {
    const context = await joinedMember(browser, stage.url, {
      email: 'tom@example.org',
      password: 'correct horse',
      name: 'Tom',
    });
    const page = await context.newPage();
    await openCommunity(page);
    const identity = page.locator('.rp-insight-identity');
    await identity.waitFor({ timeout: 60_000 });
    await identity.locator('select').selectOption({ label: 'Tom Ngata' });
    await identity.getByRole('button', { name: 'This is me' }).click();
    await page.getByText('Your participation:').waitFor({ timeout: 60_000 });
    // Others' levels, alerts, isolation and broker ranks are not on the page at all.
    expect(await page.locator('[data-section=insight-alerts]').count()).toBe(0);
    expect(await page.locator('[data-section=insight-brokers]').count()).toBe(0);
    expect(await page.locator('[data-section=insight-isolated]').count()).toBe(0);
    expect(await page.locator('.rp-insight-grid').count()).toBe(0);
    const text = await page.locator('.rp-insight').innerText();
    expect(text).not.toContain('Daniel Kim');
    expect(text).toContain('Gaps in the repertoire');
    // The aggregates are there: the chart of members per level, and the terms' totals beside
    // this member's own level only.
    expect(await page.locator('[data-section=insight-participation] canvas').count()).toBe(1);
    const terms = page.locator('[data-section=insight-terms] [data-compare]');
    expect(await terms.innerText()).toMatch(/Core members\s+\d+\s+\d+/);
    expect(await terms.innerText()).toContain('Your level');
    expect(await page.locator('[data-section=insight-terms] [data-moved]').count()).toBe(0);
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'insight-community-member.png'),
      fullPage: true,
    });
    // And the server hands this account only its own activity records.
    const workspaces = await (await context.request.get(`${stage.url}/api/workspaces`)).json();
    const ws = workspaces.workspaces[0].id as string;
    const records = await (
      await context.request.get(`${stage.url}/api/workspaces/${ws}/member-activity`)
    ).json();
    expect(records.access).toBe('own');
    await context.close();
  });

  it('shows every figure as it was on a past date, and two terms side by side', async () => {
    const context = await signedIn(DEMO);
    const page = await context.newPage();
    await openCommunity(page);
    const alerts = page.locator('[data-section=insight-alerts]');
    await alerts.locator('[data-alert=drifting]').first().waitFor({ timeout: 60_000 });
    // At the end of June 2025 Daniel Kim still came to every meeting: nobody was drifting.
    await page.getByLabel('Show the figures as of').fill('2025-06-30');
    await page.getByText('Showing the community as it was on').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('.rp-insight-grid thead th').count(), { timeout: 60_000 })
      .toBe(11); // "Member", meetings 1–9, "Came"
    expect(await alerts.innerText()).not.toContain('Daniel Kim');
    await page.getByRole('button', { name: 'Back to today' }).click();
    await expect
      .poll(() => alerts.locator('[data-alert=drifting]').allInnerTexts(), { timeout: 60_000 })
      .toContainEqual(expect.stringContaining('Daniel Kim'));
    // Terms 2 and 4 of the year plan: Daniel Kim was active (the demo account is Lucía, whose
    // recordings make her the one core member), then inactive.
    const compare = page.locator('[data-section=insight-terms]');
    await compare.getByLabel('First term').selectOption({ label: 'Term 2' });
    await expect
      .poll(() => compare.locator('[data-moved-member=sample-member-daniel]').innerText(), {
        timeout: 60_000,
      })
      .toMatch(/Daniel Kim: active → inactive/);
    expect(await compare.getByLabel('Second term').inputValue()).toBe('sample-term-2025-4');
    await compare.getByLabel('Second term').selectOption({ label: 'Term 3' });
    await expect
      .poll(() => compare.locator('[data-compare] tbody tr').first().innerText(), {
        timeout: 60_000,
      })
      .toMatch(/Meetings held\s+5\s+5/);
    await context.close();
  });

  it("updates the facilitator's chart live when a second member records an attendance in their browser", async () => {
    const facilitator = await signedIn(DEMO);
    const page = await facilitator.newPage();
    await openCommunity(page);
    const mark = attendanceMark('Daniel Kim', 'Committee meeting 21');
    await page.locator('.rp-insight-grid').waitFor({ timeout: 60_000 });
    expect(await page.locator(mark).count()).toBe(0);
    const chart = page.locator('[data-section=insight-participation] canvas');
    const before = await chart.getAttribute('aria-label');
    expect(before).toMatch(/Dec 2025: \d+ core, \d+ active, \d+ peripheral, \d+ inactive/);

    const member = await joinedMember(browser, stage.url, {
      email: 'ana@example.org',
      password: 'a long secret',
      name: 'Ana',
    });
    const other = await member.newPage();
    await openCommunity(other);
    const shown = whenShown(page, mark, 30_000);
    const recordedAt = await recordAttendance(other, 'Committee meeting 21', 'Daniel Kim');
    const seenAt = await shown;
    expect(Number.isFinite(recordedAt)).toBe(true);
    expect(seenAt).toBeGreaterThan(recordedAt);
    // Daniel Kim came in December: one member fewer is inactive that month, and no page reload.
    const december = (label: string | null) =>
      Number(/Dec 2025: [^;]*?(\d+) inactive/.exec(label ?? '')?.[1]);
    await expect
      .poll(async () => december(await chart.getAttribute('aria-label')), { timeout: 10_000 })
      .toBe(december(before) - 1);
    await member.close();
    await facilitator.close();
  });
});
