// Builds the graph explorer's test page with Vite and serves it over HTTP.
import { join } from 'node:path';
import { type BuiltPage, serveBuiltPage } from '../src/builtPage.ts';

/** The built page, served on loopback. */
export type GraphPage = BuiltPage;

/**
 * Builds test/e2e/graph-page and serves it. With `apiOrigin`, requests under `/api/` are passed to
 * that server, so the page reaches a real Repertoire server same-origin (its session cookie
 * included), as the web app does.
 */
export function serveGraphPage(options: { apiOrigin?: string } = {}): Promise<GraphPage> {
  return serveBuiltPage({
    root: join(import.meta.dirname, 'graph-page'),
    minify: true,
    ...options,
  });
}
