// A third-party plugin's declarative views and analysis in the real app (API 1.4): installed on the
// real server, enabled from the palette, run in the Worker sandbox. It ships a list, a form and a
// chart as plain data (the workbench renders them with its own components, the chart with
// Chart.js), an analysis run from the palette, a view that sends garbage (its error shows in the
// view, the workbench carries on) and a webview home section on the Community page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from './palette.ts';
import { enablePlugin, openWorkbench, pluginStage } from './pluginStage.ts';
import { DEMO, signedIn } from './signedIn.ts';

const SLOW = { timeout: 60_000 };

const pluginSource = `
export function activate(ctx) {
  const listeners = new Set();
  const onDidChange = (listener) => {
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  };
  const notes = async () => (await ctx.storage.get('notes')) ?? [];
  const byKind = async () => {
    const counts = new Map();
    for (const entity of await ctx.graph.entities({})) counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);
    const kinds = [...counts.keys()].sort();
    return {
      type: 'chart', chart: 'bar', title: 'Entities by kind', labels: kinds,
      series: [{ label: 'Entities', data: kinds.map((k) => counts.get(k)) }],
    };
  };
  ctx.subscriptions.push(
    ctx.views.registerViewProvider('notes.list', {
      onDidChange,
      async resolve() {
        return {
          type: 'list', emptyText: 'No notes yet: add one with "Add a note".',
          items: (await notes()).map((n, i) => ({ id: String(i), label: n.title, description: n.mood, icon: 'file-text' })),
        };
      },
    }),
    ctx.views.registerViewProvider('notes.add', {
      resolve: () => ({
        type: 'form', title: 'Add a note', submitLabel: 'Add',
        fields: [
          { name: 'title', label: 'Title', type: 'string', required: true },
          { name: 'mood', label: 'Mood', type: 'enum', options: ['glad', 'sad'], required: true },
          { name: 'weight', label: 'Weight', type: 'number', min: 1, max: 5 },
        ],
      }),
      async submit(values) {
        await ctx.storage.set('notes', [...(await notes()), { title: values.title, mood: values.mood }]);
        for (const l of listeners) l();
        return { message: 'Added ' + values.title };
      },
    }),
    ctx.views.registerViewProvider('notes.kinds', { resolve: byKind }),
    ctx.views.registerViewProvider('notes.broken', {
      resolve: () => ({ type: 'list', items: [{ id: 7, label: ['not', 'text'] }] }),
    }),
    ctx.analyses.registerAnalysis('notes.byKind', { run: byKind }),
    ctx.webviews.registerWebviewViewProvider('notes.home', {
      resolveWebviewView(view) {
        view.webview.setContent({
          html: '<p id="count">counting…</p><p id="shown"></p>',
          script: [
            "repertoireWebview.onMessage((m) => { document.getElementById('count').textContent = m.count + ' members'; });",
            "repertoireWebview.postMessage('count');",
            // The state the host keeps for the view: how often it has been shown.
            "const state = repertoireWebview.getState() ?? { shown: 0 };",
            "state.shown += 1;",
            "repertoireWebview.setState(state);",
            "document.getElementById('shown').textContent = String(state.shown);",
          ].join(' '),
        });
        view.webview.onDidReceiveMessage(async () => {
          await view.webview.postMessage({ count: (await ctx.graph.entities({ kind: 'member' })).length });
        });
      },
    }),
  );
}
`;

function writeNotesPlugin(dir: string): void {
  const folder = join(dir, 'notes');
  mkdirSync(folder);
  const view = (id: string, name: string) => ({ id, name, location: 'editor', activityBar: false });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: 'notes',
      version: '1.0.0',
      type: 'module',
      repertoire: {
        id: 'acme.notes',
        displayName: 'Team notes',
        version: '1.0.0',
        engines: { repertoire: '^1.4.0' },
        main: './index.js',
        activationEvents: [
          'onView:notes.list',
          'onView:notes.add',
          'onView:notes.kinds',
          'onView:notes.broken',
          'onView:notes.home',
          'onAnalysis:notes.byKind',
        ],
        permissions: ['graph.read'],
        contributes: {
          views: [
            view('notes.list', 'Team notes'),
            view('notes.add', 'Add a note'),
            view('notes.kinds', 'Kinds chart'),
            view('notes.broken', 'Broken notes'),
            { id: 'notes.home', name: 'Members card', location: 'home', order: 5 },
          ],
          analyses: [
            { id: 'notes.byKind', label: 'Entities by kind', description: 'How many of each' },
          ],
        },
      },
    }),
  );
  writeFileSync(join(folder, 'index.js'), pluginSource);
}

const served = pluginStage('repertoire-declarative-plugins-', writeNotesPlugin);

