// The two files a sandbox frame is made of, as Vite builds them: the boot script (a file of its own,
// never inlined, since the frame's CSP names its URL) and the sandbox runtime, bundled from
// frameWorker.ts with comlink into one file. Kept in its own module, imported on first use, so Node
// (tests, headless hosts) never meets these Vite-only imports.
import bootUrl from './frameBoot.js?url&no-inline';
import runtimeUrl from './frameWorker.ts?worker&url';

/** Absolute URLs of the frame's boot script and of the bundled sandbox runtime. */
export const frameAssets = {
  bootUrl: new URL(bootUrl, document.baseURI).href,
  runtimeUrl: new URL(runtimeUrl, document.baseURI).href,
};
