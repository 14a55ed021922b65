import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BuiltPage, launchChromium, serveBuiltPage } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Third-party plugins as a server would ship them: self-contained ES modules with a manifest.
const manifest = (id: string, commands: string[], permissions: string[]) => ({
  name: `@third/${id}`,
  repertoire: {
    id,
    displayName: id,
    version: '1.0.0',
    engines: { repertoire: '^1.0.0' },
    main: `./${id}.js`,
    activationEvents: commands.map((c) => `onCommand:${c}`),
    permissions,
    contributes: { commands: commands.map((c) => ({ id: c, title: c })) },
  },
});

const plugins = {
  'third.writer': {
    manifest: manifest(
      'third.writer',
      ['writer.add', 'writer.where'],
      ['graph.read', 'graph.write'],
    ),
    source: `export function activate(ctx) {
      ctx.subscriptions.push(
        ctx.commands.registerCommand('writer.add', async (title) => {
          const r = await ctx.graph.transact((tx) => tx.createEntity({ kind: 'member', title }));
          return r.created[0];
        }),
        ctx.commands.registerCommand('writer.where', () =>
          [self.constructor.name, typeof document, typeof window]),
      );
    }`,
  },
  'third.reader': {
    manifest: manifest('third.reader', ['reader.write', 'reader.fetch'], ['graph.read']),
    source: `export function activate(ctx) {
      ctx.subscriptions.push(
        ctx.commands.registerCommand('reader.write', () =>
          ctx.graph.transact((tx) => tx.createEntity({ kind: 'member', title: 'Intruder' }))),
        ctx.commands.registerCommand('reader.fetch', () => fetch('/plugins/x.js').then(() => 'fetched')),
      );
    }`,
  },
  'third.thrower': {
    manifest: manifest('third.thrower', ['thrower.go'], []),
    source: `export function activate() { throw new Error('the plugin broke on purpose'); }`,
  },
  'third.garbage': {
    manifest: manifest('third.garbage', ['garbage.post'], []),
    // Posts junk everywhere a sandboxed plugin can post: to its frame, and to whoever listens.
    source: `export function activate(ctx) {
      ctx.subscriptions.push(ctx.commands.registerCommand('garbage.post', () => {
        postMessage({ type: 'repertoire.sandbox.start', runtime: 'throw 1', plugin: 'x' });
        postMessage(undefined);
        postMessage({ id: 'nope', type: 'APPLY', path: ['activate'] });
        return 'posted';
      }));
    }`,
  },
  'third.hang': {
    manifest: manifest('third.hang', ['hang.spin'], []),
    source: `export function activate(ctx) {
      ctx.subscriptions.push(ctx.commands.registerCommand('hang.spin', () => { for (;;) {} }));
    }`,
  },
};

