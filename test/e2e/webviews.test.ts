// A third-party plugin's webview view in the real app: installed on the real server, enabled from
// the palette, opened in an editor tab, rendered in a sandboxed iframe with the workbench's theme,
// and talking to its plugin's Worker. In Debian's Chromium, under the app's CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand as palette } from './palette.ts';
import { enablePlugin, openWorkbench, pluginStage } from './pluginStage.ts';
import { DEMO, signedIn } from './signedIn.ts';

const SLOW = { timeout: 60_000 };

const viewScript = `
const out = document.getElementById('members');
repertoireWebview.onMessage((message) => { out.textContent = message.count + ' members'; });
document.getElementById('refresh').onclick = () => repertoireWebview.postMessage({ ask: 'count' });
repertoireWebview.postMessage({ ask: 'count' });
`;

function writeDashboard(dir: string): void {
  const folder = join(dir, 'dashboard');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: 'dashboard',
      version: '1.0.0',
      type: 'module',
      repertoire: {
        id: 'acme.dashboard',
        displayName: 'Community dashboard',
        version: '1.0.0',
        engines: { repertoire: '^1.0.0' },
        main: './index.js',
        activationEvents: ['onView:acme.dashboard'],
        permissions: ['graph.read'],
        contributes: {
          views: [{ id: 'acme.dashboard', name: 'Dashboard', location: 'editor' }],
        },
      },
    }),
  );
  writeFileSync(
    join(folder, 'index.js'),
    `const viewScript = ${JSON.stringify(viewScript)};
export function activate(context) {
  context.subscriptions.push(context.webviews.registerWebviewViewProvider('acme.dashboard', {
    resolveWebviewView(view) {
      view.webview.setContent({
        html: '<h1>Our community</h1><p id="members">counting…</p><button id="refresh">Refresh</button>',
        css: 'body { color: var(--rp-fg); background: var(--rp-bg); font-family: var(--rp-font); }',
        script: viewScript,
      });
      view.webview.onDidReceiveMessage(async (message) => {
        if (message.ask !== 'count') return;
        const members = await context.graph.entities({ kind: 'member' });
        await view.webview.postMessage({ count: members.length });
      });
    },
  }));
}
`,
  );
}

const served = pluginStage('repertoire-webview-plugins-', writeDashboard);

describe('webview views in the app', () => {
  it("show a sandboxed plugin's dashboard in an editor tab, themed and live", async () => {
    const context = await signedIn(served.browser, served.stage.url, DEMO, {
      width: 1280,
      height: 800,
    });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    const page = await context.newPage();
    await openWorkbench(page, served.stage.url);

    await enablePlugin(page, 'Community dashboard');
    await palette(page, 'Open Dashboard');

    await expect
      .poll(() => page.frame({ name: 'webview:acme.dashboard' }) !== null, SLOW)
      .toBe(true);
    const view = page.frame({ name: 'webview:acme.dashboard' });
    if (!view) throw new Error('the dashboard frame is gone');
    await expect.poll(() => view.locator('#members').textContent(), SLOW).toBe('9 members');
    // The theme came in: the view's text has the workbench's foreground colour.
    const workbenchColour = await page.evaluate(() =>
      getComputedStyle(document.body).getPropertyValue('color'),
    );
    expect(await view.locator('body').evaluate((b) => getComputedStyle(b).color)).toBe(
      workbenchColour,
    );
    // Each click is a round trip through the bridge to the plugin's Worker and back.
    await view.locator('#members').evaluate((element) => {
      element.textContent = 'asking…';
    });
    await view.locator('#refresh').click();
    await expect.poll(() => view.locator('#members').textContent(), SLOW).toBe('9 members');
    expect(await view.evaluate(() => String(self.origin))).toBe('null');

    const violations = await Promise.all(
      page
        .frames()
        .map((frame) =>
          frame.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []),
        ),
    );
    expect(violations.flat()).toEqual([]);
    await page
      .screenshot({ path: join(import.meta.dirname, 'screenshots', 'webview-dashboard.png') })
      .catch(() => undefined);
    await context.close();
  }, 170_000);
});
