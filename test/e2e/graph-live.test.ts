// Two members' browsers (Debian's Chromium, separate contexts) share one live graph through the
// real Repertoire server (apps/server over SQLite, seeded with the sample community): what one
// links appears in the other's graph, and the time slider reads the server's history.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from '../src/chromium.ts';
import { type GraphLiveStage, type Session, startGraphLiveStage } from './graphLiveStage.ts';

let stage: GraphLiveStage;
let browser: Browser;
const contexts: BrowserContext[] = [];
let owner: Page;
let editor: Page;

async function openAs(member: Session): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const url = stage.pageUrl(member);
  await context.addCookies([{ name: 'repertoire_session', value: member.cookie, url }]);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error (${member.name})`, e));
  await page.goto(url);
  await page.waitForFunction(() => window.graph?.view != null, null, { timeout: 30_000 });
  return page;
}

/** The id of the entity whose title matches best, as the member would find it. */
const find = (page: Page, title: string) =>
  page.evaluate((t) => window.graph.view?.search(t, 1)[0]?.id ?? '', title);

beforeAll(async () => {
  stage = await startGraphLiveStage();
  browser = await launchChromium();
  owner = await openAs(stage.owner);
  editor = await openAs(stage.editor);
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await stage?.close();
});

describe('the graph explorer on a live workspace, two members', () => {
  it("both draw the server's sample community, and a screenshot of it is saved", async () => {
    const count = (page: Page) => page.evaluate(() => window.graph.view?.cy.nodes().length ?? 0);
    expect(await count(owner)).toBeGreaterThan(30);
    expect(await count(editor)).toBe(await count(owner));
    await owner.waitForTimeout(500);
    await owner.screenshot({
      path: join(import.meta.dirname, 'screenshots', 'graph-sample-community-live.png'),
    });
  });

  it("a relation one member links in the explorer appears in the other's graph", async () => {
    const mere = await find(owner, 'Mere Tautahi');
    const lucia = await find(owner, 'Lucía Fernández');
    expect(mere).not.toBe('');
    const id = `${mere}|mentors|${lucia}`;
    expect(
      await editor.evaluate((id) => window.graph.view?.cy.getElementById(id).empty(), id),
    ).toBe(true);
    await owner.evaluate((ids) => window.graph.view?.select(ids), [mere, lucia]);
    await owner.getByRole('button', { name: 'Link…' }).click();
    expect(await owner.evaluate(() => window.live?.linked)).toEqual([id]);
    await editor.waitForFunction((id) => window.graph.view?.cy.getElementById(id).nonempty(), id, {
      timeout: 15_000,
    });
    // The new relation joins the two members' nodes in the other browser too.
    expect(
      await editor.evaluate((id) => {
        const edge = window.graph.view?.cy.getElementById(id);
        return [edge?.source().id(), edge?.target().id()];
      }, id),
    ).toEqual([mere, lucia]);
  });

  it("the time slider shows an entity as not yet there before it existed, from the server's history", async () => {
    const before = await stage.api<{ snapshot: { at: string } }>(
      stage.owner,
      'POST',
      `/api/workspaces/${stage.workspaceId}/history/graph`,
      { label: 'before Gus' },
    );
    const gus = await owner.evaluate(
      () => window.live?.workspace.createEntity({ kind: 'member', title: 'Gus Lind' }).id ?? '',
    );
    await editor.waitForFunction((id) => window.graph.view?.cy.getElementById(id).nonempty(), gus, {
      timeout: 15_000,
    });
    const after = await stage.api<{ snapshot: { at: string } }>(
      stage.editor,
      'POST',
      `/api/workspaces/${stage.workspaceId}/history/graph`,
      { label: 'after Gus' },
    );
    const classesAt = (at: string | null) =>
      editor.evaluate(
        async ({ at, id }) => {
          const view = window.graph.view;
          if (at === null) view?.showNow();
          else await view?.showAt(new Date(at));
          return view?.cy.getElementById(id).classes() ?? [];
        },
        { at, id: gus },
      );
    expect(await classesAt(before.snapshot.at)).toContain('added-since');
    expect(await classesAt(after.snapshot.at)).not.toContain('added-since');
    // The date picker asks the server too: the day before this run had no snapshot yet.
    await editor.getByRole('button', { name: 'Now' }).click();
    expect(await editor.evaluate(() => window.graph.view?.shownDate)).toBeNull();
    const dayBefore = new Date(Date.parse(before.snapshot.at) - 86_400_000).toISOString();
    await editor.getByLabel('Show the graph as it was on').fill(dayBefore.slice(0, 10));
    await editor.waitForFunction(() => window.graph.view?.shownDate != null);
    expect(
      await editor.evaluate((id) => window.graph.view?.cy.getElementById(id).classes(), gus),
    ).toContain('added-since');
    await editor.getByRole('button', { name: 'Now' }).click();
    expect(await editor.evaluate(() => window.graph.view?.shownDate)).toBeNull();
  });
});
