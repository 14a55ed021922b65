// The files the sandbox frames are made of, as Vite builds them: the boot scripts of plugin frames and
// webview frames (files of their own, never inlined, since each frame's CSP names its URL) and the
// sandbox runtime, bundled from
// frameWorker.ts with comlink into one file. Kept in its own module, imported on first use, so Node
// (tests, headless hosts) never meets these Vite-only imports.
import bootUrl from './frameBoot.js?url&no-inline';
import runtimeUrl from './frameWorker.ts?worker&url';
import webviewBootUrl from './webviewBoot.js?url&no-inline';

/** Absolute URLs of the frames' boot scripts and of the bundled sandbox runtime. */
export const frameAssets = {
  bootUrl: new URL(bootUrl, document.baseURI).href,
  runtimeUrl: new URL(runtimeUrl, document.baseURI).href,
  webviewBootUrl: new URL(webviewBootUrl, document.baseURI).href,
};
