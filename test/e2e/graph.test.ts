// The graph explorer in Debian's Chromium, on a page built with Vite from the real component.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from '../src/chromium.ts';
import { type GraphPage, serveGraphPage } from './graphPage.ts';

let served: GraphPage;
let browser: Browser;

beforeAll(async () => {
  served = await serveGraphPage();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function open(query = '', init?: () => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (init) await page.addInitScript(init);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.url}${query}`);
  await page.waitForFunction(() => window.graph?.view != null);
  expect(errors).toEqual([]);
  return page;
}

const shownIds = (page: Page) =>
  page.evaluate(() => (window.graph.view?.visibility.shownNodes().map((n) => n.id()) ?? []).sort());

/** Screen position (page coordinates) of an entity's node. */
async function screenPosition(page: Page, id: string) {
  const p = await page.evaluate(
    (id) => window.graph.view?.cy.getElementById(id).renderedPosition(),
    id,
  );
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!p || !box) throw new Error(`no position for ${id}`);
  return { x: box.x + p.x, y: box.y + p.y };
}

describe('graph explorer in Chromium', () => {
  it('draws the sample community and saves a screenshot of it', async () => {
    const page = await open();
    expect(await page.evaluate(() => window.graph.view?.cy.nodes().length)).toBe(18);
    await page.waitForTimeout(300);
    const path = join(import.meta.dirname, 'screenshots', 'graph-sample-community.png');
    await page.screenshot({ path });
    expect(readFileSync(path).length).toBeGreaterThan(20_000);
    await page.close();
  });

  it('filters by kind and by relation type from the side bar', async () => {
    const page = await open();
    await page.locator('input[data-kind="meeting"]').uncheck();
    expect((await shownIds(page)).some((id) => id.startsWith('mt-'))).toBe(false);
    await page.locator('input[data-relation="mentors"]').uncheck();
    expect(
      await page.evaluate(() => window.graph.view?.visibility.isShown('m-ana|mentors|m-eli')),
    ).toBe(false);
    await page.locator('input[data-kind="meeting"]').check();
    expect(await shownIds(page)).toContain('mt-kickoff');
    await page.close();
  });

  it('finds an entity by search and shows its local graph, then the whole graph again', async () => {
    const page = await open();
    await page.getByLabel('Find in graph').fill('lesson st');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.graph.view?.focused())).toBe('pr-lesson-study');
    await page.getByRole('button', { name: 'Local graph' }).click();
    expect(await shownIds(page)).toEqual([
      'a-guide',
      'm-ana',
      'm-ben',
      'p-reading-gap',
      'pr-lesson-study',
    ]);
    // Expand and collapse a neighbour's neighbourhood from the keyboard.
    await page.evaluate(() => window.graph.view?.focus('m-ana'));
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('e');
    expect(await shownIds(page)).toContain('m-eli');
    await page.keyboard.press('c');
    expect(await shownIds(page)).not.toContain('m-eli');
    await page.getByRole('button', { name: 'Expand' }).click();
    expect(await shownIds(page)).toContain('m-eli');
    await page.getByLabel('Local graph depth').selectOption('2');
    expect((await shownIds(page)).length).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Whole graph' }).click();
    expect((await shownIds(page)).length).toBe(18);
    await page.close();
  });

  it('the time slider shows an entity as not yet there before it existed, and there after', async () => {
    const page = await open();
    const fatimaClasses = () =>
      page.evaluate(() => window.graph.view?.cy.getElementById('m-fatima').classes() ?? []);
    await page.getByLabel('Show the graph as it was on').fill('2026-05-01');
    await page.waitForFunction(() => window.graph.view?.shownDate != null);
    expect(await fatimaClasses()).toContain('added-since');
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'graph-time-2026-05-01.png'),
    });
    await page.getByLabel('Show the graph as it was on').fill('2026-10-01');
    await page.waitForFunction(
      () => !window.graph.view?.cy.getElementById('m-fatima').hasClass('added-since'),
    );
    expect(await fatimaClasses()).not.toContain('added-since');
    await page.getByRole('button', { name: 'Now' }).click();
    expect(await page.evaluate(() => window.graph.view?.shownDate)).toBeNull();
    await page.close();
  });

  it('a relation added to the source appears in the graph, next to its ends', async () => {
    const page = await open();
    await page.evaluate(() =>
      window.graph.source.put({
        entities: [{ id: 'm-gus', kind: 'member', title: 'Gus Lind' }],
        relations: [{ id: 'm-gus|mentors|m-dev', from: 'm-gus', type: 'mentors', to: 'm-dev' }],
      }),
    );
    expect(
      await page.evaluate(() =>
        window.graph.view?.cy.getElementById('m-gus|mentors|m-dev').nonempty(),
      ),
    ).toBe(true);
    const distance = await page.evaluate(() => {
      const cy = window.graph.view?.cy;
      const a = cy?.getElementById('m-gus').position();
      const b = cy?.getElementById('m-dev').position();
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Infinity;
    });
    expect(distance).toBeLessThan(120);
    await page.close();
  });

  it('shows a hover card, opens an entity on click, and navigates with the keyboard', async () => {
    const page = await open();
    const ana = await screenPosition(page, 'm-ana');
    await page.mouse.move(ana.x, ana.y);
    await expect.poll(() => page.getByTestId('hover-card').textContent()).toContain('Ana Rivera');
    await page.mouse.click(ana.x, ana.y);
    expect(await page.evaluate(() => window.graph.opened)).toEqual(['m-ana']);
    await page.evaluate(() => window.graph.view?.focus('m-ana'));
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('ArrowLeft');
    const moved = await page.evaluate(() => window.graph.view?.focused());
    expect(moved).not.toBe('m-ana');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.graph.opened)).toEqual(['m-ana', moved]);
    await page.close();
  });

  it('highlights the shortest path between two selected members', async () => {
    const page = await open();
    await page.evaluate(() => window.graph.view?.select(['m-eli', 'm-dev']));
    await page.getByRole('button', { name: 'Path between' }).click();
    const path = await page.evaluate(() =>
      window.graph.view?.cy
        .$('node.path')
        .map((n) => n.id())
        .sort(),
    );
    expect(path).toEqual(['m-dev', 'm-eli', 'mt-cycle2', 'pr-think-pair']);
    await page.close();
  });

  it('arranges with fcose in a Web Worker, and a cancelled layout moves nothing', async () => {
    const page = await open();
    const positions = () =>
      page.evaluate(() => JSON.stringify(window.graph.view?.cy.nodes().map((n) => n.position())));
    const before = await positions();
    const cancelled = await page.evaluate(async () => {
      const abort = new AbortController();
      const run = window.graph.view?.layout('fcose', { signal: abort.signal, randomize: true });
      abort.abort();
      return run?.then(
        () => 'finished',
        (e: Error) => e.name,
      );
    });
    expect(cancelled).toBe('AbortError');
    expect(await positions()).toBe(before);
    const phases = await page.evaluate(async () => {
      const seen: string[] = [];
      await window.graph.view?.layout('fcose', {
        randomize: true,
        onProgress: (_p, phase) => seen.push(phase),
      });
      return seen;
    });
    expect(phases.at(-1)).toBe('done');
    expect(phases).toContain('refining');
    expect(await positions()).not.toBe(before);
    await page.close();
  });

  it('a large graph shows its entities first, its relations as they arrive, and labels only when zoomed in', async () => {
    // 2,000 entities and 6,000 relations: above the large-graph threshold. One chunk of 500
    // relations per slice (slice=0), so the load always takes several steps.
    // Every status line shown, recorded from the first frame (the load may outrun polling).
    const page = await open('?n=2000&slice=0', () => {
      const seen: string[] = [];
      Object.assign(window, { statusLines: seen });
      new MutationObserver(() => {
        const text = document.querySelector('[role="status"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const status = page.getByRole('status');
    await page.waitForFunction(() => window.graph.view?.cy.edges().length === 6000, null, {
      timeout: 60_000,
    });
    await expect.poll(() => status.textContent()).not.toMatch(/Drawing relations/);
    const lines = await page.evaluate(
      () => (window as unknown as { statusLines: string[] }).statusLines,
    );
    expect(lines.some((l) => /Drawing relations… [\d,]+ of 6,000/.test(l))).toBe(true);
    const labelled = () =>
      page.evaluate(() => {
        const cy = window.graph.view?.cy;
        const { x1, y1, x2, y2 } = cy?.extent() ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
        const ids = cy?.nodes('.labelled').map((n) => n.position()) ?? [];
        return {
          count: ids.length,
          outside: ids.filter((p) => p.x < x1 || p.x > x2 || p.y < y1 || p.y > y2).length,
          label: cy?.nodes('.labelled').first().style('label'),
          unlabelled: cy?.nodes().not('.labelled').first().style('label'),
        };
      });
    // Zoomed out to the whole graph: no label is measured or drawn.
    expect((await labelled()).count).toBe(0);
    await page.evaluate(() => {
      const cy = window.graph.view?.cy;
      cy?.zoom({ level: 1.5, position: cy.getElementById('e0').position() });
    });
    await expect.poll(async () => (await labelled()).count, { timeout: 15_000 }).toBeGreaterThan(0);
    const zoomed = await labelled();
    expect(zoomed.count).toBeLessThanOrEqual(400);
    expect(zoomed.outside).toBe(0);
    expect(zoomed.label).toMatch(/^Entity \d+$/);
    expect(zoomed.unlabelled).toBe('');
    // Hover and click reach the entity under the pointer through the view's own hit testing
    // (Cytoscape's walks every element on each move); a filtered-out entity is not hit.
    const e0 = await screenPosition(page, 'e0');
    await page.mouse.move(e0.x, e0.y);
    await expect.poll(() => page.getByTestId('hover-card').textContent()).toMatch(/^Entity 0/);
    await page.mouse.click(e0.x, e0.y);
    expect(await page.evaluate(() => window.graph.opened)).toEqual(['e0']);
    await page.mouse.move(5, 5);
    await page.locator('input[data-kind="member"]').uncheck();
    await page.mouse.move(e0.x, e0.y);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('hover-card').count()).toBe(0);
    await page.mouse.click(e0.x, e0.y);
    expect(await page.evaluate(() => window.graph.opened)).toEqual(['e0']);
    await page.locator('input[data-kind="member"]').check();
    // Relation filters list the types once the relations are in.
    expect(await page.locator('input[data-relation]').count()).toBe(6);
    await page.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'graph-large-zoomed.png'),
    });
    await page.close();
  });

  it('exports the view as PNG and SVG', async () => {
    const page = await open();
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PNG' }).click();
    const pngPath = await (await png).path();
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    const svg = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG' }).click();
    const svgText = readFileSync(await (await svg).path(), 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Ana Rivera');
    await page.close();
  });
});
