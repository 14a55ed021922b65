// The server's refusals as a member meets them, in Debian's Chromium over the real server and the
// real web app: a viewer's edit that slipped past the UI, and an editor's change the graph check
// refuses (4422: only an owner makes a facilitator), each show a notice naming what was refused
// and why, are taken back on the member's screen, and change nothing on the server.
import { graphStateFromUpdate } from '@repertoire/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SLOW = { timeout: 60_000 };
const WORKSPACE = 'Reading circle';

let stage: WorkbenchStage;
let browser: Browser;
let owner: BrowserContext;
let ws: string;

interface PageGlobals {
  repertoire?: {
    session: {
      readOnly: boolean;
      workspace: {
        kinds: { entityKind(kind: string): unknown };
        createEntity(input: { kind: string; title: string; fields?: object }): { id: string };
        entities(): { title: string }[];
      };
      sync: { state: { get(): { pendingChanges: number; status: string } } };
    };
  };
}

/** A browser context signed up (and in `ws`, with `role`, when an invitation is given). */
async function account(name: string, invitation?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const email = `${name.toLowerCase()}@school.test`;
  const signUp = await context.request.post(`${stage.url}/api/auth/sign-up`, {
    data: { email, password: 'practice-makes-progress', name },
  });
  expect(signUp.ok()).toBe(true);
  if (invitation) {
    const accepted = await context.request.post(
      `${stage.url}/api/invitations/${invitation}/accept`,
    );
    expect(accepted.ok()).toBe(true);
  }
  return context;
}

async function invitation(role: 'viewer' | 'editor'): Promise<string> {
  const r = await owner.request.post(`${stage.url}/api/workspaces/${ws}/invitations`, {
    data: { role },
  });
  return (await r.json()).invitation.token as string;
}

/** Opens the workspace in a new page of `context`; resolves once its session is up and synced. */
async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  await page.goto(`${stage.url}/w/${ws}`);
  // Connected, and the plugins that contribute the kinds are on.
  await page.waitForFunction(
    () => {
      const session = (window as unknown as PageGlobals).repertoire?.session;
      return (
        session?.sync.state.get().status === 'connected' &&
        !!session.workspace.kinds.entityKind('domain') &&
        !!session.workspace.kinds.entityKind('member')
      );
    },
    undefined,
    SLOW,
  );
  return page;
}

/** Waits until the server has acknowledged every change made on `page`. */
const saved = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as unknown as PageGlobals).repertoire?.session.sync.state.get().pendingChanges === 0,
    undefined,
    SLOW,
  );

/** The graph as the server stores it (the owner's export), by entity title. */
async function serverGraph() {
  const r = await owner.request.get(`${stage.url}/api/workspaces/${ws}/export`);
  const documents = (await r.json()).documents as Record<string, string>;
  const state = graphStateFromUpdate(
    new Uint8Array(Buffer.from(documents.graph as string, 'base64')),
  );
  return new Map([...state.entities.values()].map((e) => [e.title, e]));
}

/** The notices showing on `page` now. */
const notices = (page: Page) => page.locator('.rp-toast').allInnerTexts();

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage(), launchChromium()]);
  owner = await account('Olive');
  const created = await owner.request.post(`${stage.url}/api/workspaces`, {
    data: { name: WORKSPACE },
  });
  ws = (await created.json()).workspace.id as string;
  const page = await open(owner);
  await page.evaluate(() =>
    (window as unknown as PageGlobals).repertoire?.session.workspace.createEntity({
      kind: 'member',
      title: 'Eddie Editor',
      fields: { role: 'member' },
    }),
  );
  await saved(page);
  await page.close();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

describe("the server's refusals, as a member sees them", { timeout: 180_000 }, () => {
  it("a viewer's edit is taken back with a notice, and the server has none of it", async () => {
    const viewer = await open(await account('Vera', await invitation('viewer')));
    await viewer.waitForFunction(
      () => (window as unknown as PageGlobals).repertoire?.session.readOnly === true,
    );
    expect((await notices(viewer)).join('\n')).not.toContain('was not saved');
    // A write that slipped past the UI (a plugin's, a binding's): the UI offers viewers none.
    await viewer.evaluate(() =>
      (window as unknown as PageGlobals).repertoire?.session.workspace.createEntity({
        kind: 'domain',
        title: 'Sneaky domain',
      }),
    );
    await expect
      .poll(async () => (await notices(viewer)).join('\n'), SLOW)
      .toContain(`Your change to the community was not saved: you are a viewer in ${WORKSPACE}.`);
    expect((await notices(viewer)).join('\n')).toContain('Ask an owner to make you an editor.');
    // Taken back on the viewer's screen…
    expect(
      await viewer.evaluate(() =>
        (window as unknown as PageGlobals).repertoire?.session.workspace
          .entities()
          .some((e) => e.title === 'Sneaky domain'),
      ),
    ).toBe(false);
    // …and not on the server: a later edit of the owner's is stored, the viewer's is not.
    const ownerPage = await open(owner);
    await ownerPage.evaluate(() =>
      (window as unknown as PageGlobals).repertoire?.session.workspace.createEntity({
        kind: 'domain',
        title: 'After the viewer',
      }),
    );
    await saved(ownerPage);
    const graph = await serverGraph();
    expect(graph.has('After the viewer')).toBe(true);
    expect(graph.has('Sneaky domain')).toBe(false);
    await ownerPage.close();
    await viewer.context().close();
  });

  it("an editor's change the server refuses names the rule, is undone and stores nothing", async () => {
    const editor = await open(await account('Eddie', await invitation('editor')));
    // The app opens its start page (the Community page) once its plugins are up; then the member
    // opens their own entity.
    await editor.locator('.rp-insight-head').first().waitFor(SLOW);
    await editor
      .getByRole('tree', { name: 'Community' })
      .getByRole('treeitem', { name: 'Eddie Editor', exact: true })
      .click();
    await editor
      .locator('[role=tab][aria-selected=true]', { hasText: 'Eddie Editor' })
      .waitFor(SLOW);
    const role = editor.locator('.rp-entity-page select#field-role');
    await role.waitFor(SLOW);
    expect(await role.inputValue()).toBe('member');
    // Through the entity page's own Role field: an editor making themself a facilitator.
    await role.selectOption('facilitator');
    const alert = editor.locator('.rp-toast[role=alert]');
    await expect
      .poll(async () => (await alert.allInnerTexts()).join('\n'), SLOW)
      .toContain(
        'The server did not accept your change to the community: “Eddie Editor”: only an owner makes or unmakes a coordinator or facilitator.',
      );
    expect(await alert.textContent()).toContain('Nothing of it was saved.');
    await expect.poll(() => role.inputValue(), SLOW).toBe('member');
    expect((await serverGraph()).get('Eddie Editor')?.fields.role).toBe('member');
    // The connection recovers by itself: the editor's next, allowed change is stored.
    await editor.waitForFunction(
      () =>
        (window as unknown as PageGlobals).repertoire?.session.sync.state.get().status ===
        'connected',
      undefined,
      SLOW,
    );
    await saved(editor);
    await role.selectOption('guest');
    await saved(editor);
    await expect
      .poll(async () => (await serverGraph()).get('Eddie Editor')?.fields.role, SLOW)
      .toBe('guest');
    expect(await alert.count()).toBe(1);
    await editor.context().close();
  });
});
