import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import {
  type Browser,
  type BuiltPage,
  freePort,
  launchChromium,
  serveBuiltPage,
} from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Webview views in real Chromium: a sandboxed plugin's dashboard renders in an opaque-origin iframe
// under a strict CSP, with the workbench's theme passed in and a message bridge to the plugin's
// Worker. A loopback listener checks that the view reaches nobody.

const view = (id: string, name: string) => ({ id, name, location: 'panel' });
const manifest = (id: string, views: { id: string; name: string; location: string }[]) => ({
  name: `@third/${id}`,
  repertoire: {
    id,
    displayName: id,
    version: '1.0.0',
    engines: { repertoire: '^1.0.0' },
    main: `./${id}.js`,
    activationEvents: views.map((v) => `onView:${v.id}`),
    permissions: ['graph.read'],
    contributes: { views },
  },
});

/** The dashboard: counts members for its view, which asks, shows the answer and tries to leak. */
const dashboardSource = (outside: string) => `
const viewScript = ${JSON.stringify(`
  const out = document.getElementById('out');
  repertoireWebview.onMessage((message) => { out.textContent = 'members: ' + message.count; });
  repertoireWebview.postMessage({ ask: 'count' });
  fetch(${JSON.stringify(`${outside}/from-view`)}).then(
    () => { document.getElementById('net').textContent = 'reached'; },
    () => { document.getElementById('net').textContent = 'blocked'; },
  );
  let cookie;
  try { cookie = document.cookie; } catch (error) { cookie = error.name; }
  document.getElementById('cookie').textContent = String(cookie);
  document.getElementById('garbage').onclick = () => {
    repertoireWebview.postMessage(new Map([[1, 2]]));
    repertoireWebview.postMessage({ ask: 'count' });
  };
  document.getElementById('crash').onclick = () => { throw new Error('the view broke on purpose'); };
`)};
export function activate(ctx) {
  ctx.subscriptions.push(ctx.webviews.registerWebviewViewProvider('third.dashboard', {
    resolveWebviewView(view) {
      view.webview.setContent({
        html: '<p id="out">waiting</p><p id="net">trying</p><p id="cookie"></p><button id="garbage">garbage</button><button id="crash">crash</button><script>document.title = "inline ran"</script>',
        css: '#out { color: var(--rp-fg); }',
        script: viewScript,
      });
      view.webview.onDidReceiveMessage(async (message) => {
        if (message.ask === 'count')
          await view.webview.postMessage({ count: (await ctx.graph.entities({ kind: 'member' })).length });
      });
    },
  }));
  ctx.subscriptions.push(ctx.webviews.registerWebviewViewProvider('third.counter', {
    resolveWebviewView(view) {
      view.webview.setContent({
        html: '<p id="clicks"></p><button id="more">more</button><button id="bad">bad state</button>',
        script: ${JSON.stringify(`
          const state = repertoireWebview.getState() ?? { clicks: 0 };
          const show = () => { document.getElementById('clicks').textContent = 'clicks: ' + state.clicks; };
          show();
          document.getElementById('more').onclick = () => { state.clicks += 1; repertoireWebview.setState(state); show(); };
          document.getElementById('bad').onclick = () => repertoireWebview.setState(new Map([[1, 2]]));
        `)},
      });
    },
  }));
  ctx.subscriptions.push(ctx.webviews.registerWebviewViewProvider('third.spinner', {
    resolveWebviewView(view) {
      view.webview.setContent({ html: '<p>spinning</p>', script: 'for (;;) {}' });
    },
  }));
}`;

type Page = Awaited<ReturnType<Browser['newPage']>>;
type Frame = NonNullable<ReturnType<Page['frame']>>;

