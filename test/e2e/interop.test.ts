// Import and export end to end: the real web app and server in Debian's Chromium. A facilitator
// imports an Obsidian vault from the palette through the browser's own file picker, reads the
// preview, imports, undoes it from the notification, imports again, and downloads the community
// as GEXF, which graphology reads back.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from '@repertoire/interop';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/chromium.ts';
import { signUpWithWorkspace } from './signedIn.ts';
import { seriousAxeFindings } from './workbenchAxe.ts';
import { startWorkbenchStage, type WorkbenchStage } from './workbenchStage.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
const SLOW = { timeout: 30_000 };
mkdirSync(SHOTS, { recursive: true });

let stage: WorkbenchStage;
let browser: Browser;

beforeAll(async () => {
  [stage, browser] = await Promise.all([startWorkbenchStage(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `interop-${name}.png`) });

/** The committee's vault: three notes of known kinds and a meeting note linking them. */
const VAULT = writeZip([
  {
    path: 'Practices/Peer observation.md',
    text: '---\nkind: practice\n---\nHelps with [[Quiet students]].',
  },
  {
    path: 'Practices/Think pair share.md',
    text: '---\nkind: practice\n---\nPairs well with [[Peer observation]].',
  },
  {
    path: 'Problems/Quiet students.md',
    text: '---\nkind: problem\n---\nStudents who never speak in class.',
  },
  {
    path: 'Notes/Kick-off.md',
    text: 'We tried [[Peer observation]] and [[Think pair share]]; see [[Missing page]].',
  },
]);

async function palette(page: Page, command: string) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.rp-palette-input').fill(`>${command}`);
  await page.locator('[cmdk-item]').filter({ hasText: command }).first().click();
}

const pick = (page: Page, label: string) =>
  page.locator('[cmdk-item]').filter({ hasText: label }).first().click();

const row = (page: Page, title: string) =>
  page.getByRole('tree', { name: 'Community' }).getByRole('treeitem', { name: title, exact: true });

/** Runs the vault import from the palette up to its preview. */
async function startVaultImport(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await palette(page, 'Import a Markdown or Obsidian vault');
  await (await chooser).setFiles({
    name: 'committee.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(VAULT),
  });
  await pick(page, 'Artifact');
  await page.locator('.rp-palette-title', { hasText: 'Import committee.zip?' }).waitFor(SLOW);
}

/** The committee's member sheet: a mentor column, a notes column to leave out, a ragged row. */
const MEMBERS = [
  'Name,Role,Mentor,Joined,Notes',
  'Ana Lopez,facilitator,,2024-09-01,started the group',
  'Ben Ortiz,member,Ana Lopez,2025-01-15,new this year',
  'Zoe Quinn,member',
  'Chloe Park,guest,Ben Ortiz,2025-03-02,',
].join('\n');

/** A vault big enough that reading it takes a while: 20,000 short notes. */
function bigVault(): Uint8Array {
  return writeZip(
    Array.from({ length: 20_000 }, (_, i) => ({
      path: `Notes/Big note ${i + 1}.md`,
      text: `Note ${i + 1}.`,
    })),
  );
}

function signUp(page: Page, email: string) {
  return signUpWithWorkspace(page, stage.url, {
    name: 'Ana Facilitator',
    email,
    workspace: 'E-learning committee',
  });
}

describe('import and export in the browser', () => {
  it('imports a vault with a preview, undoes it, and downloads GEXF', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, 'ana@school.test');

    // The preview says what would come in and what could not, before anything changes.
    await startVaultImport(page);
    const preview = page.locator('[cmdk-item]');
    await expect
      .poll(() => preview.first().textContent(), SLOW)
      .toContain('4 entities, 4 relations');
    await expect
      .poll(async () => (await preview.allTextContents()).join(' | '))
      .toContain('[[Missing page]] in Notes/Kick-off.md line 1');
    await shot(page, 'preview');
    await expect(row(page, 'Peer observation').count()).resolves.toBe(0);

    await pick(page, 'Import');
    await row(page, 'Peer observation').waitFor(SLOW);
    await row(page, 'Quiet students').waitFor(SLOW);
    await shot(page, 'imported');

    // One step undoes the whole import.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row(page, 'Peer observation').count(), SLOW).toBe(0);
    await expect.poll(() => row(page, 'Kick-off').count(), SLOW).toBe(0);

    await startVaultImport(page);
    await pick(page, 'Import');
    await row(page, 'Think pair share').waitFor(SLOW);

    // Each note's text is its co-edited document, its links shown as chips.
    await row(page, 'Kick-off').click();
    const editor = page.locator('[data-testid=editor]').first();
    await expect.poll(() => editor.textContent(), SLOW).toContain('We tried');
    await expect
      .poll(() => editor.locator('.rp-chip', { hasText: 'Peer observation' }).count(), SLOW)
      .toBe(1);
    await expect(editor.locator('.rp-chip', { hasText: 'Think pair share' }).count()).resolves.toBe(
      1,
    );
    await expect(editor.textContent()).resolves.toContain('[[Missing page]]');
    await shot(page, 'note-document');

    // Out again, for Gephi: a download graphology reads back with every entity and relation.
    const download = page.waitForEvent('download');
    await palette(page, 'Export for Gephi');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^repertoire-\d{4}-\d{2}-\d{2}\.gexf$/);
    const saved = join(SHOTS, 'interop-export.gexf');
    await file.saveAs(saved);
    const g = gexf.parse(MultiGraph, readFileSync(saved, 'utf8'), {
      allowUndeclaredAttributes: true,
    });
    expect(g.order).toBe(4);
    expect(g.size).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('maps a spreadsheet’s columns on a screen of its own, with the first rows and problems by row', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, 'ana.csv@school.test');

    const chooser = page.waitForEvent('filechooser');
    await palette(page, 'Import a spreadsheet');
    await (await chooser).setFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(MEMBERS),
    });
    await pick(page, 'Member');
    const screen = page.getByRole('region', { name: 'Map the columns of members.csv' });
    await screen.waitFor(SLOW);
    // A step of the import, not a place of its own: no activity bar button.
    await expect(
      page
        .locator('.rp-activitybar')
        .getByRole('button', { name: 'Open Spreadsheet import' })
        .count(),
    ).resolves.toBe(0);
    // Guessed from the header: Name is the title, the rest are fields.
    await expect(screen.getByLabel('Use of column Name').inputValue()).resolves.toBe('title');
    await expect(screen.getByLabel('Use of column Mentor').inputValue()).resolves.toBe(
      'field:string',
    );
    const problems = screen.getByRole('region', { name: 'Problems by row' });
    await expect
      .poll(() => problems.textContent(), SLOW)
      .toContain('row 3, line 4: has 2 cells where the header has 5');

    // Mentor names other rows: a relation; Notes stay behind.
    await screen.getByLabel('Use of column Mentor').selectOption('relation');
    await screen.getByLabel('Relation type of column Mentor').fill('mentors');
    await screen.getByLabel('Relation type of column Mentor').press('Tab');
    await screen.getByLabel('Use of column Notes').selectOption('skip');
    const preview = screen.getByRole('region', { name: 'Preview of the first rows' });
    await expect.poll(() => preview.textContent(), SLOW).toContain('mentors → Ana Lopez');
    await expect(preview.textContent()).resolves.toContain(
      '3 rows would become entities and 2 relations',
    );
    await expect(preview.textContent()).resolves.not.toContain('started the group');
    await shot(page, 'csv-mapping');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await expect(row(page, 'Ana Lopez').count()).resolves.toBe(0);

    // By keyboard: the button is reached and pressed like any other.
    await screen.getByRole('button', { name: 'Continue to the import preview' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.rp-palette-title', { hasText: 'Import members.csv?' }).waitFor(SLOW);
    await expect
      .poll(() => page.locator('[cmdk-item]').first().textContent(), SLOW)
      .toContain('3 entities, 2 relations');
    await pick(page, 'Import');
    await row(page, 'Chloe Park').waitFor(SLOW);
    await row(page, 'Ana Lopez').waitFor(SLOW);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows a long import’s progress and cancels it, changing nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, 'ana.cancel@school.test');
    const before = await page
      .getByRole('tree', { name: 'Community' })
      .getByRole('treeitem')
      .count();

    const chooser = page.waitForEvent('filechooser');
    await palette(page, 'Import a Markdown or Obsidian vault');
    await (await chooser).setFiles({
      name: 'big.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(bigVault()),
    });
    await pick(page, 'Artifact');
    const bar = page.getByRole('progressbar', { name: 'Reading big.zip' });
    await bar.waitFor(SLOW);
    await shot(page, 'progress');
    await page
      .getByRole('status')
      .filter({ has: bar })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await page.getByText('The import of big.zip was cancelled; nothing changed.').waitFor(SLOW);
    await expect(bar.count()).resolves.toBe(0);
    await expect(
      page.locator('.rp-palette-title', { hasText: 'Import big.zip?' }).count(),
    ).resolves.toBe(0);
    await expect(row(page, 'Big note 1').count()).resolves.toBe(0);
    await expect(
      page.getByRole('tree', { name: 'Community' }).getByRole('treeitem').count(),
    ).resolves.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
