// The sandbox entry for Node's worker_threads (tests and headless runs): the same runtime as the
// browser's Web Worker, over the parent port.
import { parentPort } from 'node:worker_threads';
import { nodeEndpoint } from './nodeEndpoint.ts';
import { exposeSandbox } from './sandboxRuntime.ts';

if (!parentPort) throw new Error('nodeWorker.ts must run in a worker thread');
exposeSandbox(nodeEndpoint(parentPort));
