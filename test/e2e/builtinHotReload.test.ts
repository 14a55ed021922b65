// Hot reload of a built-in plugin under `vite dev` (issue 13, item 7): the web app served by Vite's
// dev server over a real Repertoire server, in Debian's Chromium; a saved change to the knowledge
// plugin's code shows in its open panel view with no page reload (a page reload would drop what
// the page holds and re-sign-in), and the plugin's view stays where it was. The "save" changes what
// the dev server serves for the file and tells its watcher the file changed, the path a save takes,
// so the repository's own source (which other suites read meanwhile) is never written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { freePort } from '../src/ports.ts';
import { runCommand } from './palette.ts';
import { type RepertoireServerProcess, startRepertoireServer } from './repertoireServer.ts';
import { signedIn } from './signedIn.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const GAPS = join(ROOT, 'plugins', 'knowledge', 'src', 'gaps.ts');
// A cold `vite dev` transforms the app's modules on first load, on a shared 2-core machine.
const SLOW = { timeout: 180_000 };

let server: RepertoireServerProcess;
let vite: ViteDevServer;
let browser: Browser;
let url: string;
/** What the dev server serves instead of the file's text from the file's "save" on. */
let saved: string | undefined;

beforeAll(async () => {
  server = await startRepertoireServer({ sample: true });
  const port = await freePort();
  // The app's own vite.config.ts, its proxies pointed at this test's server.
  process.env.REPERTOIRE_DEV_SERVER = server.url;
  vite = await createServer({
    configFile: join(WEB, 'vite.config.ts'),
    root: WEB,
    logLevel: 'warn',
    server: { port, strictPort: true, host: '127.0.0.1' },
    plugins: [
      {
        name: 'saved-edit',
        enforce: 'pre',
        load: (id) => (saved !== undefined && id.split('?')[0] === GAPS ? saved : undefined),
      },
    ],
  });
  await vite.listen();
  url = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await server?.close();
});

const gapRows = (page: Page) => page.locator('.rp-panel table tbody tr');

describe('built-in hot reload (vite dev)', () => {
  it('shows a saved change to a built-in plugin in its open view without reloading the page', async () => {
    const context = await signedIn(browser, url);
    const page = await context.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(url);
    await page
      .getByRole('tree', { name: 'Community' })
      .locator('.rp-explorer-row')
      .first()
      .waitFor(SLOW);
    // The gaps view is in the panel: show the panel, then its tab.
    await runCommand(page, 'Toggle panel');
    await page.getByRole('tab', { name: 'Gaps in the repertoire' }).click(SLOW);
    await expect
      .poll(() => gapRows(page).allInnerTexts(), SLOW)
      .toContainEqual(expect.stringContaining('No practice addresses this problem yet'));
    // Let the dev server's first-load work settle (its dependency optimiser may reload once).
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => {
      (window as unknown as { kept: string }).kept = 'still here';
    });
    const loads = navigations;

    saved = readFileSync(GAPS, 'utf8').replace(
      'No practice addresses this problem yet',
      'Nothing we practise answers this yet',
    );
    vite.watcher.emit('change', GAPS);
    await expect
      .poll(() => gapRows(page).allInnerTexts(), SLOW)
      .toContainEqual(expect.stringContaining('Nothing we practise answers this yet'));
    await expect
      .poll(() => page.getByText('Reloaded plugin Domain and practice').count(), SLOW)
      .not.toBe(0);
    expect(navigations).toBe(loads);
    expect(await page.evaluate(() => (window as unknown as { kept?: string }).kept)).toBe(
      'still here',
    );
    await context.close();
  }, 400_000);
});
