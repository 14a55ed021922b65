import type { PluginHost, PluginPackage } from '@repertoire/plugin-host';
import { type Disposable, toDisposable, type WorkbenchServices } from '@repertoire/workbench';

interface Catalogue {
  plugins: { id: string; url: string; packageJson?: PluginPackage['packageJson'] }[];
}

/**
 * Plugin development (`repertoire serve --dev`): the server says over server-sent events which
 * installed plugin changed on disk; this reloads it into the running host (`host.reload`: the new
 * manifest, the module re-imported, re-activated if it was active) without a page reload. Open
 * views stay where they are and re-render in place once the new code provides them again. A
 * rebuild that does not load (a bad manifest, a bundle that throws) is reported and the previous
 * version keeps running.
 */
export function followPluginChanges(
  services: WorkbenchServices,
  host: PluginHost,
  changesUrl: string,
  builtinIds: ReadonlySet<string>,
): Disposable {
  const source = new EventSource(changesUrl, { withCredentials: true });
  // One reload at a time, in the order the server announced them.
  let queue: Promise<unknown> = Promise.resolve();
  const reload = async (id: string, url: string) => {
    if (builtinIds.has(id)) return;
    const response = await fetch('/api/plugins', { credentials: 'include', cache: 'no-store' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const listed = ((await response.json()) as Catalogue).plugins.find((p) => p.url === url);
    const packageJson =
      listed?.packageJson ??
      (await (await fetch(new URL('package.json', new URL(url, window.location.origin)))).json());
    const pkg: PluginPackage = {
      packageJson,
      builtin: false,
      baseUrl: new URL(url, window.location.origin).href,
    };
    if (host.state(id) === undefined) await host.add([pkg]);
    else await host.reload(id, pkg);
    const name = host.plugins().find((p) => p.id === id)?.displayName ?? id;
    services.notifications.info(`Reloaded plugin ${name}.`);
  };
  source.addEventListener('plugin', (event) => {
    let change: { id?: unknown; url?: unknown };
    try {
      change = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return;
    }
    const { id, url } = change;
    if (typeof id !== 'string' || typeof url !== 'string') return;
    queue = queue
      .then(() => reload(id, url))
      .catch((error: unknown) =>
        services.notifications.error(
          `Plugin ${id} changed but could not be reloaded: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  });
  return toDisposable(() => source.close());
}
