// A newcomer's first look at the sample community: `repertoire serve --sample` with the real web
// app in Debian's Chromium, signed in as the demo member. The sample's documents are not empty:
// an artifact opens on the committee's LMS comparison table, a meeting's notes on its agenda and
// mention chips. Screenshots land in test/e2e/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from '../src/chromium.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
// As in the other workbench e2e files: the first document of a session loads the editor and syncs
// the sample's largest document while other e2e files share the machine's two cores.
const SLOW = { timeout: 60_000 };
mkdirSync(SHOTS, { recursive: true });

let stage: WorkbenchStage;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage({ sample: true }), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(stage.url);
  await page.getByLabel('Email').fill('demo@repertoire.local');
  await page.getByLabel('Password').fill('repertoire-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const chooser = page.getByRole('list', { name: 'Workspaces' });
  const tree = page.getByRole('tree', { name: 'Community' });
  await Promise.race([chooser.waitFor(SLOW), tree.waitFor(SLOW)]);
  if (await chooser.isVisible()) await chooser.getByRole('button').first().click();
  await tree.waitFor(SLOW);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

/** Opens an entity from the explorer, once the synced graph has put it there. */
async function openFromExplorer(title: string) {
  const tree = page.getByRole('tree', { name: 'Community' });
  const item = tree.getByRole('treeitem', { name: title, exact: true }).first();
  await item.waitFor(SLOW);
  await item.click();
}

describe('the sample community in the workbench', () => {
  it('an artifact opens on its document: the LMS comparison is a real table', async () => {
    await openFromExplorer('LMS comparison matrix');
    const editor = page.locator('[data-testid=editor]').first();
    await editor.locator('table').waitFor(SLOW);
    expect(await editor.locator('table tr').count()).toBe(10);
    await expect.poll(() => editor.textContent(), SLOW).toContain('Google Classroom');
    expect(await editor.locator('.rp-chip').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(SHOTS, 'sample-artifact-lms-matrix.png') });
  });

  it('a meeting’s notes hold the agenda, decisions and mention chips', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.rp-palette-input').fill('>Open meeting notes');
    await page.locator('[cmdk-item]').filter({ hasText: 'Open meeting notes' }).first().click();
    const box = page.locator('input.rp-palette-input');
    await box.waitFor(SLOW);
    await box.fill('Committee meeting 8');
    await page.locator('[cmdk-item]').filter({ hasText: 'Committee meeting 8' }).first().click();
    const editor = page.locator('[data-testid=editor]').first();
    await expect.poll(() => editor.textContent(), SLOW).toContain('LMS shortlist');
    expect(await editor.locator('.rp-chip', { hasText: '@Aroha Williams' }).count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'sample-meeting-notes-workbench.png') });
    expect(errors).toEqual([]);
  });

  it('the gaps analysis runs in a Worker of its own and lists what the repertoire lacks', async () => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.rp-palette-input').fill('>Run an analysis');
    await page.locator('[cmdk-item]').filter({ hasText: 'Run an analysis' }).first().click();
    await page.locator('[cmdk-item]').filter({ hasText: 'Gaps in the repertoire' }).first().click();
    const analysis = page.locator('[data-analysis="knowledge.gapsAnalysis"]');
    const rows = analysis.locator('table tbody tr');
    await rows.first().waitFor(SLOW);
    // The sample's two gaps: the survey has no artifact, home access no practice yet.
    expect(await rows.count()).toBe(2);
    expect(await analysis.locator('table').innerText()).toContain(
      'Unequal access to devices and internet at home',
    );
    // Computed off the page's thread: the knowledge plugin's gaps Worker ran.
    expect(workers.some((url) => /gapsWorker/.test(url))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a right-click on an entity offers what the plugins do with it, and runs it', async () => {
    // The list is virtualized: filter it down to the meeting first.
    await page.getByLabel('Filter the explorer').fill('Committee meeting 8');
    const tree = page.getByRole('tree', { name: 'Community' });
    const meeting = tree.getByRole('treeitem', { name: 'Committee meeting 8', exact: true });
    await meeting.waitFor(SLOW);
    await meeting.click({ button: 'right' });
    const items = page.locator('[cmdk-item]');
    // The Explorer's own actions, then the meetings plugin's entity/context items for a meeting,
    // and none of the items made for other kinds (a term's, a practice's).
    await items.filter({ hasText: 'Record attendance' }).first().waitFor(SLOW);
    const offered = await items.allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining(['Open', 'Open meeting notes']));
    expect(offered.some((t) => t.includes('Schedule meetings from the cadence'))).toBe(false);
    expect(offered.some((t) => t.includes('Mark a practice as established'))).toBe(false);
    await items.filter({ hasText: 'Open meeting notes' }).first().click();
    const editor = page.locator('[data-testid=editor]').first();
    await expect.poll(() => editor.textContent(), SLOW).toContain('LMS shortlist');
    expect(errors).toEqual([]);
  });
});
