// An owner's invitation links in the Members view, in Debian's Chromium over the real server and
// the real web app: make a link, see it listed with its status, copy it again, revoke it, and
// nobody can join with it afterwards.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SLOW = { timeout: 60_000 };

let stage: WorkbenchStage;
let browser: Browser;

interface PageGlobals {
  repertoire?: { session: { sync: { state: { get(): { status: string } } } } };
}

async function account(name: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const r = await context.request.post(`${stage.url}/api/auth/sign-up`, {
    data: { email: `${name.toLowerCase()}@school.test`, password: 'practice-makes-progress', name },
  });
  expect(r.ok()).toBe(true);
  return context;
}

/** Runs a palette command by its title. */
async function palette(page: Page, command: string) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.rp-palette-input').fill(`>${command}`);
  await page.locator('[cmdk-item]').filter({ hasText: command }).first().click();
}

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage(), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

describe("the owner's invitation links", { timeout: 180_000 }, () => {
  it('makes a link, lists it with its status, copies it, revokes it, and it stops working', async () => {
    const owner = await account('Olive');
    await owner.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stage.url });
    const created = await owner.request.post(`${stage.url}/api/workspaces`, {
      data: { name: 'Reading circle' },
    });
    const ws = (await created.json()).workspace.id as string;
    const page = await owner.newPage();
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await page.goto(`${stage.url}/w/${ws}`);
    await page.waitForFunction(
      () =>
        (window as unknown as PageGlobals).repertoire?.session.sync.state.get().status ===
        'connected',
      undefined,
      SLOW,
    );
    await palette(page, 'Show members');
    const links = page.getByRole('region', { name: 'Invitation links' });
    // The empty state says what to do.
    await links.getByText('No open invitation links.').waitFor(SLOW);

    await page.getByRole('button', { name: 'Invite people' }).click();
    await page.locator('[cmdk-item]').filter({ hasText: 'Editor' }).first().click();
    const box = page.locator('input.rp-palette-input');
    await expect.poll(() => box.inputValue(), SLOW).toContain('/invite/');
    const url = await box.inputValue();
    const token = url.slice(url.lastIndexOf('/') + 1);
    await box.press('Escape');

    // Listed, with its role and status.
    const item = links.getByRole('listitem');
    await expect.poll(() => item.count(), SLOW).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('editor');
    expect(text).toContain('Open: 20 uses left, until');
    expect(text).toContain('made by you');
    expect(await links.getByText('No open invitation links.').count()).toBe(0);
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'invitation-links.png'),
    });

    // Copy it again, by keyboard.
    await clearClipboard(page);
    await links.getByRole('button', { name: 'Copy the editor link' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('The editor link is copied').waitFor(SLOW);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // Someone joins with it: it works before it is revoked.
    const first = await account('Ben');
    expect((await first.request.get(`${stage.url}/api/invitations/${token}`)).ok()).toBe(true);

    await links.getByRole('button', { name: 'Revoke the editor link' }).click();
    await page.getByText('The editor link is revoked').waitFor(SLOW);
    await expect.poll(() => item.count(), SLOW).toBe(0);
    await links.getByText('No open invitation links.').waitFor(SLOW);
    // The server no longer knows it: nobody can join with it now.
    expect((await first.request.get(`${stage.url}/api/invitations/${token}`)).status()).toBe(404);
    const accept = await first.request.post(`${stage.url}/api/invitations/${token}/accept`);
    expect(accept.status()).toBe(404);
    const listed = await owner.request.get(`${stage.url}/api/workspaces/${ws}/invitations`);
    expect((await listed.json()).invitations).toEqual([]);
    await first.close();
    await owner.close();
  });
});

/** Empties the clipboard, so the copy is what puts the link there. */
async function clearClipboard(page: Page) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
}
