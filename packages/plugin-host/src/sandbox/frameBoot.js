// The only script of a plugin's sandbox frame (an opaque-origin iframe under a strict CSP; see
// browserSandbox.ts). A classic script on purpose: the frame has an opaque origin, so it may load a
// classic script from the app, but not a module (that would need CORS). It waits for the host's
// start message, turns the sandbox runtime and the plugin's code into blob: URLs of its own origin,
// and starts the runtime in a classic Worker that inherits the frame's CSP. The plugin never runs
// in the frame itself.

addEventListener('message', function start(event) {
  const data = event.data;
  if (event.source !== parent || !data || data.type !== 'repertoire.sandbox.start') return;
  removeEventListener('message', start);
  const port = event.ports[0];
  const control = event.ports[1];
  const report = (message) => control.postMessage({ type: 'error', message: String(message) });
  try {
    const blobUrl = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    const worker = new Worker(blobUrl(data.runtime), { name: data.name });
    worker.addEventListener('error', (error) => {
      error.preventDefault();
      report(error.message || 'the sandbox Worker failed to start');
    });
    // Only the API port goes in; the control port stays here to report the Worker's failures.
    worker.postMessage({ type: 'repertoire.sandbox.port', moduleUrl: blobUrl(data.plugin) }, [
      port,
    ]);
  } catch (error) {
    report(error?.message ?? error);
  }
});
