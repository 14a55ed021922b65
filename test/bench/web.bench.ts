// The web app in Debian's Chromium against the real server (built by Vite, spawned as
// `repertoire serve --sample`): initial page weight, cold load to interactive on the sample
// community and on a 10k-entity workspace, and the time from an entity edit in one browser to
// it being visible in another's explorer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, startWorkbenchStage } from '../e2e/workbenchStage.ts';
import { type BenchFigure, type BenchReport, percentile, under } from '../src/bench.ts';
import { launchChromium } from '../src/chromium.ts';

const DEMO = { email: 'demo@repertoire.local', password: 'repertoire-demo' };
const EDITS = 60;

interface WorkspaceLike {
  entities(kind?: string): { id: string; title: string }[];
  createEntity(input: { kind: string; title: string }): { id: string };
  updateEntity(id: string, patch: { title: string }): void;
  transact(fn: () => void): void;
}
interface SessionLike {
  workspace: WorkspaceLike;
  sync: { state: { get(): { pendingChanges: number } } };
}
type Win = Window & { repertoire?: { session: SessionLike } };

/** The gzipped size of what the first page load fetches: the HTML and what it links eagerly. */
function initialWeight(dir: string): { eager: number; lazy: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file))).length;
  const eager = new Set(
    [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1] as string),
  );
  let eagerBytes = gzipSync(html).length;
  for (const f of eager) eagerBytes += gz(f);
  let lazyBytes = 0;
  for (const f of readdirAssets(dir)) if (!eager.has(f)) lazyBytes += gz(f);
  return { eager: eagerBytes, lazy: lazyBytes };
}

function readdirAssets(dir: string): string[] {
  return readdirSync(join(dir, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `assets/${f}`);
}

/** A fresh context signed in as the demo member (cookie only: nothing cached on the device). */
async function signedIn(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const res = await context.request.post(`${url}/api/auth/sign-in`, { data: DEMO });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
  return context.newPage();
}

/** Navigates and resolves with the ms until the explorer lists the community's entities. */
async function coldLoad(page: Page, url: string): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await page
    .getByRole('tree', { name: 'Community' })
    .locator('.rp-explorer-row')
    .first()
    .waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

export default async function webBench(): Promise<BenchReport> {
  const web = await buildWebApp();
  const stage = await startWorkbenchStage({ sample: true, web });
  const browser = await launchChromium([
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
  const figures: BenchFigure[] = [];
  try {
    const weight = initialWeight(web.path);
    figures.push(under('initial page weight (gzipped)', weight.eager / 1024, 'kB', 500));
    figures.push({
      metric: 'plugin chunks loaded lazily (gzipped)',
      value: weight.lazy / 1024,
      unit: 'kB',
    });

    // Cold load on the sample community: a new device each time (no offline cache).
    const sampleLoads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await signedIn(browser, stage.url);
      sampleLoads.push(await coldLoad(page, stage.url));
      await page.context().close();
    }
    figures.push({
      metric: 'cold load to interactive, sample community (median of 3)',
      value: percentile(sampleLoads, 50),
      unit: 'ms',
    });

    // Edit in one browser → visible in the other's explorer.
    const [a, b] = [await signedIn(browser, stage.url), await signedIn(browser, stage.url)];
    await coldLoad(a, stage.url);
    await coldLoad(b, stage.url);
    // Let both pages finish starting (plugins activate after the first paint): an edit that
    // lands while b's thread is busy could reach its explorer before the observer below exists.
    await Promise.all([a.waitForTimeout(1000), b.waitForTimeout(1000)]);
    const target = await a.evaluate(() => {
      const ws = (window as Win).repertoire?.session.workspace;
      const first = ws?.entities('artifact').sort((x, y) => x.title.localeCompare(y.title))[0];
      if (!first) throw new Error('no artifact in the sample');
      return first;
    });
    const latencies: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const title = `${target.title} · ${i}`;
      const seen = b.evaluate(
        (t) =>
          new Promise<number>((resolve) => {
            const tree = document.querySelector('[role=tree]');
            if (!tree) throw new Error('no explorer');
            // Already there (the page was busy when this ran): count it now rather than hang.
            if (tree.textContent?.includes(t))
              return resolve(performance.timeOrigin + performance.now());
            const observer = new MutationObserver(() => {
              if (tree.textContent?.includes(t)) {
                observer.disconnect();
                resolve(performance.timeOrigin + performance.now());
              }
            });
            observer.observe(tree, { subtree: true, childList: true, characterData: true });
          }),
        title,
      );
      await b.waitForTimeout(5);
      const sent = await a.evaluate(
        ([id, t]) => {
          const at = performance.timeOrigin + performance.now();
          (window as Win).repertoire?.session.workspace.updateEntity(id as string, {
            title: t as string,
          });
          return at;
        },
        [target.id, title],
      );
      latencies.push((await seen) - sent);
    }
    figures.push(
      under('entity edit to visible in another browser, p50', percentile(latencies, 50), 'ms', 100),
      under('entity edit to visible in another browser, p99', percentile(latencies, 99), 'ms', 100),
    );

    // A 10k-entity workspace: add 10,000 practices, wait until the server has them, load anew.
    await a.evaluate(async () => {
      const session = (window as Win).repertoire?.session;
      if (!session) throw new Error('no session');
      for (let chunk = 0; chunk < 10; chunk++) {
        session.workspace.transact(() => {
          for (let i = 0; i < 1000; i++)
            session.workspace.createEntity({
              kind: 'practice',
              title: `Practice ${chunk * 1000 + i}`,
            });
        });
        await new Promise((r) => setTimeout(r, 50));
      }
      while (session.sync.state.get().pendingChanges > 0)
        await new Promise((r) => setTimeout(r, 50));
    });
    await a.context().close();
    await b.context().close();
    const bigLoads: number[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await signedIn(browser, stage.url);
      bigLoads.push(await coldLoad(page, stage.url));
      const count = await page.evaluate(
        () => (window as Win).repertoire?.session.workspace.entities().length ?? 0,
      );
      if (count < 10_000) throw new Error(`only ${count} entities loaded`);
      await page.context().close();
    }
    figures.push({
      metric: 'cold load to interactive, 10k-entity workspace (median of 2)',
      value: percentile(bigLoads, 50),
      unit: 'ms',
    });
  } finally {
    await browser.close();
    await stage.close();
    await web.dispose();
  }
  return {
    name: 'web',
    description:
      'The web app in Chromium against the real server: page weight, cold load, edit-to-visible latency.',
    figures,
  };
}
