// Builds a test page with Vite (Workers included) into a temp dir and serves it over HTTP, for
// sandbox.browser.test.ts.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { freePort, type TempDir, tempDir } from '@repertoire/testing';
import { build } from 'vite';

/** A built page, served on loopback. */
export interface BuiltPage {
  /** Its URL. */
  readonly url: string;
  /** Stops serving and removes the build. */
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
};

/** Builds the Vite page at `root`, lets `extra` add files to the output, and serves it. */
export async function servePage(root: string, extra: (dir: string) => void): Promise<BuiltPage> {
  const dir: TempDir = await tempDir('repertoire-sandbox-page-');
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: { outDir: dir.path, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
    worker: { format: 'es' },
  });
  extra(dir.path);
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
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
