import type { SandboxChannel } from './sandboxRunner.ts';

/**
 * A sandbox in a module Web Worker running `worker.ts`. Bundlers (Vite) see the `new URL(...)`
 * pattern and emit the Worker as its own chunk.
 */
export function createBrowserSandbox(): SandboxChannel {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'repertoire-plugin-sandbox',
  });
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onError: (listener) => worker.addEventListener('error', (event) => listener(event.message)),
  };
}
