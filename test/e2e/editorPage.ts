// Builds the editor's test page with Vite into a temp dir, serves it over HTTP, and runs a real
// Hocuspocus server beside it: what the editor e2e tests and the editor benchmark drive.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { extname, join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { build } from 'vite';
import { freePort } from '../src/ports.ts';
import { type TempDir, tempDir } from '../src/tempDir.ts';

/** The built page and the sync server it talks to, on loopback. */
export interface EditorStage {
  /** The page URL for one member, e.g. `stage.pageUrl({ member: 'm-ada', name: 'Ada' })`. */
  pageUrl(params: Record<string, string>): string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Builds test/e2e/editor-page and starts a Hocuspocus server for it. */
export async function startEditorStage(): Promise<EditorStage> {
  const dir: TempDir = await tempDir('repertoire-editor-page-');
  await build({
    root: join(import.meta.dirname, 'editor-page'),
    logLevel: 'warn',
    configFile: false,
    build: { outDir: dir.path, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 8192 },
  });
  const wsPort = await freePort();
  const hocuspocus = new Server({
    port: wsPort,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
  });
  await hocuspocus.listen();
  const httpPort = await freePort();
  const http: HttpServer = createServer((req, res) => {
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
  await new Promise<void>((resolve) => http.listen(httpPort, '127.0.0.1', resolve));
  const wsUrl = `ws://127.0.0.1:${wsPort}`;
  return {
    wsUrl,
    pageUrl: (params) =>
      `http://127.0.0.1:${httpPort}/?${new URLSearchParams({ ws: wsUrl, ...params })}`,
    async close() {
      await new Promise((resolve) => http.close(resolve));
      await hocuspocus.destroy();
      await dir.dispose();
    },
  };
}
