// The six-elements health check over the real server and the real web app, in Debian's Chromium:
// the sample community's coordinator (the demo account) opens a round, two members answer it in
// their own browsers, and the coordinator then sees the round's radar and how it compares with the
// sample's Term 3 check. Until enough have answered, nobody sees more than the response count.
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { launchChromium } from '../src/chromium.ts';
import { openPage } from './palette.ts';
import { DEMO, signedIn as signedInAt } from './signedIn.ts';
import { seriousAxeFindings } from './workbenchAxe.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const PRIVATE = 'I have not dared say this in a meeting yet';

let stage: WorkbenchStage;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage({ sample: true }), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

const signedIn = (credentials: { email: string; password: string }) =>
  signedInAt(browser, stage.url, credentials);

/** A new account that joins the sample community as an editor through an invitation link. */
async function newMember(name: string): Promise<BrowserContext> {
  const owner = await signedIn(DEMO);
  const workspaces = await (await owner.request.get(`${stage.url}/api/workspaces`)).json();
  workspaceId = workspaces.workspaces[0].id as string;
  const invitation = await (
    await owner.request.post(`${stage.url}/api/workspaces/${workspaceId}/invitations`, {
      data: { role: 'editor' },
    })
  ).json();
  await owner.close();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const member = { email: `${name.toLowerCase()}@example.org`, password: 'correct horse', name };
  expect((await context.request.post(`${stage.url}/api/auth/sign-up`, { data: member })).ok()).toBe(
    true,
  );
  const accepted = await context.request.post(
    `${stage.url}/api/invitations/${invitation.invitation.token}/accept`,
  );
  expect(accepted.ok()).toBe(true);
  return context;
}

/** Opens the Health check page the way a member does: from the command palette. */
const openHealthCheck = (page: Page) =>
  openPage(page, stage.url, 'Open Health check', '.rp-health [data-action=refresh]');

/** Answers the open round with `scores` (one per element, in the seed's order). */
async function answer(page: Page, scores: number[], comment?: string): Promise<void> {
  const round = page.locator('[data-open-round="Term 4 check"]');
  await round.waitFor({ timeout: 30_000 });
  const elements = round.locator('fieldset[data-element]');
  expect(await elements.count()).toBe(6);
  for (const [i, score] of scores.entries())
    await elements.nth(i).locator(`input[type=radio][value="${score}"]`).check();
  if (comment) await elements.nth(4).getByLabel('Comment (optional)').fill(comment);
  await round.getByRole('button', { name: 'Save my answer' }).click();
  await round.getByRole('status').filter({ hasText: 'Your answer is saved' }).waitFor();
  await round.getByRole('button', { name: 'Update my answer' }).waitFor();
}

