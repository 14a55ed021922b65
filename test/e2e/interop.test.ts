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

describe('import and export in the browser', () => {
  it('imports a vault with a preview, undoes it, and downloads GEXF', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(stage.url);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Ana Facilitator');
    await page.getByLabel('Email').fill('ana@school.test');
    await page.getByLabel('Password').fill('practice-makes-progress');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('New workspace').fill('E-learning committee');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('tree', { name: 'Community' }).waitFor(SLOW);

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
});
