// Driving the workbench the way a member does: the command palette.
import type { Page } from 'playwright-core';

/** Runs a command from the palette (Ctrl+Shift+P, its title, the first match). */
export async function runCommand(page: Page, command: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.rp-palette-input').fill(`>${command}`);
  await page.locator('[cmdk-item]').filter({ hasText: command }).first().click();
}

/**
 * Loads the app at `url`, waits for the Explorer to list the community, runs `command` (an
 * "Open …" of a page) and waits for `ready`, a selector on that page.
 */
export async function openPage(page: Page, url: string, command: string, ready: string) {
  await page.goto(url);
  await page
    .getByRole('tree', { name: 'Community' })
    .locator('.rp-explorer-row')
    .first()
    .waitFor({ timeout: 90_000 });
  await runCommand(page, command);
  await page.locator(ready).waitFor({ timeout: 90_000 });
}
