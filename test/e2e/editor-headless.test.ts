// A document written in Node by the headless editor (as the server writes the sample community
// and imports) opens unchanged in the real editor in Chromium: its text, table, check list and
// mention chips, and the mentions the browser's reconciler derives agree with the headless ones.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { Workspace } from '@repertoire/core';
import { writeMarkdownDocument } from '@repertoire/editor/headless';
import { loadSampleCommunity } from '@repertoire/plugin-sample-community';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type Browser, launchChromium } from '../src/chromium.ts';
import { type EditorStage, startEditorStage } from './editorPage.ts';

interface EditorTestApi {
  ready(): boolean;
  graphReady(): boolean;
  text(): string;
  mentions(): string[];
}
type Win = Window & { editorTest: EditorTestApi };

const DOC_ID = 'doc-headless';
/** The sample meeting everyone came to: the LMS shortlist and the pilot's design. */
const SAMPLE_NOTES = 'sample-meeting-8';
const NOTES = `## Meeting 4 — actions

We agreed with [@Ada](repertoire:member/m-ada) to try [[[Learning walks]]](repertoire:practice/p-walks) in term 2.

- [x] Book the library
- [ ] Draft the observation sheet

| Option | Cost | Teachers' rank |
| --- | --- | --- |
| Google Classroom | included | 1 |
| Canvas | per student | 2 |

> None of us has all the answers.
`;

let stage: EditorStage;
let browser: Browser;
const providers: HocuspocusProvider[] = [];

/** A Node client of the stage's sync server, resolved once synced. */
function connect(name: string, doc: Y.Doc): Promise<HocuspocusProvider> {
  return new Promise((resolve) => {
    const provider = new HocuspocusProvider({
      url: stage.wsUrl,
      name,
      document: doc,
      WebSocketPolyfill: WebSocket,
      onSynced: () => resolve(provider),
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    providers.push(provider);
  });
}

async function settled(provider: HocuspocusProvider): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (provider.unsyncedChanges > 0) {
    if (Date.now() > deadline) throw new Error('the server did not acknowledge the write');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let page: Page;
let context: BrowserContext;
let written: string[];
const errors: string[] = [];

async function open(doc: string): Promise<Page> {
  const opened = await context.newPage();
  opened.on('pageerror', (e) => errors.push(String(e)));
  opened.on('console', (m) => {
    // The test page has no favicon; anything else logged as an error fails the test.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      errors.push(`${m.text()} ${m.location().url}`);
  });
  await opened.goto(stage.pageUrl({ member: 'm-bo', name: 'Bo', doc }));
  await opened.waitForFunction(() => (window as unknown as Win).editorTest?.ready());
  await opened.waitForFunction(() => (window as unknown as Win).editorTest.graphReady());
  return opened;
}

beforeAll(async () => {
  stage = await startEditorStage();
  // The community the chips refer to, made from Node like the document.
  const graph = new Y.Doc();
  const graphProvider = await connect('w1/graph', graph);
  const workspace = new Workspace(graph, { user: 'm-ada', id: 'w1' });
  for (const kind of ['member', 'practice', 'artifact'])
    workspace.registerEntityKind({
      kind,
      label: kind,
      pluralLabel: `${kind}s`,
      icon: 'circle',
      colour: '#888888',
      fields: [],
    });
  workspace.createEntity({ id: 'm-ada', kind: 'member', title: 'Ada' });
  workspace.createEntity({ id: 'p-walks', kind: 'practice', title: 'Learning walks' });
  workspace.createEntity({ id: DOC_ID, kind: 'artifact', title: 'Meeting notes', document: true });
  // The sample community beside it, its documents written headlessly as `serve --sample` does.
  const pending: Promise<void>[] = [];
  loadSampleCommunity(graph, {
    user: 'u_demo',
    id: 'w1',
    writeDocument: (id, markdown) => {
      const content = new Y.Doc();
      const mentioned = writeMarkdownDocument(content, markdown).map((t) => t.entityId);
      if (id === SAMPLE_NOTES)
        pending.push(
          connect(`w1/doc/${id}`, new Y.Doc()).then(async (provider) => {
            Y.applyUpdate(provider.document, Y.encodeStateAsUpdate(content));
            await settled(provider);
          }),
        );
      return mentioned;
    },
  });
  await Promise.all(pending);
  await settled(graphProvider);
  // The document, written headlessly and stored by the server before any browser opens it.
  const doc = new Y.Doc();
  const docProvider = await connect(`w1/doc/${DOC_ID}`, doc);
  written = writeMarkdownDocument(doc, NOTES).map((t) => t.entityId);
  // The stage's server keeps documents only while someone is connected: stay until the end.
  await settled(docProvider);

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  page = await open(DOC_ID);
  expect(errors).toEqual([]);
}, 180_000);

afterAll(async () => {
  for (const p of providers) p.destroy();
  await browser?.close();
  await stage?.close();
});

it('the browser editor opens a headlessly written document with its text, table, lists and chips', async () => {
  const editor = page.locator('[data-testid=editor]');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).editorTest.text()))
    .toContain('Meeting 4 — actions');
  await expect(editor.locator('h2').textContent()).resolves.toBe('Meeting 4 — actions');
  const cells = await editor
    .locator('table tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
    );
  expect(cells).toEqual([
    ['Option', 'Cost', "Teachers' rank"],
    ['Google Classroom', 'included', '1'],
    ['Canvas', 'per student', '2'],
  ]);
  const checks = await editor
    .locator('li[role=checkbox]')
    .evaluateAll((items) => items.map((li) => [li.textContent, li.getAttribute('aria-checked')]));
  expect(checks).toEqual([
    ['Book the library', 'true'],
    ['Draft the observation sheet', 'false'],
  ]);
  await expect(editor.locator('.rp-chip[data-entity-id=m-ada]').textContent()).resolves.toBe(
    '@Ada',
  );
  await expect(editor.locator('.rp-chip-link[data-entity-id=p-walks]').textContent()).resolves.toBe(
    'Learning walks',
  );
  expect(await editor.locator('.rp-chip-missing').count()).toBe(0);
  await expect(editor.locator('blockquote').textContent()).resolves.toBe(
    'None of us has all the answers.',
  );
  const dir = join(import.meta.dirname, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'editor-headless-document.png') });
});

