import type { Disposable } from '@repertoire/plugin-api';
import type { WebviewSession } from '../webviewRegistry.ts';
import { frameDocument, webviewContentSecurityPolicy } from './frameDocument.ts';

/** Options of {@link mountWebview}. */
export interface WebviewMountOptions {
  /** The workbench's theme as CSS custom properties (`--rp-…` → value), defined on the view's `:root`. */
  readonly theme?: Readonly<Record<string, string>>;
  /** Called with a clear message when the view's script throws or posts what the host refuses. */
  readonly onError?: (message: string) => void;
  /**
   * Sizes the frame to the height of the view's content (between 24 and 2000 px) instead of
   * filling the container: for a home section, which has no height of its own.
   */
  readonly fitContent?: boolean;
}

/** A mounted webview: dispose to remove it (which ends its script, whatever it is doing). */
export interface MountedWebview extends Disposable {
  /** Passes a new theme in (when the member switches light/dark). */
  setTheme(theme: Readonly<Record<string, string>>): void;
}

// A theme variable travels into the view's stylesheet: only a custom property name and a value
// that cannot close the rule.
const VARIABLE = /^--[a-zA-Z0-9-]+$/;
const VALUE = /^[^;{}<>\\]{0,200}$/;

function safeTheme(theme: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(theme).filter(([name, value]) => VARIABLE.test(name) && VALUE.test(value)),
  );
}

/**
 * Renders a webview session in `container`, as VS Code renders webviews: an iframe with
 * `sandbox="allow-scripts"` and no same origin, whose CSP allows only its boot script and the
 * view's own code, no network unless the plugin has `network` (then only its declared origins).
 * Everything the view posts goes through the session, which refuses what is not plain JSON.
 */
export function mountWebview(
  container: HTMLElement,
  session: WebviewSession,
  options: WebviewMountOptions = {},
): MountedWebview {
  const { port1, port2 } = new MessageChannel();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.name = `webview:${session.viewId}`;
  frame.title = session.viewId;
  frame.className = 'rp-webview-frame';
  frame.dataset.repertoireWebview = session.viewId;
  frame.style.border = '0';
  frame.style.width = '100%';
  frame.style.height = '100%';
  const report = (message: string) => options.onError?.(message);
  let stopped = false;

  port1.onmessage = (event: MessageEvent) => {
    const data = event.data as {
      type?: unknown;
      data?: unknown;
      message?: unknown;
      value?: unknown;
    } | null;
    if (data?.type === 'message') {
      const refusal = session.receive(data.data);
      if (refusal) report(refusal);
    } else if (data?.type === 'height') {
      const height = Number(data.value);
      if (options.fitContent && Number.isFinite(height))
        frame.style.height = `${Math.min(2000, Math.max(24, Math.round(height)))}px`;
    } else if (data?.type === 'state') {
      const refusal = session.saveState(data.data);
      if (refusal) report(refusal);
    } else if (data?.type === 'error') {
      report(`The view ${session.viewId} failed: ${String(data.message)}`);
    } else {
      report(`The view ${session.viewId} sent something that is not a message; it was ignored.`);
    }
  };
  // The start message carries the content as it is then; a change before it must not arrive
  // again as a second render (the view's script would run twice in one page).
  let started = false;
  const subscriptions = [
    session.onDidChangeContent((content) => {
      if (started) port1.postMessage({ type: 'content', content });
    }),
    session.onDidPostMessage((message) => port1.postMessage({ type: 'message', data: message })),
  ];

  void import('./frameAssets.ts')
    .then(async ({ frameAssets }) => {
      if (stopped) return;
      const policyOptions = {
        bootUrl: frameAssets.webviewBootUrl,
        networkOrigins: session.networkOrigins,
      };
      frame.srcdoc = frameDocument(policyOptions, webviewContentSecurityPolicy(policyOptions));
      const loaded = new Promise<void>((resolve) =>
        frame.addEventListener('load', () => resolve(), { once: true }),
      );
      container.append(frame);
      await loaded;
      if (stopped) return;
      frame.contentWindow?.postMessage(
        {
          type: 'repertoire.webview.start',
          theme: safeTheme(options.theme),
          content: session.content,
          state: session.state ?? null,
        },
        '*',
        [port2],
      );
      started = true;
    })
    .catch((error: unknown) =>
      report(`The view ${session.viewId} could not start: ${String(error)}`),
    );

  return {
    setTheme(theme) {
      port1.postMessage({ type: 'theme', variables: safeTheme(theme) });
    },
    dispose() {
      stopped = true;
      for (const subscription of subscriptions) subscription.dispose();
      port1.close();
      frame.remove();
      session.dispose();
    },
  };
}
