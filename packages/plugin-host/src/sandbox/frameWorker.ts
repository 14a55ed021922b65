// The sandbox runtime as it runs in a plugin's frame: a classic Worker started from a blob: URL
// (frameBoot.js), so it has the frame's opaque origin and inherits its Content-Security-Policy. It
// waits for the port to the host and the blob: URL of the plugin's code, then serves the same
// protocol as every other sandbox. Built as its own bundle with no imports or exports, so the
// frame can run its text as a classic script.
import { exposeSandbox } from './sandboxRuntime.ts';

addEventListener('message', function start(event: MessageEvent) {
  const data = event.data as { type?: string; moduleUrl?: string } | null;
  if (data?.type !== 'repertoire.sandbox.port' || typeof data.moduleUrl !== 'string') return;
  removeEventListener('message', start);
  const [port] = event.ports;
  if (!port) return;
  exposeSandbox(port, { moduleUrl: data.moduleUrl });
});