it('the browser derives the same mentions from it as the headless writer did', async () => {
  expect(written.sort()).toEqual(['m-ada', 'p-walks']);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).editorTest.mentions().sort()))
    .toEqual(written);
});

it('a sample meeting’s notes open in the browser with every chip resolved to its entity', async () => {
  const notes = await open(SAMPLE_NOTES);
  const editor = notes.locator('[data-testid=editor]');
  await expect
    .poll(() => notes.evaluate(() => (window as unknown as Win).editorTest.text()))
    .toContain('LMS shortlist');
  expect(await editor.locator('h2').allTextContents()).toEqual([
    'Agenda',
    'Discussion',
    'Decisions',
    'Actions',
  ]);
  const chips = editor.locator('.rp-chip');
  expect(await chips.count()).toBeGreaterThan(10);
  expect(await editor.locator('.rp-chip-missing').count()).toBe(0);
  await expect(
    editor.locator('.rp-chip[data-entity-id=sample-member-aroha]').first().textContent(),
  ).resolves.toBe('@Aroha Williams');
  await expect(
    editor.locator('.rp-chip-link[data-entity-id=sample-practice-lmspilot]').first().textContent(),
  ).resolves.toBe('LMS pilot with two departments');
  expect(await editor.locator('li[role=checkbox]').count()).toBe(3);
  await mkdir(join(import.meta.dirname, 'screenshots'), { recursive: true });
  await notes.screenshot({
    path: join(import.meta.dirname, 'screenshots', 'sample-meeting-notes.png'),
    fullPage: true,
  });
  expect(errors).toEqual([]);
});
