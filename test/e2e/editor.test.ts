// Two members co-edit one document in Debian's Chromium through a real Hocuspocus server.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from '../src/chromium.ts';
import { type EditorStage, startEditorStage } from './editorPage.ts';

interface EditorTestApi {
  ready(): boolean;
  graphReady(): boolean;
  text(): string;
  mentions(): string[];
  undo(): void;
  goOffline(): void;
  goOnline(): void;
  rename(id: string, title: string): void;
  opened(): string[];
  entityByTitle(title: string): { id: string; kind: string } | null;
  markdown(): string;
}
type Win = Window & { editorTest: EditorTestApi };

let stage: EditorStage;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openAs(params: Record<string, string>): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error', e));
  await page.goto(stage.pageUrl(params));
  await page.waitForFunction(() => (window as unknown as Win).editorTest?.ready());
  return page;
}
const text = (page: Page) => page.evaluate(() => (window as unknown as Win).editorTest.text());
const until = async (page: Page, fn: string, arg?: unknown) =>
  page.waitForFunction(
    new Function('arg', `return (${fn})(window.editorTest, arg)`) as never,
    arg,
    {
      timeout: 15_000,
    },
  );

// The editor takes keys once its document holds a block (until then it is inert).
const READY_EDITOR = '.rp-editor[data-ready=true] [data-testid=editor]';

/** Puts the caret at the end of the document and types, key by key. */
async function typeAtEnd(page: Page, words: string, delay = 0) {
  await page.locator(READY_EDITOR).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words, { delay });
}

let ada: Page;
let bo: Page;

beforeAll(async () => {
  stage = await startEditorStage();
  browser = await launchChromium();
  ada = await openAs({ member: 'm-ada', name: 'Ada', colour: '#d33682', seed: '1' });
  await ada.waitForFunction(() => (window as unknown as Win).editorTest.graphReady());
  bo = await openAs({ member: 'm-bo', name: 'Bo', colour: '#268bd2' });
  await bo.waitForFunction(() => (window as unknown as Win).editorTest.graphReady());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await stage?.close();
});

