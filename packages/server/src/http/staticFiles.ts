import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { precompressedCopy } from './precompressed.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Repertoire</title>
<body style="font-family:system-ui;max-width:40em;margin:4em auto">
<h1>Repertoire is running</h1>
<p>The web app has not been built yet. Build it with <code>pnpm --filter @repertoire/web build</code>
(or start with <code>bash scripts/start.sh</code>, which builds it), then reload this page.</p>
<p>The API is at <code>/api</code>, health at <a href="/healthz"><code>/healthz</code></a>.</p></body>`;

/**
 * Serves the built web app from `root`; paths without a file get `index.html` (client-side
 * routing), and a missing build gets a page saying how to build it.
 */
export function serveStatic(
  root: string,
  pathname: string,
  response: ServerResponse,
  acceptEncoding?: string,
): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(NOT_BUILT);
    return;
  }
  const file = fileInside(root, pathname) ?? index;
  const decoded = safeDecode(pathname);
  const immutable = file !== index && decoded.startsWith('/assets/');
  // The build's brotli or gzip copy when the client takes it: the bytes on the wire, not on disk.
  const copy = precompressedCopy(file, acceptEncoding);
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(copy ? { 'content-encoding': copy.encoding } : {}),
  });
  createReadStream(copy?.path ?? file).pipe(response);
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return '/';
  }
}

/**
 * The file `pathname` names under `root`, or undefined when it is outside `root` or not a file.
 * Symbolic links are resolved first: a link inside `root` that points outside it is outside.
 */
export function fileInside(root: string, pathname: string): string | undefined {
  const candidate = normalize(join(root, safeDecode(pathname)));
  if (!isInside(root, candidate) || !existsSync(candidate)) return undefined;
  try {
    const real = realpathSync(candidate);
    return isInside(realpathSync(root), real) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Serves one file of an installed plugin (`/plugins/<folder>/<file>`) from `root`; answers
 * false, sending nothing, when there is no such file.
 */
export function servePluginFile(root: string, pathname: string, response: ServerResponse): boolean {
  // Only files inside a plugin's own folder: nothing loose in the plugins directory, nothing above.
  const [, folder, ...rest] = pathname.split('/');
  if (!folder || rest.length === 0 || safeDecode(folder).includes('..')) return false;
  const file = fileInside(join(root, safeDecode(folder)), `/${rest.join('/')}`);
  if (!file) return false;
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(response);
  return true;
}
