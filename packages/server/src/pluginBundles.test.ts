import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TempDir, tempDir } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness.ts';

let plugins: TempDir;
let t: TestServer;
const bundle =
  'export function activate(context) { context.subscriptions.push({ dispose() {} }); }\n';

beforeAll(async () => {
  plugins = await tempDir('repertoire-plugins-');
  const folder = join(plugins.path, 'reading-circle');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: 'reading-circle',
      version: '1.2.0',
      repertoire: { id: 'acme.reading-circle', displayName: 'Reading circle', main: 'index.js' },
    }),
  );
  writeFileSync(join(folder, 'index.js'), bundle);
  writeFileSync(join(plugins.path, 'secret.txt'), 'not a plugin file');
  t = await startTestServer({ pluginsDir: plugins.path });
});
afterAll(async () => {
  await t.stop();
  await plugins.dispose();
});

describe('plugin bundles', () => {
  it('lists each installed plugin with where its files are served', async () => {
    const body = (await (await fetch(`${t.base}/api/plugins`)).json()) as {
      plugins: { id: string; url: string; main: string; version: string }[];
    };
    expect(body.plugins).toEqual([
      expect.objectContaining({
        id: 'acme.reading-circle',
        version: '1.2.0',
        url: '/plugins/reading-circle/',
        main: 'index.js',
        // The whole manifest comes along: the web app needs no request per plugin.
        packageJson: expect.objectContaining({
          name: 'reading-circle',
          repertoire: expect.objectContaining({ id: 'acme.reading-circle' }),
        }),
      }),
    ]);
  });

  it('serves the bundle and its manifest as the catalogue says', async () => {
    const code = await fetch(`${t.base}/plugins/reading-circle/index.js`);
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await code.text()).toBe(bundle);
    const manifest = await fetch(`${t.base}/plugins/reading-circle/package.json`);
    expect(((await manifest.json()) as { name: string }).name).toBe('reading-circle');
  });

  it('answers 404 for missing files and for paths that leave a plugin folder', async () => {
    expect((await fetch(`${t.base}/plugins/reading-circle/missing.js`)).status).toBe(404);
    // Encoded slashes survive URL parsing, so these reach the server as they are written.
    expect((await fetch(`${t.base}/plugins/reading-circle/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${t.base}/plugins/..%2fsecret.txt/x`)).status).toBe(404);
    expect((await fetch(`${t.base}/plugins/secret.txt`)).status).toBe(404);
    expect((await fetch(`${t.base}/plugins/`)).status).toBe(404);
  });
});
