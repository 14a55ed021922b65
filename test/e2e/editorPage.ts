// Builds the editor's test page with Vite, serves it over HTTP, and runs a real Hocuspocus server
// beside it: what the editor e2e tests and the editor benchmark drive.
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { serveBuiltPage } from '../src/builtPage.ts';
import { freePort } from '../src/ports.ts';

/** The built page and the sync server it talks to, on loopback. */
export interface EditorStage {
  /** The page URL for one member, e.g. `stage.pageUrl({ member: 'm-ada', name: 'Ada' })`. */
  pageUrl(params: Record<string, string>): string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

/** Builds test/e2e/editor-page and starts a Hocuspocus server for it. */
export async function startEditorStage(): Promise<EditorStage> {
  const page = await serveBuiltPage({
    root: join(import.meta.dirname, 'editor-page'),
    minify: true,
  });
  const wsPort = await freePort();
  const hocuspocus = new Server({
    port: wsPort,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
  });
  await hocuspocus.listen();
  const wsUrl = `ws://127.0.0.1:${wsPort}`;
  return {
    wsUrl,
    pageUrl: (params) => `${page.url}?${new URLSearchParams({ ws: wsUrl, ...params })}`,
    async close() {
      await page.close();
      await hocuspocus.destroy();
    },
  };
}
