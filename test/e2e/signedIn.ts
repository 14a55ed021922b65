// A browser context already signed in over the API, the way most e2e tests start: signing in
// through the form is what the workbench and account tests cover.
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The sample community's demo account (`serve --sample`). */
export const DEMO = { email: 'demo@repertoire.local', password: 'repertoire-demo' };

/** A new context signed in to the server at `url`; throws with the server's answer if refused. */
export async function signedIn(
  browser: Browser,
  url: string,
  credentials: { email: string; password: string } = DEMO,
  viewport = { width: 1400, height: 1000 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const response = await context.request.post(`${url}/api/auth/sign-in`, { data: credentials });
  if (!response.ok()) {
    const body = await response.text();
    await context.close();
    throw new Error(`sign-in as ${credentials.email} refused: ${response.status()} ${body}`);
  }
  return context;
}

/**
 * Signs up through the form at `url` as a newcomer does, creates a workspace, and waits for its
 * Explorer: for the tests whose story starts with an empty community of one's own.
 */
export async function signUpWithWorkspace(
  page: Page,
  url: string,
  person: { name: string; email: string; workspace: string },
): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill('practice-makes-progress');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('New workspace').fill(person.workspace);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  // Polls as long as locators do: vitest's 1 s default is short on a busy CI machine.
  await page.getByRole('tree', { name: 'Community' }).waitFor({ timeout: 60_000 });
}