describe('co-editing in the browser', () => {
  it('two members typing into the same paragraph at once converge and see each other', async () => {
    await typeAtEnd(ada, 'Agenda: ');
    await until(bo, '(t) => t.text().includes("Agenda: ")');
    await Promise.all([typeAtEnd(ada, 'adaada', 30), typeAtEnd(bo, 'bobobo', 30)]);
    await until(ada, '(t, want) => t.text().length === want', 'Agenda: '.length + 12);
    await until(bo, '(t, want) => t.text().length === want', 'Agenda: '.length + 12);
    const [a, b] = [await text(ada), await text(bo)];
    expect(a).toBe(b);
    expect([...a.slice(8)].sort().join('')).toBe([...'adaadabobobo'].sort().join(''));
    // Each sees the other's named cursor and both are listed as present.
    await expect
      .poll(() => ada.locator('.rp-cursors').textContent(), { timeout: 10_000 })
      .toContain('Bo');
    await expect
      .poll(() => bo.locator('.rp-cursors').textContent(), { timeout: 10_000 })
      .toContain('Ada');
    expect(await ada.locator('[data-testid=presence]').textContent()).toContain('Bo');
  });

  it("an @mention typed by one member becomes a relation in the other member's graph", async () => {
    await typeAtEnd(ada, ' ask @B');
    await ada.locator('[data-testid=entity-typeahead]').waitFor();
    await ada.keyboard.press('Enter');
    await ada.locator('.rp-chip[data-entity-id=m-bo]').waitFor();
    await bo.locator('.rp-chip[data-entity-id=m-bo]').waitFor();
    await until(bo, '(t) => t.mentions().includes("m-bo")');
    // The chip follows a rename made anywhere in the community.
    await bo.evaluate(() => (window as unknown as Win).editorTest.rename('m-bo', 'Bo Lindqvist'));
    await expect
      .poll(() => ada.locator('.rp-chip[data-entity-id=m-bo]').textContent(), { timeout: 10_000 })
      .toBe('@Bo Lindqvist');
  });

  it("undo by one member removes only their own words, never the other member's", async () => {
    await ada.locator(READY_EDITOR).click();
    await ada.keyboard.press('Control+End');
    await ada.keyboard.press('Enter');
    await ada.keyboard.type('Ada proposes peer rounds.');
    await until(bo, '(t) => t.text().includes("peer rounds.")');
    await bo.waitForTimeout(600); // let Ada's typing close as one undo step
    await typeAtEnd(bo, ' Bo agrees.');
    await until(ada, '(t) => t.text().includes("Bo agrees.")');
    await ada.locator(READY_EDITOR).click();
    await ada.keyboard.press('Control+z');
    await until(ada, '(t) => !t.text().includes("Ada proposes")');
    await until(bo, '(t) => !t.text().includes("Ada proposes")');
    expect(await text(ada)).toContain('Bo agrees.');
    expect(await text(bo)).toContain('Bo agrees.');
    // Only her last step: what she wrote before she moved the caret and pressed Enter stays.
    expect(await text(ada)).toContain('Agenda: ');
    expect(await text(ada)).toContain('ask @Bo');
    expect(await text(ada)).toBe(await text(bo));
  });

  it('an edit made offline merges with the edits made meanwhile', async () => {
    await bo.evaluate(() => (window as unknown as Win).editorTest.goOffline());
    await typeAtEnd(bo, ' Bo wrote this offline.');
    await typeAtEnd(ada, ' Ada wrote this online.');
    await bo.waitForTimeout(300);
    expect(await text(ada)).not.toContain('offline');
    await bo.evaluate(() => (window as unknown as Win).editorTest.goOnline());
    await until(ada, '(t) => t.text().includes("Bo wrote this offline.")');
    await until(bo, '(t) => t.text().includes("Ada wrote this online.")');
    expect(await text(ada)).toBe(await text(bo));
  });
});

