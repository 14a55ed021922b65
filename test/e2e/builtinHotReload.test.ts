// Hot reload of a built-in plugin under `vite dev` (issue 13, item 7): the web app served by Vite's
// dev server over a real Repertoire server, in Debian's Chromium; a saved change to the knowledge
// plugin's code shows in its open panel view with no page reload (a page reload would drop what
// the page holds and re-sign-in), and the plugin's view stays where it was.
import { readFileSync, writeFileSync } from 'node:fs';
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
const SLOW = { timeout: 20_000 };

let server: RepertoireServerProcess;
let vite: ViteDevServer;
let browser: Browser;
let url: string;
const original = readFileSync(GAPS, 'utf8');

beforeAll(async () => {
  server = await startRepertoireServer({ sample: true });
  const port = await freePort();
  vite = await createServer({
    configFile: join(WEB, 'vite.config.ts'),
    root: WEB,
    logLevel: 'warn',
    server: {
      port,
      strictPort: true,
      host: '127.0.0.1',
      proxy: {
        '/api': server.url,
        '/sync': { target: server.url.replace('http', 'ws'), ws: true },
      },
    },
  });
  await vite.listen();
  url = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  // The source file is the repository's own: put it back whatever happened.
  writeFileSync(GAPS, original);
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
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 45_000));
    console.log('BODY', (await page.locator('body').innerText()).slice(0, 500));
    await page
      .getByRole('tree', { name: 'Community' })
      .locator('.rp-explorer-row')
      .first()
      .waitFor(SLOW);
    await runCommand(page, 'Open Gaps in the repertoire');
    await expect
      .poll(() => gapRows(page).allInnerTexts(), SLOW)
      .toContainEqual(expect.stringContaining('No practice addresses this problem yet'));
    // Let the dev server's first-load work settle (its dependency optimiser may reload once).
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => {
      (window as unknown as { kept: string }).kept = 'still here';
    });
    const loads = navigations;

    writeFileSync(
      GAPS,
      original.replace(
        'No practice addresses this problem yet',
        'Nothing we practise answers this yet',
      ),
    );
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
