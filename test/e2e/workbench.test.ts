// The workbench end to end: the real web app built by Vite, served by the real server (spawned
// as `repertoire serve` over a temp SQLite store), driven in Debian's Chromium. Three members in
// three browser contexts: an owner who signs up and creates the workspace, an editor and a viewer
// who join through invitation links. Screenshots of the main screens land in test/e2e/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
/** Polls wait as long as locators do: vitest's 1 s default is short on a busy CI machine. */
const SLOW = { timeout: 30_000 };
mkdirSync(SHOTS, { recursive: true });

let stage: WorkbenchStage;
let browser: Browser;

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `workbench-${name}.png`) });

/** A fresh browser context (its own cookies and IndexedDB): one member on one device. */
async function member(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(url);
  return page;
}

async function signUp(page: Page, name: string, email: string) {
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('practice-makes-progress');
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Runs a command from the palette (Ctrl+Shift+P), then answers the input boxes it opens. */
async function palette(page: Page, command: string, ...answers: string[]) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.rp-palette-input');
  await input.fill(`>${command}`);
  await page.locator('[cmdk-item]').filter({ hasText: command }).first().click();
  for (const answer of answers) {
    const box = page.locator('input.rp-palette-input');
    await box.waitFor();
    await box.fill(answer);
    await box.press('Enter');
  }
}

/** The explorer's row for an entity title. */
const row = (page: Page, title: string) =>
  page.getByRole('tree', { name: 'Community' }).getByRole('treeitem', { name: title, exact: true });

/** Creates an invitation link from the palette; returns the URL. */
async function invite(page: Page, role: 'Editor' | 'Viewer'): Promise<string> {
  await palette(page, 'Invite people');
  await page.locator('[cmdk-item]').filter({ hasText: role }).first().click();
  const link = page.locator('input.rp-palette-input');
  await expect.poll(() => link.inputValue(), SLOW).toContain('/invite/');
  const url = await link.inputValue();
  await link.press('Escape');
  return url.replace(/^https?:\/\/[^/]+/, stage.url);
}