describe('plugin sandbox (a Worker in an opaque-origin frame, in Chromium)', () => {
  let page: BuiltPage;
  let browser: Browser;
  let tab: Awaited<ReturnType<Browser['newPage']>>;
  const run = (id: string, ...args: unknown[]) =>
    tab.evaluate(
      ([command, rest]) =>
        (
          window as never as { sandboxPage: { run(...a: unknown[]): Promise<unknown> } }
        ).sandboxPage.run(command, ...(rest as unknown[])),
      [id, args] as const,
    ) as Promise<{ ok: boolean; value?: unknown; name?: string; message?: string }>;
  const call = <T>(method: string, ...args: unknown[]) =>
    tab.evaluate(
      ([m, rest]) =>
        (
          window as never as { sandboxPage: Record<string, (...a: unknown[]) => unknown> }
        ).sandboxPage[m as string]?.(...(rest as unknown[])),
      [method, args] as const,
    ) as Promise<T>;

  beforeAll(async () => {
    page = await serveBuiltPage({
      root: join(import.meta.dirname, 'browser-page'),
      extra: (dir) => {
        mkdirSync(join(dir, 'plugins'), { recursive: true });
        for (const [id, p] of Object.entries(plugins))
          writeFileSync(join(dir, 'plugins', `${id}.js`), p.source);
        // third.missing is listed, but its bundle was never published.
      },
    });
    browser = await launchChromium();
    tab = await browser.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => document.title === 'ready');
    await call('add', [
      ...Object.values(plugins).map((p) => p.manifest),
      manifest('third.missing', ['missing.go'], []),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await page?.close();
  });

  it('runs a third-party plugin in a Worker, reaching the graph only through the API', async () => {
    expect(await call('state', 'third.writer')).toBe('inactive');
    expect(await run('writer.add', 'Lucía')).toMatchObject({ ok: true });
    expect(await call('members')).toEqual(['Lucía']);
    expect(await run('writer.where')).toEqual({
      ok: true,
      value: ['DedicatedWorkerGlobalScope', 'undefined', 'undefined'],
    });
  });

  it('enforces permissions: no graph.write, no network', async () => {
    expect(await run('reader.write')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/lacks the "graph.write" permission/),
    });
    expect(await run('reader.fetch')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/lacks the "network" permission/),
    });
    expect(await call('members')).toEqual(['Lucía']);
  });

  it('holds each plugin in a frame with scripts only, no same origin, and a strict CSP', async () => {
    expect(await run('writer.where')).toMatchObject({ ok: true });
    const frames = await tab.evaluate(() =>
      [...document.querySelectorAll('iframe[data-repertoire-plugin]')].map((frame) => ({
        plugin: (frame as HTMLIFrameElement).dataset.repertoirePlugin,
        sandbox: frame.getAttribute('sandbox'),
        policy: /content="([^"]*)"/.exec((frame as HTMLIFrameElement).srcdoc)?.[1],
      })),
    );
    expect(frames).toContainEqual({
      plugin: 'third.writer',
      sandbox: 'allow-scripts',
      policy: expect.stringMatching(
        /^default-src 'none'; script-src \S+\/frameBoot-[^ ]+\.js blob:; worker-src blob:; connect-src 'none'/,
      ),
    });
  });

  it('reports a plugin that throws in activate, or whose bundle is missing, and goes on', async () => {
    expect(await run('thrower.go')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/the plugin broke on purpose/),
    });
    expect(await call('state', 'third.thrower')).toBe('failed');
    expect(await run('missing.go')).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /Could not load plugin third.missing from \S+third.missing.js: HTTP 404/,
      ),
    });
    expect(await call('state', 'third.missing')).toBe('failed');
    expect(await run('writer.add', 'Kofi')).toMatchObject({ ok: true });
  });

  it('ignores garbage a plugin posts from its Worker; the host and the plugin go on', async () => {
    expect(await run('garbage.post')).toEqual({ ok: true, value: 'posted' });
    expect(await run('garbage.post')).toEqual({ ok: true, value: 'posted' });
    expect(await call('state', 'third.garbage')).toBe('active');
    expect(await run('writer.add', 'Amara')).toMatchObject({ ok: true });
  });

  it('stops a plugin that never returns; the other plugins and the workspace go on', async () => {
    expect(await run('hang.spin')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/did not finish command hang.spin within 1500 ms/),
    });
    expect(await call('state', 'third.hang')).toBe('failed');
    expect(await call<string[]>('notifications')).toEqual(
      expect.arrayContaining([expect.stringMatching(/third.hang was stopped/)]),
    );
    expect(await run('writer.add', 'Ana')).toMatchObject({ ok: true });
    expect(await call('members')).toEqual(expect.arrayContaining(['Lucía', 'Ana']));
    const frames = await tab.evaluate(() =>
      [...document.querySelectorAll('iframe[data-repertoire-plugin]')].map(
        (frame) => (frame as HTMLIFrameElement).dataset.repertoirePlugin,
      ),
    );
    // Stopping a plugin removes its frame, which ends its Worker mid-loop.
    expect(frames).not.toContain('third.hang');
  });
});
