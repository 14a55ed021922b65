// Builds the graph explorer's test page with Vite into a temp dir and serves it over HTTP.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { build } from 'vite';
import { freePort } from '../src/ports.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';

/** The built page, served on loopback. */
export interface GraphPage {
  readonly url: string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * Builds test/e2e/graph-page into a temp dir and serves it. With `apiOrigin`, requests under
 * `/api/` are passed to that server, so the page reaches a real Repertoire server same-origin
 * (its session cookie included), as the web app does.
 */
export async function serveGraphPage(options: { apiOrigin?: string } = {}): Promise<GraphPage> {
  const dir: TempDir = await tempDir('repertoire-graph-page-');
  await build({
    root: join(import.meta.dirname, 'graph-page'),
    logLevel: 'warn',
    configFile: false,
    build: { outDir: dir.path, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 4096 },
    worker: { format: 'es' },
  });
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (options.apiOrigin && path.startsWith('/api/')) {
      const upstream = request(
        new URL(req.url ?? '/', options.apiOrigin),
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.statusCode = 502;
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    const file = join(dir.path, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir.path) || !existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await dir.dispose();
    },
  };
}
