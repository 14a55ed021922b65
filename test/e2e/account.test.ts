// The account page end to end: the real web app built by Vite, served by the real server, in
// Debian's Chromium. One member on two devices (two browser contexts): changing the password on
// one signs the other out, and so does "Sign out other sessions".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SLOW = { timeout: 30_000 };
const EMAIL = 'ada@example.org';

let stage: WorkbenchStage;
let browser: Browser;

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage(), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

async function device(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(stage.url);
  return page;
}

async function signIn(page: Page, password: string) {
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(`Signed in as ${EMAIL}`).waitFor(SLOW);
}

async function isSignedOut(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor(SLOW);
}

describe('the account page', { timeout: 180_000 }, () => {
  it('changes the password and signs out the other devices', async () => {
    const laptop = await device();
    await laptop.getByRole('button', { name: 'Create an account' }).click();
    await laptop.getByLabel('Your name').fill('Ada');
    await laptop.getByLabel('Email').fill(EMAIL);
    await laptop.getByLabel('Password').fill('practice-makes-progress');
    await laptop.getByRole('button', { name: 'Create account' }).click();
    await laptop.getByText(`Signed in as ${EMAIL}`).waitFor(SLOW);

    const phone = await device();
    await signIn(phone, 'practice-makes-progress');

    await laptop.getByRole('button', { name: 'Your account' }).click();
    await laptop.getByRole('heading', { name: 'Your account' }).waitFor(SLOW);
    await laptop.getByLabel('Current password').fill('not my password');
    await laptop.getByLabel('New password').fill('a-fresh-start');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await laptop.getByText('the current password is wrong').waitFor(SLOW);

    await laptop.getByLabel('Current password').fill('practice-makes-progress');
    await laptop.getByLabel('New password').fill('a-fresh-start');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await laptop.getByText('Password changed. Your other devices are signed out.').waitFor(SLOW);
    await isSignedOut(phone);

    await signIn(phone, 'a-fresh-start');
    await laptop.getByRole('button', { name: 'Sign out other sessions' }).click();
    await laptop.getByText('Signed out 1 other session.').waitFor(SLOW);
    await isSignedOut(phone);

    await laptop.getByRole('button', { name: 'Back to your workspaces' }).click();
    // The device that did it stays signed in.
    await laptop.reload();
    await laptop.getByText(`Signed in as ${EMAIL}`).waitFor(SLOW);
    expect(await laptop.getByRole('heading', { name: 'Welcome back' }).count()).toBe(0);
  });
});