describe('links, status and versions in the browser', () => {
  it('[[ offers to create an entity of a chosen kind from what was typed, and links it', async () => {
    await typeAtEnd(ada, ' Try [[Peer rounds');
    const menu = ada.locator('[data-testid=entity-typeahead]');
    await menu.getByText('New artifact “Peer rounds”').waitFor();
    // Keyboard driven: arrow down to the artifact option, then Enter.
    for (let i = 0; i < 10; i++) {
      const selected = await menu.locator('[aria-selected=true]').textContent();
      if (selected?.includes('New artifact')) break;
      await ada.keyboard.press('ArrowDown');
    }
    await ada.keyboard.press('Enter');
    const chip = ada.locator('.rp-chip-link', { hasText: 'Peer rounds' });
    await chip.waitFor();
    await until(bo, '(t) => t.entityByTitle("Peer rounds")?.kind === "artifact"');
    const created = await bo.evaluate(() =>
      (window as unknown as Win).editorTest.entityByTitle('Peer rounds'),
    );
    await until(bo, '(t, id) => t.mentions().includes(id)', created?.id);
    await bo.locator(`.rp-chip[data-entity-id="${created?.id}"]`).waitFor();
    // The chip opens the entity it names.
    await chip.click();
    expect(await ada.evaluate(() => (window as unknown as Win).editorTest.opened())).toContain(
      created?.id,
    );
  });

  it('shows the word count and who edited the document last', async () => {
    const words = async (page: Page) =>
      Number.parseInt((await page.locator('[data-testid=word-count]').textContent()) ?? '', 10);
    // The same Unicode word rules the editor counts by.
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    const expected = async () =>
      [...segmenter.segment(await text(ada))].filter((s) => s.isWordLike).length;
    const before = await expected();
    await typeAtEnd(ada, ' three more words');
    await until(bo, '(t) => t.text().endsWith("three more words")');
    expect(await expected()).toBe(before + 3);
    await expect.poll(() => words(ada), { timeout: 10_000 }).toBe(before + 3);
    await expect.poll(() => words(bo), { timeout: 10_000 }).toBe(before + 3);
    const editors = await bo.locator('[data-testid=last-editors]').textContent();
    expect(editors).toContain('Ada');
    expect(editors).toContain('Bo (you)');
  });

  it('a named version can be viewed and restored, and the restore reaches the other member', async () => {
    const toggle = ada.getByRole('button', { name: 'Versions' });
    await toggle.click();
    await ada.getByLabel('Version name').fill('Before the rewrite');
    await ada.getByRole('button', { name: 'Save version' }).click();
    await ada.getByText('Saved “Before the rewrite”.').waitFor();
    await toggle.click();
    const before = await text(ada);
    await typeAtEnd(ada, ' A sentence added after the version.');
    await until(bo, '(t) => t.text().includes("added after the version")');
    await toggle.click();
    await ada.getByRole('button', { name: 'View' }).click();
    const view = ada.locator('[data-testid=version-view]');
    await view.waitFor();
    expect(await view.textContent()).toContain('Agenda:');
    expect(await view.textContent()).not.toContain('added after the version');
    await ada.getByRole('button', { name: 'Restore' }).click();
    await until(bo, '(t) => !t.text().includes("added after the version")');
    expect(await text(bo)).toBe(before);
    expect(await text(ada)).toBe(before);
    await toggle.click();
  });

  it('exports the document as Markdown and HTML and imports Markdown in its place', async () => {
    const menu = ada.getByRole('button', { name: 'Export' });
    const exported = async (item: string) => {
      await menu.click();
      const [file] = await Promise.all([
        ada.waitForEvent('download'),
        ada.getByRole('menuitem', { name: item }).click(),
      ]);
      return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
    };
    const md = await exported('Markdown (.md)');
    expect(md.name).toBe('doc-1.md');
    expect(md.text).toContain('Bo agrees.');
    expect(md.text).toContain('(repertoire:artifact/');
    const html = await exported('Web page (.html)');
    expect(html.name).toBe('doc-1.html');
    expect(html.text).toContain('<meta charset="utf-8">');
    expect(html.text).toContain('Bo agrees.');
    await menu.click();
    await ada.getByLabel('Markdown file to import').setInputFiles({
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Imported notes\n\n- observe\n- talk\n'),
    });
    await until(bo, '(t) => t.text().startsWith("Imported notes")');
    expect(await text(bo)).not.toContain('Bo agrees.');
    expect(await text(bo)).toContain('observe');
    expect(await text(ada)).toBe(await text(bo));
  });

  it('a list pasted from Word arrives as a list, for the other member too', async () => {
    await typeAtEnd(ada, '');
    await ada.keyboard.press('Enter');
    const item = (text: string, n: number) =>
      `<p class="MsoListParagraph" style="text-indent:-18pt;mso-list:l0 level1 lfo1">` +
      `<span style="mso-list:Ignore">${n}.<span>&nbsp; </span></span>${text}<o:p></o:p></p>`;
    const html =
      '<html><head><meta name="Generator" content="Microsoft Word 15"></head><body>' +
      `${item('Plan the walk', 1)}${item('Walk in pairs', 2)}</body></html>`;
    await ada.evaluate((pasted) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', pasted);
      transfer.setData('text/plain', 'Plan the walk\nWalk in pairs');
      const editor = document.querySelector('[data-testid=editor]') as HTMLElement;
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, html);
    await until(bo, '(t) => t.text().includes("Walk in pairs")');
    const markdown = await bo.evaluate(() => (window as unknown as Win).editorTest.markdown());
    expect(markdown).toContain('1. Plan the walk\n2. Walk in pairs');
  });
});
