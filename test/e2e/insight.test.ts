// The Community page over the real server and the real web app, in Debian's Chromium: the sample
// community's facilitator (the demo account, linked to the coordinator Lucía Fernández) sees who is
// drifting, who is isolated and who brokers; a plain member sees only their own level and the
// community's totals.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
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
    const owner = await signedIn(DEMO);
    const workspaces = await (await owner.request.get(`${stage.url}/api/workspaces`)).json();
    const ws = workspaces.workspaces[0].id as string;
    const invitation = await (
      await owner.request.post(`${stage.url}/api/workspaces/${ws}/invitations`, {
        data: { role: 'editor' },
      })
    ).json();
    await owner.close();

    const member = { email: 'tom@example.org', password: 'correct horse', name: 'Tom' };
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    expect(
      (await context.request.post(`${stage.url}/api/auth/sign-up`, { data: member })).ok(),
    ).toBe(true);
    const accepted = await context.request.post(
      `${stage.url}/api/invitations/${invitation.invitation.token}/accept`,
    );
    expect(accepted.ok()).toBe(true);
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
    const text = await page.locator('.rp-insight').innerText();
    expect(text).not.toContain('Daniel Kim');
    expect(text).toContain('Gaps in the repertoire');
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'insight-community-member.png'),
      fullPage: true,
    });
    // And the server hands this account only its own activity records.
    const records = await (
      await context.request.get(`${stage.url}/api/workspaces/${ws}/member-activity`)
    ).json();
    expect(records.access).toBe('own');
    await context.close();
  });
});