describe('the workbench against the real server', () => {
  it('members sign up, invite, co-edit live, a viewer only reads, offline edits merge', async () => {
    // The owner signs up and creates a workspace.
    const ana = await member(stage.url);
    await shot(ana, 'sign-in');
    await signUp(ana, 'Ana Owner', 'ana@school.test');
    await ana.getByLabel('New workspace').fill('Year 9 e-learning team');
    await shot(ana, 'workspace-chooser');
    await ana.getByRole('button', { name: 'Create workspace' }).click();
    await ana.getByRole('tree', { name: 'Community' }).waitFor();

    // The palette runs a plugin command (the knowledge plugin activates on it).
    await palette(ana, 'Add domain', 'Digital citizenship');
    await row(ana, 'Digital citizenship').waitFor();

    // A second member joins from another browser through an invitation link.
    const editorLink = await invite(ana, 'Editor');
    const ben = await member(editorLink);
    await expect.poll(() => ben.getByText(/You are invited to join/).count(), SLOW).toBe(1);
    await signUp(ben, 'Ben Editor', 'ben@school.test');
    await row(ben, 'Digital citizenship').waitFor();
    await expect
      .poll(async () => (await ana.locator('.rp-statusbar').textContent()) ?? '', SLOW)
      .toContain('2 here');

    // Each sees the other's changes live: a creation from Ben, a rename from Ana.
    await palette(ben, 'Add domain', 'Assessment for learning');
    await row(ana, 'Assessment for learning').waitFor();
    await row(ana, 'Digital citizenship').click();
    const title = ana.getByLabel('Title', { exact: true });
    await title.fill('Digital citizenship and safety');
    await title.press('Enter');
    await row(ben, 'Digital citizenship and safety').waitFor();
    await shot(ana, 'entity-page');

    // A co-edited document: Ana starts it, Ben opens it and sees her text arrive.
    await palette(ana, 'New co-edited document', 'Fortnightly meeting notes');
    const anaText = ana.locator('[data-testid=editor]').first();
    await anaText.waitFor();
    await anaText.click();
    await ana.keyboard.type('Agreed: every unit ends with a reflection.');
    await row(ben, 'Fortnightly meeting notes').click();
    await expect
      .poll(
        async () => (await ben.locator('[data-testid=editor]').first().textContent()) ?? '',
        SLOW,
      )
      .toContain('Agreed: every unit ends with a reflection.');
    // A [[link]] in the document becomes a relation: the domain's page lists the document.
    await ana.keyboard.type(' See [[Assess');
    // Pick the option itself: Enter could land before the menu has taken the keyboard.
    await ana
      .locator('[data-testid=entity-typeahead] [role=option]', {
        hasText: 'Assessment for learning',
      })
      .click();
    await ben
      .locator('[data-testid=editor] .rp-chip', { hasText: 'Assessment for learning' })
      .waitFor();
    await shot(ben, 'document');
    await row(ben, 'Assessment for learning').click();
    await ben
      .locator('.rp-entity-page')
      .getByRole('button', { name: 'Fortnightly meeting notes' })
      .waitFor();

    // A viewer sees everything, is told why nothing can change, and changes nothing.
    const viewerLink = await invite(ana, 'Viewer');
    const cleo = await member(viewerLink);
    await signUp(cleo, 'Cleo Viewer', 'cleo@school.test');
    await row(cleo, 'Digital citizenship and safety').click();
    await expect
      .poll(async () => (await cleo.getByRole('note').first().textContent()) ?? '', SLOW)
      .toMatch(/viewer|read-only/i);
    expect(await cleo.getByLabel('Title', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await cleo.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    // The viewer reads the document as it is, and cannot type into it.
    await row(cleo, 'Fortnightly meeting notes').click();
    const cleoText = cleo.locator('[data-testid=editor]').first();
    await expect.poll(async () => (await cleoText.textContent()) ?? '', SLOW).toContain('Agreed');
    expect(await cleoText.getAttribute('contenteditable')).toBe('false');
    await palette(cleo, 'Add domain', 'Viewer domain');
    await expect.poll(() => cleo.getByRole('alert').count(), SLOW).toBeGreaterThan(0);
    // Even a write that bypasses the UI never reaches anyone: the server refuses it.
    await cleo.evaluate(() => {
      const w = (window as unknown as { repertoire: { session: { workspace: WorkspaceLike } } })
        .repertoire.session.workspace;
      w.createEntity({ kind: 'domain', title: 'Sneaky domain' });
    });
    // …and the viewer's own screen takes it back at once.
    await expect.poll(() => row(cleo, 'Sneaky domain').count(), SLOW).toBe(0);
    await shot(cleo, 'viewer');
    await palette(ben, 'Add domain', 'After the viewer');
    await row(ana, 'After the viewer').waitFor();
    expect(await row(ana, 'Sneaky domain').count()).toBe(0);
    expect(await row(ana, 'Viewer domain').count()).toBe(0);

    // Offline edit then reconnect: both sides' changes merge.
    await palette(ben, 'Work offline');
    await expect
      .poll(async () => (await ben.locator('.rp-statusbar').textContent()) ?? '', SLOW)
      .toMatch(/offline/i);
    await palette(ben, 'Add domain', 'Written offline');
    await palette(ana, 'Add domain', 'Written while Ben was away');
    await row(ben, 'Written offline').waitFor();
    await ana.waitForTimeout(300);
    expect(await row(ben, 'Written while Ben was away').count()).toBe(0);
    expect(await row(ana, 'Written offline').count()).toBe(0);
    await palette(ben, 'Reconnect');
    await row(ana, 'Written offline').waitFor();
    await row(ben, 'Written while Ben was away').waitFor();

    // The graph explorer plugin shows the workspace graph; a click would open the entity.
    await palette(ana, 'Open Graph');
    await ana.locator('.rp-custom-editor canvas').first().waitFor();
    await ana.waitForTimeout(500);
    await shot(ana, 'graph');

    // Group…: Ana selects two problems in the graph and puts them under a new domain.
    const { copying, late } = await ana.evaluate(() => {
      const w = (window as unknown as PageGlobals).repertoire.session.workspace;
      return {
        copying: w.createEntity({ kind: 'problem', title: 'Copying homework' }).id,
        late: w.createEntity({ kind: 'problem', title: 'Late work' }).id,
      };
    });
    const showsAll = (page: Page, ids: string[]) =>
      page.waitForFunction(
        (ids) => {
          const view = ([...document.querySelectorAll('.rp-graph-view')].at(-1) as GraphHost)
            ?.graphView;
          return ids.every((id) => view?.cy.getElementById(id).nonempty());
        },
        ids,
        SLOW,
      );
    const select = (page: Page, ids: string[]) =>
      page.evaluate((ids) => {
        const view = ([...document.querySelectorAll('.rp-graph-view')].at(-1) as GraphHost)
          ?.graphView;
        view?.select(ids);
      }, ids);
    await showsAll(ana, [copying, late]);
    await select(ana, [copying, late]);
    await ana.getByRole('button', { name: 'Group…' }).click();
    const asDomain = ana
      .locator('[cmdk-item]')
      .filter({ hasText: 'A new Domain the 2 selected belong to' });
    await asDomain.waitFor();
    await shot(ana, 'graph-group');
    await asDomain.click();
    const groupTitle = ana.locator('input.rp-palette-input');
    await groupTitle.waitFor();
    await groupTitle.fill('Feedback that moves learning');
    await groupTitle.press('Enter');
    // The group and its links reach the other member through the server.
    await row(ben, 'Feedback that moves learning').waitFor();
    const belongs = (page: Page) =>
      page.evaluate(() => {
        const w = (window as unknown as PageGlobals).repertoire.session.workspace;
        return w
          .relations({ type: 'belongs-to' })
          .map((r) => `${r.from} → ${w.getEntity(r.to)?.title}`)
          .sort();
      });
    const grouped = [copying, late].map((id) => `${id} → Feedback that moves learning`).sort();
    await expect.poll(() => belongs(ben), SLOW).toEqual(grouped);

    // A viewer selects in the graph too, but is offered neither Link… nor Group….
    await palette(cleo, 'Open Graph');
    await showsAll(cleo, [copying, late]);
    await select(cleo, [copying, late]);
    await cleo.getByRole('button', { name: 'Path between' }).waitFor();
    expect(await cleo.getByRole('button', { name: 'Group…' }).count()).toBe(0);
    expect(await cleo.getByRole('button', { name: 'Link…' }).count()).toBe(0);

    // The time bar reads the server's history through the plugin API: a problem deleted after a
    // snapshot is back (a red ghost, with its link to the group) on the snapshot's date, and gone
    // on the date of a snapshot taken after the deletion. The snapshots are asked for, as an
    // editor may, rather than left to the server's automatic ones (at most one per 5 minutes).
    const takeSnapshot = (label: string) =>
      ana.evaluate(async (label) => {
        const id = (window as unknown as PageGlobals).repertoire.session.summary.id;
        const res = await fetch(`/api/workspaces/${id}/history/graph`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ label }),
        });
        if (!res.ok) throw new Error(`snapshot: the server answered ${res.status}`);
        return ((await res.json()) as { snapshot: { at: string } }).snapshot.at;
      }, label);
    const beforeDeletion = await takeSnapshot('before deleting a problem');
    await row(ana, 'Copying homework').click();
    await ana.locator('.rp-entity-page').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row(ben, 'Copying homework').count(), SLOW).toBe(0);
    const afterDeletion = await takeSnapshot('after deleting a problem');
    await palette(ana, 'Open Graph');
    await showsAll(ana, [late]);
    const removedSince = (at: string) =>
      ana.evaluate(async (at) => {
        const view = ([...document.querySelectorAll('.rp-graph-view')].at(-1) as GraphHost)
          ?.graphView;
        const diff = await view?.showAt(new Date(at));
        view?.fit();
        return (diff?.removedSince ?? []).sort();
      }, at);
    expect(await removedSince(beforeDeletion)).toEqual(
      [copying, `${copying}|belongs-to|${await groupId(ana)}`].sort(),
    );
    await shot(ana, 'graph-time-bar');
    expect(await removedSince(afterDeletion)).toEqual([]);
    await ana.getByRole('button', { name: 'Now' }).click();
  }, 180_000);
});

interface WorkspaceLike {
  createEntity(input: { kind: string; title: string }): { id: string };
  getEntity(id: string): { title: string } | undefined;
  entities(kind?: string): { id: string; title: string }[];
  relations(query: { type?: string }): { id: string; from: string; to: string }[];
}

/** What the web app puts on the page for tests (see RepertoireApp). */
interface PageGlobals {
  repertoire: { session: { workspace: WorkspaceLike; summary: { id: string } } };
}

/** The graph explorer plugin's element, carrying its view. */
type GraphHost =
  | (Element & {
      graphView?: {
        select(ids: string[]): void;
        showAt(date: Date): Promise<{ removedSince: string[] } | null>;
        fit(): void;
        cy: { getElementById(id: string): { nonempty(): boolean } };
      };
    })
  | undefined;

/** The id of the domain the e2e groups the problems under. */
const groupId = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as PageGlobals).repertoire.session.workspace
        .entities('domain')
        .find((e) => e.title === 'Feedback that moves learning')?.id ?? '',
  );
