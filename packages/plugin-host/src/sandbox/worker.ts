// The Web Worker entry of the plugin sandbox: the Worker's global scope is the message endpoint.
import type { Endpoint } from 'comlink';
import { exposeSandbox } from './sandboxRuntime.ts';

exposeSandbox(globalThis as unknown as Endpoint);
