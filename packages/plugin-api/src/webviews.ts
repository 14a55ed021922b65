import type { Disposable, Event } from '@repertoire/base';
import type { JsonValue } from './json.ts';

/**
 * What a webview shows: the plugin's own markup, styles and script. The workbench renders it in an
 * iframe with `sandbox="allow-scripts"` and no same origin, under a CSP that allows only this
 * content (no network unless the plugin has `network`, then only its `networkOrigins`). Inline
 * `<script>` tags in `html` do not run: put the view's code in `script`.
 */
export interface WebviewContent {
  /** The body's markup. */
  readonly html: string;
  /** CSS for the view; the workbench's theme variables (`--rp-…`) are defined on `:root`. */
  readonly css?: string;
  /**
   * JavaScript run in the view after `html` is in place. It finds `window.repertoireWebview`:
   * `postMessage(message)` sends plain JSON to the plugin's {@link Webview.onDidReceiveMessage},
   * and `onMessage(listener)` receives what the plugin posts with {@link Webview.postMessage}.
   * Since 1.4 it also has VS Code's `getState()` and `setState(json)`: the host keeps the last
   * state the view set (plain JSON, up to 256 KB) for its view id, and `getState()` returns it when
   * the view is shown again after being hidden, or after the page reloads in the same tab; a
   * hidden view's script does not run, so save what it needs to come back as it was.
   */
  readonly script?: string;
}

/** The plugin's handle on one shown webview. */
export interface Webview {
  /**
   * Replaces what the view shows (its script restarts, as on a reload of the view; the state it
   * saved with `setState` stays).
   */
  setContent(content: WebviewContent): void;
  /**
   * Sends plain JSON to the view's script. Resolves true once delivered, false when the view is
   * gone (closed) before it could be.
   */
  postMessage(message: JsonValue): Promise<boolean>;
  /** Fires with each message the view's script posts; malformed ones are refused by the host. */
  readonly onDidReceiveMessage: Event<JsonValue>;
}

/** A declared view (side bar, panel or editor tab) rendered as a webview. */
export interface WebviewView {
  /** The view id from `contributes.views`. */
  readonly viewId: string;
  /** Its webview. */
  readonly webview: Webview;
  /** Fires when the member closes the view or the workbench hides it; post nothing after. */
  readonly onDidDispose: Event<void>;
}

/** Supplies a webview view each time the workbench shows it. */
export interface WebviewViewProvider {
  /** Fills `view` (set its content, listen to its messages). Called each time the view is shown. */
  resolveWebviewView(view: WebviewView): void | Promise<void>;
}

/**
 * Views with the plugin's own UI (dashboards, custom editors), rendered in sandboxed iframes as in
 * VS Code's webviews. Available to every plugin, sandboxed ones included.
 */
export interface WebviewsApi {
  /**
   * Renders a view declared in `contributes.views` as a webview. Throws when the manifest does not
   * declare the view or it already has a provider. Dispose to unregister.
   */
  registerWebviewViewProvider(viewId: string, provider: WebviewViewProvider): Disposable;
}
