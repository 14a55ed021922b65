// The life phase and Hadar & Brody's layers over the real server and the real web app, in Debian's
// Chromium: the sample community's coordinator (the demo account) sees the phase Repertoire
// suggests with the signals behind it, overrides it and then confirms it, records this term's
// layer with evidence from a meeting's notes and an artifact, and finds both on the community's
// home page, after a reload too (they are records in the server's graph).
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { openPage } from './palette.ts';
import { DEMO, signedIn } from './signedIn.ts';
import { seriousAxeFindings } from './workbenchAxe.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

let stage: WorkbenchStage;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage({ sample: true }), launchChromium()]);
  context = await signedIn(browser, stage.url, DEMO);
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stage?.close();
});

/** Opens the Community page (the home) from the command palette, and waits for its sections. */
async function openHome(page: Page): Promise<void> {
  await openPage(page, stage.url, 'Open Community', '.rp-insight-head');
  await homeSection(page).locator('[data-home-phase]').waitFor({ timeout: 60_000 });
}

const homeSection = (page: Page) => page.locator('[data-home-section="growth.home"]');

describe('life phase and layers', () => {
  it('shows the suggestion with its signals, keeps an override and a confirmation, records a layer with evidence, and the home shows them', {
    timeout: 180_000,
  }, async () => {
    const page = await context.newPage();
    await openHome(page);
    // The sample's history: maturing since August, Term 3's layer with three pieces of evidence.
    const home = homeSection(page);
    expect(await home.locator('[data-home-phase]').innerText()).toContain(
      'Life phase: Maturing since 2025-08-13',
    );
    expect(await home.locator('[data-home-layer]').innerText()).toBe(
      'Layer: Improvement in teaching (Term 3 2025, 3 pieces of evidence)',
    );
    expect(await home.locator('[data-step]').count()).toBeGreaterThan(0);

    await home.getByRole('button', { name: 'Open life phase and layers' }).click();
    await page.getByRole('tab', { name: /Life phase and layers/ }).waitFor({ timeout: 30_000 });
    const phase = page.locator('[data-section=growth-phase]');
    await phase.locator('[data-suggested]').waitFor({ timeout: 30_000 });
    const suggested =
      (await phase.locator('[data-suggested]').getAttribute('data-suggested')) ?? '';
    expect(suggested).toMatch(/^(potential|coalescing|maturing|stewardship|transformation)$/);
    // Every measure speaks, in words with its figures, and the ones that led there say so.
    const signals = phase.locator('[data-signal]');
    expect(await signals.count()).toBeGreaterThanOrEqual(5);
    expect(await phase.locator('[data-signal][data-decisive=true]').count()).toBeGreaterThan(0);
    expect(await phase.locator('[data-signal=age]').innerText()).toMatch(
      /^The community is \d+ months old \(since 3 February 2025\)\./,
    );
    expect(await phase.locator('[data-signal=meetings]').innerText()).toContain('21 meetings held');
    expect(await phase.locator('[data-decisive=true] .rp-growth-tag').first().innerText()).toBe(
      'led here',
    );
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'growth-phase.png'),
      fullPage: true,
    });
    // The page, its forms and its history: no serious or critical accessibility finding.
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Override: the facilitator knows something the data does not.
    const other = suggested === 'stewardship' ? 'maturing' : 'stewardship';
    const label = (p: string) => `${p[0]?.toUpperCase()}${p.slice(1)}`;
    await phase.locator('select').selectOption(other);
    await phase.getByLabel('Why (optional)').fill('Our guidelines are the school’s now.');
    await phase.getByRole('button', { name: `Record ${other} instead` }).click();
    const history = phase.locator('[data-history=phases] li');
    await expect
      .poll(() => history.first().getAttribute('data-phase-record'), { timeout: 30_000 })
      .toBe(other);
    expect(await history.first().innerText()).toContain(
      `chosen over the suggested ${suggested} — “Our guidelines are the school’s now.”`,
    );
    expect(await history.count()).toBe(3);
    // Confirm: back to what the data says.
    await phase.locator('select').selectOption(suggested);
    await phase.getByRole('button', { name: `Confirm ${suggested}` }).click();
    await expect
      .poll(() => phase.locator('[data-current-phase]').getAttribute('data-current-phase'), {
        timeout: 30_000,
      })
      .toBe(suggested);
    expect(await history.count()).toBe(4);
    const questions = page.locator('[data-section=growth-questions]');
    expect(await questions.locator('h2').innerText()).toBe(
      `Strategy questions for the ${suggested} phase`,
    );
    expect(await questions.locator('li').count()).toBe(4);

    // This term's layer, with a meeting's notes and an artifact as evidence.
    const layers = page.locator('[data-section=growth-layers]');
    await layers.getByRole('textbox', { name: 'Term', exact: true }).fill('Term 4 2025');
    await layers.getByRole('radio', { name: /^Professional growth/ }).check();
    await layers.getByRole('checkbox', { name: /^Committee meeting 21\b/ }).check();
    await layers.getByRole('checkbox', { name: /^School app proposal/ }).check();
    await layers
      .getByLabel('What we saw (optional)')
      .fill('Aroha presented our demos routine to the cluster.');
    await layers.getByRole('button', { name: 'Record the layer' }).click();
    const reflections = layers.locator('[data-history=layers] li');
    await expect
      .poll(() => reflections.first().getAttribute('data-layer-record'), { timeout: 30_000 })
      .toBe('professional growth');
    const latest = await reflections.first().innerText();
    expect(latest).toContain('Term 4 2025: Professional growth');
    expect(latest).toContain('Evidence: Committee meeting 21');
    expect(latest).toContain('School app proposal');
    expect(await layers.locator('.rp-growth-ladder li[aria-current]').innerText()).toBe(
      'Professional growth',
    );

    // The home shows the phase and the layer, live and after a reload (they are in the graph).
    await page.locator('.rp-tab[title=Community]').click();
    await expect
      .poll(() => home.locator('[data-home-layer]').innerText(), { timeout: 30_000 })
      .toBe('Layer: Professional growth (Term 4 2025, 2 pieces of evidence)');
    expect(await home.locator('[data-home-phase]').getAttribute('data-home-phase')).toBe(suggested);
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'growth-home.png'),
      fullPage: true,
    });
    await page.reload();
    await openHome(page);
    expect(await homeSection(page).locator('[data-home-layer]').innerText()).toBe(
      'Layer: Professional growth (Term 4 2025, 2 pieces of evidence)',
    );
    expect(await homeSection(page).locator('[data-home-phase]').innerText()).toContain(
      `Life phase: ${label(suggested)} since`,
    );

    // Evidence is one click away: the meeting's notes open from the reflection.
    await homeSection(page).getByRole('button', { name: 'Open life phase and layers' }).click();
    await page
      .locator('[data-history=layers] li')
      .first()
      .getByRole('button', { name: 'Committee meeting 21' })
      .click();
    await page.getByRole('tab', { name: /Committee meeting 21/ }).waitFor({ timeout: 30_000 });
    await page.close();
  });
});
