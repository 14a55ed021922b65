import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { type TempDir, tempDir } from '@repertoire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from './testing/harness.ts';

describe('cross-site request forgery', { timeout: 20_000 }, () => {
  let t: TestServer;
  let owner: ApiClient;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await ApiClient.signUp(t.base, 'Owner');
  });
  afterAll(() => t.stop());

  const workspaceCount = async () =>
    (await owner.call('GET', '/api/workspaces')).body.workspaces.length as number;

  const post = (path: string, headers: Record<string, string>, body?: string) =>
    fetch(`${t.base}${path}`, {
      method: 'POST',
      headers: { cookie: owner.cookie, ...headers },
      body,
    });

  it('a form-encoded or text/plain body is refused with 415 and creates nothing', async () => {
    const before = await workspaceCount();
    const plain = await post(
      '/api/workspaces',
      { 'content-type': 'text/plain' },
      JSON.stringify({ name: 'Forged' }),
    );
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
    const form = await post(
      '/api/workspaces',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'name=Forged',
    );
    expect(form.status).toBe(415);
    expect(await workspaceCount()).toBe(before);
  });

  it('a request from another origin is refused with 403 and changes nothing', async () => {
    const before = await workspaceCount();
    const forged = await post(
      '/api/workspaces',
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      JSON.stringify({ name: 'Forged' }),
    );
    expect(forged.status).toBe(403);
    const signOut = await post('/api/auth/sign-out', { origin: 'https://evil.example' });
    expect(signOut.status).toBe(403);
    expect((await owner.call('GET', '/api/me')).status).toBe(200);
    expect(await workspaceCount()).toBe(before);
  });

  it('the same origin is accepted', async () => {
    const response = await post(
      '/api/workspaces',
      { 'content-type': 'application/json', origin: t.base },
      JSON.stringify({ name: 'Ours' }),
    );
    expect(response.status).toBe(201);
  });

  it('a bad % escape in an API path is a 400, not a 500', async () => {
    const response = await fetch(`${t.base}/api/workspaces/%E0%A4%A/members`, {
      headers: { cookie: owner.cookie },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_input',
    );
  });
});

describe('behind HTTPS with a public URL and a trusted proxy', { timeout: 20_000 }, () => {
  const PUBLIC = 'https://cop.example.org';
  let t: TestServer;
  let owner: ApiClient;
  beforeAll(async () => {
    t = await startTestServer({
      publicUrl: `${PUBLIC}/`,
      trustedProxies: ['loopback'],
      limits: { requestsPerMinute: 8 },
    });
    owner = await ApiClient.signUp(t.base, 'Owner');
  });
  afterAll(() => t.stop());

  it('sets Secure cookies and hands out wss:// and https:// URLs on the public origin', async () => {
    const response = await fetch(`${t.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1' },
      body: JSON.stringify({ email: owner.email, password: 'correct horse' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    const token = await fetch(`${t.base}/api/sync-token`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'x-forwarded-for': '198.51.100.1' },
    });
    expect(await token.json()).toMatchObject({
      syncUrl: 'wss://cop.example.org/sync',
      yWebsocketUrl: 'wss://cop.example.org/y',
    });
  });

  it('accepts the public origin and refuses the address the proxy reached', async () => {
    const create = (origin: string) =>
      fetch(`${t.base}/api/workspaces`, {
        method: 'POST',
        headers: {
          cookie: owner.cookie,
          'content-type': 'application/json',
          origin,
          'x-forwarded-for': '198.51.100.2',
        },
        body: JSON.stringify({ name: 'Public' }),
      });
    expect((await create(PUBLIC)).status).toBe(201);
    expect((await create(t.base)).status).toBe(403);
  });

  it('counts the request rate per real client, not per proxy', async () => {
    const get = (client: string) =>
      fetch(`${t.base}/api/plugins`, { headers: { 'x-forwarded-for': client } }).then(
        (r) => r.status,
      );
    const first: number[] = [];
    for (let i = 0; i < 9; i++) first.push(await get('203.0.113.50'));
    expect(first.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(first[8]).toBe(429);
    expect(await get('203.0.113.51')).toBe(200);
  });

  it('/metrics is loopback-only by default: a client behind the proxy is refused', async () => {
    expect((await fetch(`${t.base}/metrics`)).status).toBe(200);
    const remote = await fetch(`${t.base}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.60' },
    });
    expect(remote.status).toBe(403);
  });
});

