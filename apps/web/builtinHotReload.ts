import type { Plugin } from 'vite';

/** A built-in plugin's entry module, and the plugin folder it names. */
const ENTRY = /\/plugins\/([a-z0-9-]+)\/src\/index\.ts$/;

/**
 * Hot reload of the built-in plugins under `vite dev` (issue 13, item 7). Without it a saved change
 * in `plugins/<folder>/src` reaches no module that accepts it, and Vite reloads the whole page. Here
 * each built-in's entry module accepts its own updates, which also stops the ones of every module
 * of the plugin below it, and hands the new module to the app (`window.repertoireBuiltinChanged`),
 * which reloads that plugin into the running host: its old registrations disposed, the new
 * module activated, open views re-rendered in place, with no page reload. Components that React
 * Fast Refresh updates on its own never get this far. A change to a manifest (`package.json`) or
 * to a shared package still reloads the page.
 */
export function builtinHotReload(): Plugin {
  return {
    name: 'repertoire-builtin-hot-reload',
    apply: 'serve',
    transform(code, id) {
      const folder = ENTRY.exec(id.split('?')[0] ?? '')?.[1];
      if (!folder) return undefined;
      return `${code}
if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    const reload = globalThis.repertoireBuiltinChanged;
    if (next && reload) reload(${JSON.stringify(folder)}, next);
    else import.meta.hot.invalidate();
  });
}
`;
    },
  };
}
