// Plugin development in the real app: a plugin scaffolded from the view template is built by its
// own `pnpm dev` (`vite build --watch`) into the plugins folder of a real server started with
// `--dev`; the member opens its sandboxed dashboard in Debian's Chromium; then the author saves a
// change and the open workbench shows the new view in place, with no navigation. A rebuild that
// cannot load is reported and the running version stays.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, prepareRoot, scaffoldDashboard } from '../integration/scaffold.ts';
import { launchChromium } from '../src/chromium.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';
import { runCommand } from './palette.ts';
import { signedIn } from './signedIn.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SLOW = { timeout: 60_000 };
const FRAME = 'webview:community-dashboard.dashboard';

let root: TempDir;
let plugins: TempDir;
let dev: ChildProcess | undefined;
let devOutput = '';
let stage: WorkbenchStage;
let browser: Browser;
let dir: string;

/** Resolves once `check` holds, polling; throws after `ms` with `what`. */
async function until(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`${what} did not happen: ${devOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The dashboard's frame as it is now (a reload re-mounts it as a new frame). */
const dashboard = (page: Page): Frame | null => page.frame({ name: FRAME });
const heading = async (page: Page) =>
  (await dashboard(page)
    ?.locator('h1')
    .textContent({ timeout: 1000 })
    .catch(() => null)) ?? null;

beforeAll(async () => {
  root = await tempDir('repertoire-hot-reload-');
  plugins = await tempDir('repertoire-dev-plugins-');
  prepareRoot(root.path);
  ({ dir } = await scaffoldDashboard(root.path));
  // `pnpm dev` in the plugin's folder: the scaffold's script, with the server's plugins folder.
  const script = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.dev as string;
  expect(script).toBe('vite build --watch');
  dev = spawn(bin('vite'), ['build', '--watch', '--logLevel', 'warn'], {
    cwd: dir,
    env: { ...process.env, REPERTOIRE_PLUGINS_DIR: plugins.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (d) => {
    devOutput += d;
  });
  dev.stderr?.on('data', (d) => {
    devOutput += d;
  });
  await until(
    () => existsSync(join(plugins.path, 'community-dashboard', 'package.json')),
    'the first build',
  );
  [stage, browser] = await Promise.all([
    startWorkbenchStage({ sample: true, plugins: plugins.path, dev: true }),
    launchChromium(),
  ]);
}, 240_000);

afterAll(async () => {
  dev?.kill();
  await browser?.close();
  await stage?.close();
  await plugins?.dispose();
  await root?.dispose();
});

describe('plugin hot reload (serve --dev, pnpm dev)', () => {
  it('shows a saved change in the open view without reloading the page', async () => {
    const context = await signedIn(browser, stage.url);
    const page = await context.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(stage.url);
    await page.waitForFunction(() => 'repertoireHost' in window, undefined, SLOW);
    // Anything the page holds survives a hot reload; a page reload would drop it.
    await page.evaluate(() => {
      (window as unknown as { kept: string }).kept = 'still here';
    });
    const loads = navigations;

    await runCommand(page, 'Enable or disable a plugin');
    await page.locator('[cmdk-item]').filter({ hasText: 'Community Dashboard' }).first().click();
    await runCommand(page, 'Open Dashboard');
    await expect.poll(() => heading(page), SLOW).toBe('Entities by kind');
    await expect
      .poll(() => dashboard(page)?.locator('#total').textContent(), SLOW)
      .toMatch(/^\d+ entities$/);

    // The member orders the table by name: the view's state (webview setState).
    const firstKind = async () =>
      (await dashboard(page)
        ?.locator('#counts tbody tr td')
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null)) ?? null;
    await dashboard(page)?.locator('#order').selectOption('name');
    const byName = await firstKind();
    expect(byName).not.toBeNull();

    // The author saves a change; `pnpm dev` rebuilds, the server announces it, the host reloads.
    const view = join(dir, 'src', 'view.ts');
    writeFileSync(
      view,
      readFileSync(view, 'utf8').replace('Entities by kind', 'What our community holds'),
    );
    await expect.poll(() => heading(page), SLOW).toBe('What our community holds');
    // The re-mounted view talks to the reloaded plugin in its new Worker.
    await expect
      .poll(() => dashboard(page)?.locator('#total').textContent(), SLOW)
      .toMatch(/^\d+ entities$/);
    // The new frame comes back as the member left it: ordered by name.
    await expect.poll(() => dashboard(page)?.locator('#order').inputValue(), SLOW).toBe('name');
    await expect.poll(firstKind, SLOW).toBe(byName);
    expect(navigations).toBe(loads);
    expect(await page.evaluate(() => (window as unknown as { kept?: string }).kept)).toBe(
      'still here',
    );
    await expect
      .poll(() => page.getByText('Reloaded plugin Community Dashboard').count())
      .not.toBe(0);

    // A rebuild that cannot load (an API version this app lacks) is refused with the reason,
    // and the running version stays on screen.
    const manifest = join(dir, 'package.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('"repertoire": "^1.0.0"', '"repertoire": "^9.0.0"'),
    );
    await expect.poll(() => page.getByText(/could not be reloaded/).count(), SLOW).not.toBe(0);
    expect(await heading(page)).toBe('What our community holds');
    expect(navigations).toBe(loads);
    await context.close();
  }, 200_000);
});
