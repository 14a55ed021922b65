// The stage of the e2e tests that install third-party plugins on the server: a temporary plugins
// folder written by the test, the real server serving the sample with it, and Chromium.
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';
import { runCommand } from './palette.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

/** Filled in once the file's `beforeAll` has run. */
export interface PluginStage {
  stage: WorkbenchStage;
  browser: Browser;
}

/**
 * Registers the file's `beforeAll` (write the plugins with `write`, start the server with them
 * and Chromium) and `afterAll` (stop both, remove the folder), and returns what they start.
 */
export function pluginStage(
  prefix: string,
  write: (dir: string) => void,
  timeout = 180_000,
): PluginStage {
  const held = {} as PluginStage & { plugins?: TempDir };
  beforeAll(async () => {
    held.plugins = await tempDir(prefix);
    write(held.plugins.path);
    [held.stage, held.browser] = await Promise.all([
      startWorkbenchStage({ sample: true, plugins: held.plugins.path }),
      launchChromium(),
    ]);
  }, timeout);
  afterAll(async () => {
    await held.browser?.close();
    await held.stage?.close();
    await held.plugins?.dispose();
  });
  return held;
}

/**
 * Loads the app at `url` and waits until the Explorer lists the community and the plugin host is
 * up (installed plugins can be enabled then); returns the page's response.
 */
export async function openWorkbench(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await page
    .getByRole('tree', { name: 'Community' })
    .locator('.rp-explorer-row')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => 'repertoireHost' in window, undefined, { timeout: 60_000 });
  return response;
}

/** Enables the installed plugin shown as `displayName`, from the palette, as an editor does. */
export async function enablePlugin(page: Page, displayName: string): Promise<void> {
  await runCommand(page, 'Enable or disable a plugin');
  await page.locator('[cmdk-item]').filter({ hasText: displayName }).first().click();
}
