// The web app under the server's Content-Security-Policy: the real server and the real built app in
// Debian's Chromium. The page must carry the header and load, show the graph, open an entity and
// run a sandboxed third-party plugin without one violation of the policy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand as palette } from './palette.ts';
import { enablePlugin, openWorkbench, pluginStage } from './pluginStage.ts';
import { DEMO, signedIn } from './signedIn.ts';

const SLOW = { timeout: 60_000 };

/** A graph.read plugin as a server ships one: a manifest and one plain ES module. */
function writePlugin(dir: string): void {
  const folder = join(dir, 'practice-counter');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: 'practice-counter',
      version: '1.0.0',
      type: 'module',
      repertoire: {
        id: 'acme.practice-counter',
        displayName: 'Practice counter',
        version: '1.0.0',
        engines: { repertoire: '^1.0.0' },
        main: './index.js',
        activationEvents: ['onCommand:practices.count'],
        permissions: ['graph.read'],
        contributes: { commands: [{ id: 'practices.count', title: 'Practices: Count' }] },
      },
    }),
  );
  writeFileSync(
    join(folder, 'index.js'),
    `export function activate(context) {
  context.subscriptions.push(context.commands.registerCommand('practices.count', async () =>
    (await context.graph.entities({ kind: 'practice' })).length));
}
`,
  );
}

const served = pluginStage('repertoire-csp-plugins-', writePlugin);

describe('the web app under its Content-Security-Policy', () => {
  it('is served with the policy and works with zero violations, sandboxed plugins included', async () => {
    const context = await signedIn(served.browser, served.stage.url, DEMO, {
      width: 1280,
      height: 800,
    });
    // Recorded in every frame (the app's and each plugin sandbox's) before any of their scripts.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`),
      );
    });
    const page = await context.newPage();
    const complaints: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) complaints.push(message.text());
    });
    page.on('pageerror', (error) => complaints.push(String(error)));

    const response = await openWorkbench(page, served.stage.url);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' blob:;/);
    expect(policy).toContain("frame-ancestors 'none'");

    // The graph (a layout Worker, a canvas) and an entity page (the editor) under the policy.
    await palette(page, 'Open Graph');
    await page.locator('.rp-graph-view canvas').first().waitFor(SLOW);
    await page.getByRole('tree', { name: 'Community' }).locator('.rp-explorer-row').first().click();

    // The third-party plugin, enabled, runs in its sandbox frame under both policies.
    await enablePlugin(page, 'Practice counter');
    const count = () =>
      page.evaluate(async () => {
        const host = (window as unknown as { repertoireHost: { execute(id: string): unknown } })
          .repertoireHost;
        try {
          return await host.execute('practices.count');
        } catch (error) {
          return String(error);
        }
      });
    await expect.poll(count, SLOW).toEqual(expect.any(Number));
    expect(await count()).toBeGreaterThan(0);

    const violations = await Promise.all(
      page
        .frames()
        .map((frame) =>
          frame.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []),
        ),
    );
    expect(violations.flat()).toEqual([]);
    expect(complaints).toEqual([]);
    expect(page.frames().length).toBeGreaterThan(1);
    await context.close();
  }, 170_000);
});
