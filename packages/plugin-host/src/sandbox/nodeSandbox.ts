import { Worker } from 'node:worker_threads';
import { nodeEndpoint } from './nodeEndpoint.ts';
import type { SandboxChannel } from './sandboxRunner.ts';

/**
 * A sandbox in a Node worker thread carrying the browser's protocol; for tests and headless use
 * (the browser uses a module Web Worker, see `browserSandbox.ts`).
 */
export function createNodeSandbox(): SandboxChannel {
  const worker = new Worker(new URL('./nodeWorker.ts', import.meta.url));
  return {
    endpoint: nodeEndpoint(worker),
    terminate: () => void worker.terminate(),
    onError: (listener) => worker.on('error', listener),
  };
}