describe("a sandboxed plugin's declarative views in the app", () => {
  it('renders its list, form, chart, analysis and home section; garbage shows as an error in its view', async () => {
    const context = await signedIn(served.browser, served.stage.url, DEMO, {
      width: 1280,
      height: 900,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openWorkbench(page, served.stage.url);
    await enablePlugin(page, 'Team notes');

    // Enabling goes through the server; the plugin's views arrive in the palette after it answers.
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.rp-palette-input').fill('>Open Team notes');
        const found = await page
          .locator('[cmdk-item]')
          .filter({ hasText: 'Open Team notes' })
          .count();
        await page.keyboard.press('Escape');
        return found;
      }, SLOW)
      .toBeGreaterThan(0);
    // The list starts empty and says what to do.
    await runCommand(page, 'Open Team notes');
    await page.getByRole('tab', { name: /Team notes/ }).waitFor(SLOW);
    await expect
      .poll(() => page.locator('.rp-empty').filter({ hasText: 'No notes yet' }).count(), SLOW)
      .toBe(1)
      .catch(async (error) => {
        await page.screenshot({
          path: join(import.meta.dirname, 'screenshots', 'declarative-failure.png'),
        });
        throw error;
      });

    // The form: a required field left empty is refused by the browser; a filled form reaches the
    // plugin in its Worker, which answers, and the list follows.
    await runCommand(page, 'Open Add a note');
    const form = page.getByRole('form', { name: 'Add a note' });
    await form.waitFor(SLOW);
    await form.getByRole('button', { name: 'Add' }).click();
    expect(await form.locator(':invalid').count()).toBeGreaterThan(0);
    expect(await form.getByRole('status').count()).toBe(0);
    await form.getByLabel('Title').fill('Circle time went well');
    await form.getByLabel('Mood').selectOption('glad');
    await form.getByLabel('Weight').fill('4');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent(), SLOW)
      .toBe('Added Circle time went well');
    await runCommand(page, 'Open Team notes');
    const row = page.locator('[data-list-item="0"]');
    await row.waitFor(SLOW);
    expect(await row.innerText()).toContain('Circle time went well');
    expect(await row.innerText()).toContain('glad');

    // The chart: drawn by Chart.js on a canvas (the library loads when the first chart shows;
    // `data-drawn` says it has drawn), its data also as a table.
    await runCommand(page, 'Open Kinds chart');
    const chart = page.locator('.rp-chart-view[data-chart="bar"][data-drawn="true"]').first();
    await chart.waitFor(SLOW);
    expect(await chart.locator('canvas').getAttribute('aria-label')).toBe('Entities by kind');
    const memberRow = chart
      .locator('tr')
      .filter({ has: page.locator('th', { hasText: /^member$/ }) });
    expect(await memberRow.locator('td').textContent()).toBe('9');
    const drawn = await chart
      .locator('canvas')
      .evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0);
    expect(drawn).toBe(true);

    // The analysis, from the palette: its tab runs it in the plugin's Worker and shows the chart.
    await runCommand(page, 'Run an analysis');
    await page.locator('[cmdk-item]').filter({ hasText: 'Entities by kind' }).first().click();
    const analysis = page.locator('[data-analysis="notes.byKind"]');
    await analysis.locator('.rp-chart-view canvas').waitFor(SLOW);
    expect(await analysis.locator('h1').innerText()).toBe('Entities by kind');

    // Garbage from the plugin: a clear error in that view; the workbench works on.
    await runCommand(page, 'Open Broken notes');
    const alert = page.getByRole('alert').filter({ hasText: 'cannot show' });
    await alert.waitFor(SLOW);
    expect(await alert.innerText()).toMatch(
      /view notes.broken sent content the workbench cannot show: content.items.0.id/,
    );

    // The home section, a sandboxed webview, on the Community page.
    await runCommand(page, 'Open Community');
    const section = page.locator('[data-home-section="notes.home"]');
    await section.locator('iframe').waitFor(SLOW);
    await expect
      .poll(
        async () => page.frame({ name: 'webview:notes.home' })?.locator('#count').textContent(),
        SLOW,
      )
      .toBe('9 members');

    const shown = async () =>
      Number(await page.frame({ name: 'webview:notes.home' })?.locator('#shown').textContent());
    await expect.poll(shown, SLOW).toBeGreaterThan(0);
    const before = await shown();
    // The section is sized to its content, not the frame's default 150 px.
    const height = await section
      .locator('iframe')
      .evaluate((f) => f.getBoundingClientRect().height);
    expect(height).toBeLessThan(140);
    await page
      .screenshot({ path: join(import.meta.dirname, 'screenshots', 'declarative-views.png') })
      .catch(() => undefined);

    // After a reload the sandboxed plugin's section is back, with the state its view saved.
    await page.reload();
    await page
      .getByRole('tree', { name: 'Community' })
      .locator('.rp-explorer-row')
      .first()
      .waitFor(SLOW);
    await runCommand(page, 'Open Community');
    await page.locator('[data-home-section="notes.home"] iframe').waitFor(SLOW);
    await expect.poll(shown, SLOW).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