describe('/metrics with a token', { timeout: 20_000 }, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ metricsAccess: { token: 's3cret-scrape' } });
  });
  afterAll(() => t.stop());

  it('answers only with the bearer token', async () => {
    expect((await fetch(`${t.base}/metrics`)).status).toBe(403);
    const wrong = await fetch(`${t.base}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(403);
    const right = await fetch(`${t.base}/metrics`, {
      headers: { authorization: 'Bearer s3cret-scrape' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('repertoire_connections');
  });
});

describe('file serving does not follow links out of its folder', { timeout: 20_000 }, () => {
  let files: TempDir;
  let t: TestServer;
  beforeAll(async () => {
    files = await tempDir('repertoire-links-');
    const web = join(files.path, 'web');
    const plugin = join(files.path, 'plugins', 'circle');
    mkdirSync(join(web, 'assets'), { recursive: true });
    mkdirSync(plugin, { recursive: true });
    writeFileSync(join(files.path, 'secret.txt'), 'outside the served folders');
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
    symlinkSync(join(files.path, 'secret.txt'), join(web, 'assets', 'leak.txt'));
    writeFileSync(
      join(plugin, 'package.json'),
      JSON.stringify({ name: 'circle', repertoire: { id: 'acme.circle', main: 'index.js' } }),
    );
    writeFileSync(join(plugin, 'index.js'), 'export function activate() {}');
    symlinkSync(join(files.path, 'secret.txt'), join(plugin, 'leak.txt'));
    symlinkSync(files.path, join(plugin, 'up'));
    t = await startTestServer({ webRoot: web, pluginsDir: join(files.path, 'plugins') });
  });
  afterAll(async () => {
    await t.stop();
    await files.dispose();
  });

  it('the web app serves its own files but not a link to a file outside', async () => {
    expect(await (await fetch(`${t.base}/assets/app.js`)).text()).toBe('export {};');
    const leak = await (await fetch(`${t.base}/assets/leak.txt`)).text();
    expect(leak).not.toContain('outside the served folders');
  });

  it('a plugin folder serves its own files but not links out of it', async () => {
    expect((await fetch(`${t.base}/plugins/circle/index.js`)).status).toBe(200);
    const file = await fetch(`${t.base}/plugins/circle/leak.txt`);
    expect(file.status).toBe(404);
    expect(await file.text()).not.toContain('outside the served folders');
    expect((await fetch(`${t.base}/plugins/circle/up/secret.txt`)).status).toBe(404);
  });
});

describe('the web app is sent precompressed', { timeout: 20_000 }, () => {
  let files: TempDir;
  let t: TestServer;
  const script = 'export const practices = ["observe", "reflect"];\n'.repeat(400);
  beforeAll(async () => {
    files = await tempDir('repertoire-precompressed-');
    mkdirSync(join(files.path, 'assets'));
    writeFileSync(join(files.path, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(files.path, 'assets', 'app.js'), script);
    writeFileSync(join(files.path, 'assets', 'app.js.br'), brotliCompressSync(script));
    writeFileSync(join(files.path, 'assets', 'app.js.gz'), gzipSync(script));
    t = await startTestServer({ webRoot: files.path });
  });
  afterAll(async () => {
    await t.stop();
    await files.dispose();
  });

  /** The raw response: headers and the bytes on the wire (no decompression). */
  function get(path: string, acceptEncoding?: string) {
    return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      httpGet(
        `${t.base}${path}`,
        { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
          );
        },
      ).on('error', reject);
    });
  }

  it('sends the brotli copy to a client that takes brotli', async () => {
    const r = await get('/assets/app.js', 'gzip, deflate, br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  it('sends gzip to a client without brotli, and the file itself to one without either', async () => {
    const gz = await get('/assets/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get('/assets/app.js', 'br;q=0, identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });
});