describe('webview views (sandboxed iframes in Chromium)', () => {
  let heard: string[];
  let listener: Server;
  let page: BuiltPage;
  let browser: Browser;
  let tab: Page;
  const call = <T>(method: string, ...args: unknown[]) =>
    tab.evaluate(
      ([m, rest]) =>
        (
          window as never as { sandboxPage: Record<string, (...a: unknown[]) => unknown> }
        ).sandboxPage[m as string]?.(...(rest as unknown[])),
      [method, args] as const,
    ) as Promise<T>;
  const viewFrame = (viewId: string): Frame => {
    const frame = tab.frame({ name: `webview:${viewId}` });
    if (!frame) throw new Error(`no frame for ${viewId}`);
    return frame;
  };

  beforeAll(async () => {
    heard = [];
    listener = createServer((request, response) => {
      heard.push(`${request.method} ${request.url}`);
      response.end('leaked');
    });
    const port = await freePort();
    await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve));
    page = await serveBuiltPage({
      root: join(import.meta.dirname, 'browser-page'),
      extra: (dir) => {
        mkdirSync(join(dir, 'plugins'), { recursive: true });
        writeFileSync(
          join(dir, 'plugins', 'third.dash.js'),
          dashboardSource(`http://127.0.0.1:${port}`),
        );
      },
    });
    browser = await launchChromium();
    tab = await browser.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => document.title === 'ready');
    await call('add', [
      manifest('third.dash', [
        view('third.dashboard', 'Dashboard'),
        view('third.spinner', 'Spinner'),
        view('third.counter', 'Counter'),
      ]),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await new Promise((resolve) => listener?.close(resolve));
  });

  it('renders the view in an opaque-origin frame with the theme, talking to the plugin', async () => {
    await call('showWebview', 'third.dashboard', { '--rp-fg': 'rgb(1, 2, 3)', 'bad;': 'x' });
    await expect.poll(() => tab.frame({ name: 'webview:third.dashboard' }) !== null).toBe(true);
    const dashboard = viewFrame('third.dashboard');
    await expect
      .poll(() => dashboard.locator('#out').textContent(), { timeout: 10_000 })
      .toBe('members: 0');
    expect(await dashboard.evaluate(() => String(self.origin))).toBe('null');
    expect(
      await dashboard
        .locator('#out')
        .evaluate((element: Element) => getComputedStyle(element).color),
    ).toBe('rgb(1, 2, 3)');
    // Inline scripts in the markup never run; the cookie jar of an opaque origin is closed.
    expect(await dashboard.evaluate(() => document.title)).not.toBe('inline ran');
    expect(await dashboard.locator('#cookie').textContent()).toBe('SecurityError');
    const attributes = await tab.evaluate(() => {
      const element = document.querySelector('iframe[data-repertoire-webview="third.dashboard"]');
      return {
        sandbox: element?.getAttribute('sandbox'),
        policy: /content="([^"]*)"/.exec((element as HTMLIFrameElement).srcdoc)?.[1],
      };
    });
    expect(attributes.sandbox).toBe('allow-scripts');
    expect(attributes.policy).toMatch(
      /^default-src 'none'; script-src \S+\/webviewBoot-[^ ]+\.js blob:;/,
    );
    expect(attributes.policy).toContain("connect-src 'none'");
  });

  it('lets the view of a plugin without network reach nobody', async () => {
    const dashboard = viewFrame('third.dashboard');
    await expect.poll(() => dashboard.locator('#net').textContent()).toBe('blocked');
    expect(heard).toEqual([]);
  });

  it('refuses garbage from the view and reports a view that throws; both go on', async () => {
    const dashboard = viewFrame('third.dashboard');
    await dashboard.locator('#garbage').click();
    await dashboard.locator('#crash').click();
    await expect
      .poll(() => call<string[]>('viewErrors'))
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /third.dashboard posted a message that is not plain JSON: it holds a Map object/,
          ),
          expect.stringMatching(/The view third.dashboard failed: .*the view broke on purpose/),
        ]),
      );
    await expect.poll(() => dashboard.locator('#out').textContent()).toBe('members: 0');
    expect(await call('state', 'third.dash')).toBe('active');
  });

  it('keeps the state a view saved with setState across hide and show (getState)', async () => {
    await call('showWebview', 'third.counter', {});
    await expect.poll(() => tab.frame({ name: 'webview:third.counter' }) !== null).toBe(true);
    let counter = viewFrame('third.counter');
    await expect.poll(() => counter.locator('#clicks').textContent()).toBe('clicks: 0');
    await counter.locator('#more').click();
    await counter.locator('#more').click();
    await expect.poll(() => counter.locator('#clicks').textContent()).toBe('clicks: 2');
    // Hidden: the frame and its script are gone, only the host keeps the state.
    await call('closeWebview', 'third.counter');
    await expect.poll(() => tab.frame({ name: 'webview:third.counter' })).toBeNull();
    await call('showWebview', 'third.counter', {});
    await expect.poll(() => tab.frame({ name: 'webview:third.counter' }) !== null).toBe(true);
    counter = viewFrame('third.counter');
    await expect.poll(() => counter.locator('#clicks').textContent()).toBe('clicks: 2');
    // A state that is not plain JSON is refused with a clear error and the kept one stays.
    await counter.locator('#bad').click();
    await expect
      .poll(() => call<string[]>('viewErrors'))
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /third.counter saved a state that is not plain JSON: it holds a Map object/,
          ),
        ]),
      );
    await call('closeWebview', 'third.counter');
    await call('showWebview', 'third.counter', {});
    await expect.poll(() => tab.frame({ name: 'webview:third.counter' }) !== null).toBe(true);
    await expect
      .poll(() => viewFrame('third.counter').locator('#clicks').textContent())
      .toBe('clicks: 2');
    await call('closeWebview', 'third.counter');
  });

  it('survives a view that never returns; closing it ends it', async () => {
    await call('showWebview', 'third.spinner', {});
    await expect.poll(() => tab.frame({ name: 'webview:third.spinner' }) !== null).toBe(true);
    // The page (the workbench) still answers while the view spins.
    expect(await call('state', 'third.dash')).toBe('active');
    await call('closeWebview', 'third.spinner');
    expect(await call('openWebviews')).toBe(1);
    await call('closeWebview', 'third.dashboard');
    expect(await call('openWebviews')).toBe(0);
  });
});