describe('the health check', () => {
  it('two members answer a round privately; the coordinator sees the radar and the comparison', async () => {
    const coordinator = await signedIn(DEMO);
    const page = await coordinator.newPage();
    await openHealthCheck(page);
    // The sample's two rounds are there, with their results and the comparison between them.
    await page.locator('[data-round="Term 3 check"][data-visible=true] canvas').waitFor();
    await page.locator('[data-comparison="Term 1 check → Term 3 check"]').waitFor();
    expect(await page.locator('.rp-health-source').textContent()).toContain('21CSLA');

    // Open "Term 4 check", shown once two members have answered.
    const form = page.getByRole('form', { name: 'Open a round' });
    await form.getByLabel('Title').fill('Term 4 check');
    await form.getByLabel('Results show after').fill('2');
    await form.getByRole('button', { name: 'Open round' }).click();
    await page.locator('[data-open-round="Term 4 check"]').waitFor();

    const aroha = await newMember('Aroha');
    const first = await aroha.newPage();
    await openHealthCheck(first);
    await answer(first, [4, 4, 5, 4, 3, 4], PRIVATE);

    const tom = await newMember('Tomas');
    const second = await tom.newPage();
    await openHealthCheck(second);
    // One answer in: Tomas sees the count, and nothing of Aroha's answer.
    const pending = second.locator('[data-round="Term 4 check"]');
    await expect
      .poll(() => pending.getAttribute('data-visible'), { timeout: 30_000 })
      .toBe('false');
    expect(await pending.textContent()).toContain('1 so far');
    expect(await second.locator('.rp-health').textContent()).not.toContain(PRIVATE);
    await answer(second, [2, 4, 3, 4, 3, 2]);

    // The coordinator refreshes and sees the new round's radar and means, and Term 3 → Term 4.
    await page.getByRole('button', { name: 'Refresh' }).click();
    const results = page.locator('[data-round="Term 4 check"][data-visible=true]');
    await results.waitFor({ timeout: 30_000 });
    expect(await results.locator('canvas').count()).toBe(1);
    expect(
      await results.locator('[data-element=jointEnterprise] [data-field=mean]').textContent(),
    ).toBe('3.00');
    expect(await results.locator('[data-field=response-rate]').textContent()).toMatch(
      /^2 of 11 answered/,
    );
    const comparison = page.locator('[data-comparison="Term 3 check → Term 4 check"]');
    await comparison.waitFor();
    expect(await comparison.locator('canvas').count()).toBe(1);
    // Term 3's shared repertoire mean was 4; the two answers make 4 again.
    expect(
      await comparison
        .locator('[data-table=comparison] [data-element=sharedRepertoire] [data-field=change]')
        .textContent(),
    ).toBe('no change');
    expect(await page.locator('[data-section=health-trend] canvas').count()).toBe(1);
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Aroha kept her comment to herself: it is nowhere on the coordinator's page.
    expect(await page.locator('.rp-health').textContent()).not.toContain(PRIVATE);
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'health-check-coordinator.png'),
      fullPage: true,
    });
    for (const section of ['health-results', 'health-comparison', 'health-trend'])
      await page.locator(`[data-section=${section}]`).screenshot({
        path: join(import.meta.dirname, 'screenshots', `health-check-${section}.png`),
      });
    // Coming back, Aroha finds her own answer folded away, and can change it while the round is open.
    await openHealthCheck(first);
    const mine = first.locator('[data-open-round="Term 4 check"] [data-my-answer]');
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Shared repertoire 5');
    await mine.getByRole('button', { name: 'Change my answer' }).click();
    const repertoire = first.locator(
      '[data-open-round="Term 4 check"] fieldset[data-element=sharedRepertoire]',
    );
    expect(await repertoire.locator('input[value="5"]').isChecked()).toBe(true);
    expect(await first.getByRole('button', { name: 'Update my answer' }).count()).toBe(1);
    await Promise.all([coordinator.close(), aroha.close(), tom.close()]);
  }, 180_000);

  it('refuses an out-of-range score over the API, and the page keeps the member’s answer', async () => {
    const context = await signedIn({ email: 'aroha@example.org', password: 'correct horse' });
    const overview = await (
      await context.request.get(`${stage.url}/api/workspaces/${workspaceId}/health-checks`)
    ).json();
    const round = overview.rounds.find((r: { title: string }) => r.title === 'Term 4 check');
    const refused = await context.request.put(
      `${stage.url}/api/workspaces/${workspaceId}/health-checks/${round.id}/answer`,
      {
        data: {
          scores: { ...round.myAnswer.scores, identity: 9 },
          memberId: 'sample-member-lucia',
        },
      },
    );
    expect(refused.status()).toBe(400);
    const after = await (
      await context.request.get(`${stage.url}/api/workspaces/${workspaceId}/health-checks`)
    ).json();
    const same = after.rounds.find((r: { id: string }) => r.id === round.id);
    expect(same.myAnswer.scores.identity).toBe(4);
    expect(same.results.responses).toBe(2);
    await context.close();
  });

  it('leaves nothing of the answers in the graph every member syncs', async () => {
    const context = await signedIn({ email: 'aroha@example.org', password: 'correct horse' });
    const { token, syncUrl } = await (
      await context.request.post(`${stage.url}/api/sync-token`)
    ).json();
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: syncUrl,
      name: `${workspaceId}/graph`,
      document: doc,
      token,
    });
    try {
      await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
      // Every string the graph document holds, entities, relations and settings alike.
      const everything = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
      expect(everything).toContain('Aroha Williams');
      expect(everything).not.toContain(PRIVATE);
      expect(everything).not.toContain('Term 4 check');
      expect(everything).not.toContain('jointEnterprise');
    } finally {
      provider.destroy();
      await context.close();
    }
  });
});
