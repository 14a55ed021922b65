// `serve --dev` over real HTTP: a real server (SQLite in a temp dir) with the dev routes over a
// real plugins folder; a signed-in client reads the server-sent event stream while files change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepertoireServer, type RepertoireServer } from '@repertoire/server';
import { type TempDir, tempDir } from '@repertoire/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGINS_DIR } from '../paths.ts';
import { PLUGIN_CHANGES_PATH, type PluginChanges, pluginChanges } from './pluginChanges.ts';

let data: TempDir;
let plugins: TempDir;
let dev: PluginChanges;
let server: RepertoireServer;
let base: string;
let cookie: string;

const manifest = (id: string, version: string) =>
  JSON.stringify({
    name: id,
    version,
    type: 'module',
    repertoire: {
      id,
      version,
      engines: { repertoire: '^1.0.0' },
      main: './index.js',
      activationEvents: ['onStartup'],
    },
  });

beforeAll(async () => {
  [data, plugins] = await Promise.all([
    tempDir('repertoire-dev-data-'),
    tempDir('repertoire-dev-plugins-'),
  ]);
  mkdirSync(join(plugins.path, 'counter'));
  writeFileSync(join(plugins.path, 'counter', 'package.json'), manifest('acme.counter', '1.0.0'));
  writeFileSync(join(plugins.path, 'counter', 'index.js'), 'export function activate() {}\n');
  dev = pluginChanges(plugins.path);
  server = await createRepertoireServer({
    dataDir: data.path,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    builtinPluginsDir: PLUGINS_DIR,
    pluginsDir: plugins.path,
    routes: [dev.routes],
  });
  base = `http://127.0.0.1:${await server.listen()}`;
  const signUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ana@example.org', password: 'correct horse', name: 'Ana' }),
  });
  expect(signUp.status).toBe(201);
  cookie = (signUp.headers.get('set-cookie') as string).split(';')[0] as string;
});

afterAll(async () => {
  dev?.close();
  await server?.close();
  await plugins?.dispose();
  await data?.dispose();
});

/** Reads the stream's `plugin` events until `count` arrived or `ms` passed. */
async function events(
  trigger: () => void,
  count: number,
  ms = 5000,
): Promise<{ folder: string; id: string; url: string }[]> {
  const controller = new AbortController();
  const response = await fetch(base + PLUGIN_CHANGES_PATH, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const seen: { folder: string; id: string; url: string }[] = [];
  let text = '';
  const timer = setTimeout(() => controller.abort(), ms);
  trigger();
  try {
    while (seen.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      for (const match of text.matchAll(/event: plugin\ndata: (.*)\n\n/g))
        seen.push(JSON.parse(match[1] as string));
      text = text.replace(/event: plugin\ndata: .*\n\n/g, '');
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return seen;
}

describe('serve --dev: plugin changes', () => {
  it('lists where to hear of changes beside the installed plugins', async () => {
    const body = (await (await fetch(`${base}/api/plugins`)).json()) as {
      changes?: string;
      plugins: { id: string }[];
    };
    expect(body.changes).toBe(PLUGIN_CHANGES_PATH);
    expect(body.plugins.map((p) => p.id)).toEqual(['acme.counter']);
  });

  it('refuses the stream without a session', async () => {
    const response = await fetch(base + PLUGIN_CHANGES_PATH);
    expect(response.status).toBe(401);
  });

  it('announces a rebuilt plugin once, after its files settle', async () => {
    const seen = await events(
      () => {
        writeFileSync(
          join(plugins.path, 'counter', 'index.js'),
          'export function activate() {}\n//2',
        );
        writeFileSync(
          join(plugins.path, 'counter', 'package.json'),
          manifest('acme.counter', '1.0.1'),
        );
      },
      2,
      1500,
    );
    expect(seen).toEqual([{ folder: 'counter', id: 'acme.counter', url: '/plugins/counter/' }]);
  });

  it('stays quiet about a folder without a manifest, and announces it once one is written', async () => {
    const seen = await events(
      () => {
        mkdirSync(join(plugins.path, 'halfway'));
        writeFileSync(join(plugins.path, 'halfway', 'index.js'), 'export function activate() {}\n');
        setTimeout(
          () =>
            writeFileSync(
              join(plugins.path, 'halfway', 'package.json'),
              manifest('acme.halfway', '1.0.0'),
            ),
          600,
        );
      },
      2,
      2000,
    );
    expect(seen).toEqual([{ folder: 'halfway', id: 'acme.halfway', url: '/plugins/halfway/' }]);
  });
});
