// A browser context already signed in over the API, the way most e2e tests start: signing in
// through the form is what the workbench and account tests cover.
import type { Browser, BrowserContext } from 'playwright-core';

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
