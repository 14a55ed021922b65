// The stage of the e2e tests that install third-party plugins on the server: a temporary plugins
// folder written by the test, the real server serving the sample with it, and Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';
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
