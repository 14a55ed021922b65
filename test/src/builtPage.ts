// Builds a Vite page (Workers included) into a temp dir and serves it on loopback: the shape every
// browser test and benchmark drives, so each builds its page the same way.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { freePort } from './ports.ts';
import { type TempDir, tempDir } from './tempDir.ts';

/** A built page, served on loopback. */
export interface BuiltPage {
  /** Its URL, ending in `/`. */
  readonly url: string;
  /** Stops serving and removes the build. */
  close(): Promise<void>;
}

/** Options of {@link serveBuiltPage}. */
export interface BuiltPageOptions {
  /** The page's folder (with its index.html). */
  root: string;
  /** Minify the build (benchmarks measure what ships). Default false. */
  minify?: boolean;
  /** Adds files to the build output before it is served. */
  extra?: (dir: string) => void;
  /** Requests under `/api/` go to this server, so the page reaches it same-origin with cookies. */
  apiOrigin?: string;
  /** The loopback port to serve on (default: a free one), for pages whose files name their URL. */
  port?: number;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Builds the page at `options.root` with Vite and serves it over HTTP on a free port. */
export async function serveBuiltPage(options: BuiltPageOptions): Promise<BuiltPage> {
  const dir: TempDir = await tempDir('repertoire-page-');
  // Loaded here, not at the top, so suites that never build a page don't pay for Vite.
  const { build } = await import('vite');
  await build({
    root: options.root,
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir: dir.path,
      emptyOutDir: true,
      minify: options.minify ?? false,
      chunkSizeWarningLimit: 8192,
    },
    worker: { format: 'es' },
  });
  options.extra?.(dir.path);
  const port = options.port ?? (await freePort());
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
