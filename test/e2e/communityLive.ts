// Two members' browsers on the real workbench over the real server: a second account joins the
// sample workspace by invitation, records an attendance through the command palette ("Record
// attendance"), and the first browser's Community page is watched for the change. Shared by the
// insight e2e test and the insight benchmark (`pnpm bench insight`).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCommand } from './palette.ts';
import { DEMO, signedIn } from './signedIn.ts';

/** A new account, signed up in its own context, that joined the demo owner's workspace as `role`. */
export async function joinedMember(
  browser: Browser,
  url: string,
  member: { email: string; password: string; name: string },
  role: 'editor' | 'viewer' = 'editor',
): Promise<BrowserContext> {
  const owner = await signedIn(browser, url, DEMO);
  const workspaces = await (await owner.request.get(`${url}/api/workspaces`)).json();
  const ws = workspaces.workspaces[0].id as string;
  const invitation = await (
    await owner.request.post(`${url}/api/workspaces/${ws}/invitations`, { data: { role } })
  ).json();
  await owner.close();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const signUp = await context.request.post(`${url}/api/auth/sign-up`, { data: member });
  if (!signUp.ok()) throw new Error(`sign-up refused: ${signUp.status()} ${await signUp.text()}`);
  const accepted = await context.request.post(
    `${url}/api/invitations/${invitation.invitation.token}/accept`,
  );
  if (!accepted.ok()) throw new Error(`invitation refused: ${accepted.status()}`);
  return context;
}

/** The attendance grid's mark for `member` at `meeting` on the Community page. */
export const attendanceMark = (member: string, meeting: string) =>
  `.rp-insight-grid [aria-label="${member} attended ${meeting}"]`;

/**
 * Records that `member` attended `meeting` the way a member does: "Record attendance" from the
 * palette, the meeting, the member, Esc. Resolves with the page's clock (`timeOrigin + now`, the
 * same clock every page of this browser reads) when Esc was pressed, which commits the change.
 */
export async function recordAttendance(page: Page, meeting: string, member: string) {
  await runCommand(page, 'Record attendance');
  const pick = async (label: string) => {
    await page.locator('.rp-palette-input').fill(label);
    // The item whose label is exactly this ("Committee meeting 2", not 21 listed before it).
    const whole = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const exact = page.locator('.rp-palette-label', { hasText: whole });
    await page.locator('[cmdk-item]').filter({ has: exact }).first().click();
  };
  await pick(meeting);
  await pick(member);
  // The attendee picker asks again until Esc: wait for it before pressing.
  await page.locator('[cmdk-item]').first().waitFor();
  await page.evaluate(() => {
    const w = window as Window & { escapedAt?: number };
    w.escapedAt = undefined;
    addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape') w.escapedAt = performance.timeOrigin + performance.now();
      },
      { capture: true, once: true },
    );
  });
  await page.keyboard.press('Escape');
  return page.evaluate(() => (window as Window & { escapedAt?: number }).escapedAt ?? Number.NaN);
}

/**
 * Starts watching `page` for `selector` to appear; the promise resolves with the page's clock at
 * the first frame it is in the DOM, or NaN after `timeoutMs`.
 */
export function whenShown(page: Page, selector: string, timeoutMs = 10_000): Promise<number> {
  return page.evaluate(
    ({ selector, timeoutMs }) =>
      new Promise<number>((resolve) => {
        const now = () => performance.timeOrigin + performance.now();
        if (document.querySelector(selector)) return resolve(now());
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(now());
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN);
        }, timeoutMs);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      }),
    { selector, timeoutMs },
  );
}
