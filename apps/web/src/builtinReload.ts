import type { PluginHost } from '@repertoire/plugin-host';
import { type Disposable, toDisposable, type WorkbenchServices } from '@repertoire/workbench';

declare global {
  /** Set under `vite dev`: a built-in's entry module was updated (see builtinHotReload.ts). */
  var repertoireBuiltinChanged: ((folder: string, module: unknown) => void) | undefined;
}

/** What the app knows of a built-in: its id, and where its entry's module is kept. */
export interface BuiltinEntry {
  readonly id: string;
  readonly entry: string;
}

/**
 * Reloads a built-in plugin into the running host when Vite hands over its updated entry module
 * (`vite dev` only; in a build `import.meta.hot` is absent and nothing is installed). The new module
 * replaces the kept one, and `host.reload` disposes the old registrations and activates the new
 * code; a reload that fails is reported and the previous version keeps running.
 */
export function followBuiltinChanges(
  services: WorkbenchServices,
  host: PluginHost,
  builtins: ReadonlyMap<string, BuiltinEntry>,
  keep: (entry: string, module: unknown) => void,
): Disposable {
  if (!import.meta.hot) return toDisposable(() => {});
  let queue: Promise<unknown> = Promise.resolve();
  globalThis.repertoireBuiltinChanged = (folder, module) => {
    const builtin = builtins.get(folder);
    if (!builtin) return;
    queue = queue
      .then(async () => {
        keep(builtin.entry, module);
        await host.reload(builtin.id);
        const name = host.plugins().find((p) => p.id === builtin.id)?.displayName ?? builtin.id;
        services.notifications.info(`Reloaded plugin ${name}.`);
      })
      .catch((error: unknown) =>
        services.notifications.error(
          `Plugin ${builtin.id} changed but could not be reloaded: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  };
  return toDisposable(() => {
    globalThis.repertoireBuiltinChanged = undefined;
  });
}
