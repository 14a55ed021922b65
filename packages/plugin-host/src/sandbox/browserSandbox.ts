import type { Endpoint } from 'comlink';
import { frameDocument } from './frameDocument.ts';
import type { SandboxChannel, SandboxSpec } from './sandboxRunner.ts';

// Where the browser puts the line: each third-party plugin gets its own iframe with
// `sandbox="allow-scripts"` and no `allow-same-origin`, so its origin is opaque (no cookies, no
// storage, nothing same-origin with the app, no `/api`), under a CSP that allows only the boot
// script, blob: code and, with `network`, the declared origins. The plugin runs in a Worker the frame
// starts from a blob: URL, which inherits that CSP (dynamic import, nested Workers, fetch, caches,
// fonts, WebSockets and WebTransport all meet it). The host fetches the code; the frame fetches
// nothing. The API is the usual message protocol over a MessagePort.

let runtime: Promise<{ bootUrl: string; runtimeText: string }> | undefined;

/** The boot script's URL and the sandbox runtime's bundled text, fetched once per page. */
function frameRuntime(): Promise<{ bootUrl: string; runtimeText: string }> {
  runtime ??= import('./frameAssets.ts')
    .then(async ({ frameAssets }) => ({
      bootUrl: frameAssets.bootUrl,
      runtimeText: await fetchText(frameAssets.runtimeUrl, 'the sandbox runtime'),
    }))
    .catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
  return runtime;
}

async function fetchText(url: string, what: string): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Could not load ${what} from ${url}: HTTP ${response.status}.`);
  return response.text();
}

/**
 * A sandbox for one third-party plugin in the browser: an opaque-origin iframe under a strict CSP
 * with the plugin's Worker inside. Removing the frame stops the Worker whatever it is doing.
 */
export function createBrowserSandbox(plugin: SandboxSpec): SandboxChannel {
  const { port1, port2 } = new MessageChannel();
  const control = new MessageChannel();
  const errorListeners = new Set<(error: unknown) => void>();
  let failure: Error | undefined;
  const fail = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    for (const listener of errorListeners) listener(failure);
  };
  control.port1.onmessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; message?: unknown } | null;
    if (data?.type === 'error')
      fail(new Error(`Plugin ${plugin.pluginId}'s sandbox failed: ${String(data.message)}`));
  };

  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = `Sandbox of plugin ${plugin.pluginId}`;
  frame.dataset.repertoirePlugin = plugin.pluginId;
  frame.style.display = 'none';
  let stopped = false;

  const start = async () => {
    const [{ bootUrl, runtimeText }, pluginText] = await Promise.all([
      frameRuntime(),
      fetchText(plugin.mainUrl, `plugin ${plugin.pluginId}`),
    ]);
    if (stopped) return;
    frame.srcdoc = frameDocument({
      bootUrl,
      networkOrigins: plugin.network ? plugin.networkOrigins : [],
    });
    const loaded = new Promise<void>((resolve) =>
      frame.addEventListener('load', () => resolve(), { once: true }),
    );
    document.body.append(frame);
    await loaded;
    if (stopped) return;
    // '*' because an opaque origin has no name to target; only code and ports travel, no secrets.
    frame.contentWindow?.postMessage(
      {
        type: 'repertoire.sandbox.start',
        name: `plugin ${plugin.pluginId}`,
        runtime: runtimeText,
        plugin: pluginText,
      },
      '*',
      [port2, control.port2],
    );
  };
  start().catch(fail);

  return {
    endpoint: port1 as unknown as Endpoint,
    terminate: () => {
      stopped = true;
      frame.remove();
      port1.close();
      control.port1.close();
    },
    onError: (listener) => {
      errorListeners.add(listener);
      if (failure) listener(failure);
    },
  };
}
