import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TempDir, tempDir } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appContentSecurityPolicy,
  declaredNetworkOrigins,
  PLUGIN_FILE_POLICY,
} from './http/contentSecurityPolicy.ts';
import { startTestServer, type TestServer } from './testing/harness.ts';

const plugin = (folder: string, repertoire: Record<string, unknown>) => ({
  name: folder,
  version: '1.0.0',
  repertoire: {
    id: `acme.${folder}`,
    displayName: folder,
    version: '1.0.0',
    engines: { repertoire: '^1.0.0' },
    main: './index.js',
    ...repertoire,
  },
});

let web: TempDir;
let plugins: TempDir;
let t: TestServer;

beforeAll(async () => {
  [web, plugins] = await Promise.all([tempDir('repertoire-web-'), tempDir('repertoire-plugins-')]);
  writeFileSync(
    join(web.path, 'index.html'),
    '<!doctype html><script type="module" src="/assets/main.js"></script>',
  );
  const install = (folder: string, repertoire: Record<string, unknown>) => {
    mkdirSync(join(plugins.path, folder));
    writeFileSync(
      join(plugins.path, folder, 'package.json'),
      JSON.stringify(plugin(folder, repertoire)),
    );
    writeFileSync(join(plugins.path, folder, 'index.js'), 'export function activate() {}\n');
    writeFileSync(
      join(plugins.path, folder, 'page.html'),
      '<script>alert(document.cookie)</script>',
    );
  };
  install('weather', { permissions: ['network'], networkOrigins: ['https://api.weather.example'] });
  // Origins without the permission would be refused by the host; the server does not allow them.
  install('sneaky', { permissions: ['graph.read'], networkOrigins: ['https://leak.example'] });
  t = await startTestServer({ webRoot: web.path, pluginsDir: plugins.path });
});
afterAll(async () => {
  await t.stop();
  await Promise.all([web.dispose(), plugins.dispose()]);
});

describe('content security policy', () => {
  it('serves the web app with a strict policy that adds the origins plugins with network declare', async () => {
    for (const path of ['/', '/workspace/w1', '/index.html']) {
      const page = await fetch(`${t.base}${path}`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toBe(appContentSecurityPolicy(['https://api.weather.example']));
      expect(policy).toContain("connect-src 'self' https://api.weather.example;");
      expect(policy).not.toContain('leak.example');
      expect(policy).toMatch(/script-src 'self' blob:;/);
      expect(policy).not.toMatch(/unsafe-eval/);
    }
  });

  it('serves plugin files under a policy that lets no page of theirs run as the app', async () => {
    for (const file of ['index.js', 'page.html']) {
      const response = await fetch(`${t.base}/plugins/weather/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(PLUGIN_FILE_POLICY);
    }
    expect(PLUGIN_FILE_POLICY).toMatch(/(^|; )sandbox(;|$)/);
  });

  it('names only well-formed origins of plugins that have the network permission', () => {
    expect(
      declaredNetworkOrigins([
        plugin('a', {
          permissions: ['network'],
          networkOrigins: ['https://a.example', 'wss://b.example:8443'],
        }),
        plugin('b', {
          permissions: ['network'],
          networkOrigins: [
            "https://x.example; script-src 'unsafe-eval'",
            'https://x.example/path',
            42,
          ],
        }),
        plugin('c', { networkOrigins: ['https://c.example'] }),
        { name: 'not-a-plugin' },
      ]),
    ).toEqual(['https://a.example', 'wss://b.example:8443']);
    expect(
      appContentSecurityPolicy(['https://a.example', 'https://a.example', 'javascript:alert(1)']),
    ).toContain("connect-src 'self' https://a.example;");
  });
});
