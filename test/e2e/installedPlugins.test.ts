// A third-party plugin installed on the server (`serve --plugins <dir>`) reaches members' browsers:
// the web app lists it from the server, loads it into the Web Worker sandbox, and holds it to its
// declared permissions. The real server and the real web app, in Debian's Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enablePlugin, openWorkbench, pluginStage } from './pluginStage.ts';
import { signedIn } from './signedIn.ts';

/** A plugin as a server ships one: a manifest and one plain ES module, no imports. */
function writeCounterPlugin(dir: string): void {
  const folder = join(dir, 'member-counter');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: 'member-counter',
      version: '1.0.0',
      type: 'module',
      repertoire: {
        id: 'acme.member-counter',
        displayName: 'Member counter',
        version: '1.0.0',
        engines: { repertoire: '^1.0.0' },
        main: './index.js',
        activationEvents: ['onCommand:counter.count', 'onCommand:counter.add'],
        permissions: ['graph.read'],
        contributes: {
          commands: [
            { id: 'counter.count', title: 'Counter: Count members' },
            { id: 'counter.add', title: 'Counter: Add a member' },
          ],
        },
      },
    }),
  );
  writeFileSync(
    join(folder, 'index.js'),
    `export function activate(context) {
  context.subscriptions.push(
    context.commands.registerCommand('counter.count', async () =>
      (await context.graph.entities({ kind: 'member' })).length),
    context.commands.registerCommand('counter.add', async () => {
      await context.graph.transact((tx) => tx.createEntity({ kind: 'member', title: 'Intruder' }));
      return 'written';
    }),
  );
}
`,
  );
}

const served = pluginStage('repertoire-installed-plugins-', writeCounterPlugin, 120_000);

/** Runs a plugin command the way the palette does, in the page; returns its result or error. */
const run = (page: Page, command: string) =>
  page.evaluate(async (id) => {
    const host = (window as unknown as { repertoireHost: { execute(id: string): unknown } })
      .repertoireHost;
    try {
      return { result: await host.execute(id) };
    } catch (error) {
      return { error: String(error) };
    }
  }, command);

describe('plugins installed on the server', () => {
  it('run sandboxed in the browser and may only do what their manifest allows', async () => {
    const context = await signedIn(served.browser, served.stage.url);
    const page = await context.newPage();
    await openWorkbench(page, served.stage.url);

    // Installed on the server, but disabled until someone who can edit the workspace enables it.
    expect((await run(page, 'counter.count')).error).toMatch(/counter\.count/);
    await enablePlugin(page, 'Member counter');
    await expect
      .poll(async () => (await run(page, 'counter.count')).result, { timeout: 30_000 })
      .toBe(9);
    const refused = await run(page, 'counter.add');
    expect(refused.error).toMatch(/graph\.write/);
    // The refused write changed nothing.
    expect(await run(page, 'counter.count')).toEqual({ result: 9 });
  });
});
