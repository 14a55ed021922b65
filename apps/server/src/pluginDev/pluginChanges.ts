import { type FSWatcher, watch } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sep } from 'node:path';
import { type HttpRoutes, listPlugins, requireUser, sendJson } from '@repertoire/server';

/** Where open workbenches hear that an installed plugin changed on disk. */
export const PLUGIN_CHANGES_PATH = '/api/plugins/changes';
/** A rebuild writes several files; one signal goes out once the folder has been quiet this long. */
const SETTLE_MS = 200;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

/** The dev-mode routes and the watcher behind them; `close` stops both. */
export interface PluginChanges {
  readonly routes: HttpRoutes;
  close(): void;
}

/**
 * `repertoire serve --dev`: watches the installed plugins' folder and tells every signed-in
 * workbench, over server-sent events at {@link PLUGIN_CHANGES_PATH}, which plugin changed
 * (`event: plugin`, data `{ folder, id, url }`), so the web app reloads it in place
 * (`host.reload`) without a page reload. The catalogue (`GET /api/plugins`) then also names the
 * stream (`changes`), which is how the web app knows to listen. Development only: nothing here
 * runs without `--dev`.
 */
export function pluginChanges(dir: string): PluginChanges {
  const clients = new Set<ServerResponse>();
  const pending = new Map<string, NodeJS.Timeout>();
  const announce = (folder: string) => {
    pending.delete(folder);
    const plugin = listPlugins(dir).find(
      (p) => p.url === `/plugins/${encodeURIComponent(folder)}/`,
    );
    // Mid-rebuild (the folder emptied, its manifest not written yet): the next change announces it.
    if (!plugin) return;
    const data = JSON.stringify({ folder, id: plugin.id, url: plugin.url });
    for (const client of clients) client.write(`event: plugin\ndata: ${data}\n\n`);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
      const folder = file?.toString().split(sep)[0];
      if (!folder) return;
      clearTimeout(pending.get(folder));
      pending.set(
        folder,
        setTimeout(() => announce(folder), SETTLE_MS),
      );
    });
  } catch (error) {
    throw new Error(`--dev: cannot watch the plugins folder ${dir}: ${(error as Error).message}`);
  }
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  const routes: HttpRoutes = (router, api) => {
    // Registered before the server's own catalogue route, so this one answers: the same list,
    // and where to hear of changes.
    router.add('GET', '/api/plugins', async ({ response }) => {
      sendJson(response, 200, { plugins: listPlugins(dir), changes: PLUGIN_CHANGES_PATH });
    });
    router.add('GET', PLUGIN_CHANGES_PATH, async ({ request, response }) => {
      await requireUser(api, request);
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write('retry: 1000\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    });
  };
  return {
    routes,
    close() {
      watcher?.close();
      clearInterval(keepAlive);
      for (const timer of pending.values()) clearTimeout(timer);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
