import {
  type Disposable,
  Emitter,
  type Event,
  type JsonValue,
  toDisposable,
  type WebviewContent,
  type WebviewView,
  type WebviewViewProvider,
} from '@repertoire/plugin-api';

/** The largest message a view may post to its plugin, as JSON text. */
export const WEBVIEW_MESSAGE_LIMIT = 256 * 1024;
/** The largest content a plugin may give a view, as text (markup, styles and script together). */
export const WEBVIEW_CONTENT_LIMIT = 2 * 1024 * 1024;

/** A registered webview view: its plugin, its provider and where its problems go. */
interface WebviewEntry {
  readonly viewId: string;
  readonly pluginId: string;
  readonly provider: WebviewViewProvider;
  /** The origins the view may connect to (the plugin's `networkOrigins` with `network`). */
  readonly networkOrigins: readonly string[];
  readonly report: (message: string) => void;
}

/**
 * One shown webview, as the workbench's mount sees it. Everything that comes from the view goes
 * through {@link WebviewSession.receive}, which refuses what is not plain JSON.
 */
export interface WebviewSession extends Disposable {
  /** The view id. */
  readonly viewId: string;
  /** The plugin that provides it. */
  readonly pluginId: string;
  /** The origins the view may connect to; empty without `network`. */
  readonly networkOrigins: readonly string[];
  /** What the view shows now; undefined until the plugin sets it. */
  readonly content: WebviewContent | undefined;
  /** Fires when the plugin replaces the content. */
  readonly onDidChangeContent: Event<WebviewContent>;
  /** Fires with each message the plugin posts to the view. */
  readonly onDidPostMessage: Event<JsonValue>;
  /** Hands the plugin a message from the view; returns the reason when it refuses it. */
  receive(message: unknown): string | undefined;
  /**
   * The state the view saved last with `repertoireWebview.setState` (since API 1.4), kept by the
   * host for the view id across hide and show; undefined when it saved none.
   */
  readonly state: JsonValue | undefined;
  /** Keeps the view's state; returns the reason when it refuses it (not plain JSON, too large). */
  saveState(state: unknown): string | undefined;
}

/** Where webview states outlive the page (the workbench gives the tab's session storage). */
export interface WebviewStateStore {
  get(viewId: string): string | null | undefined;
  set(viewId: string, json: string | undefined): void;
}

/** Why `value` is not plain JSON (a cyclic, non-plain or too deep value), or undefined. */
function notJson(value: unknown, depth = 0): string | undefined {
  if (depth > 64) return 'it is nested more than 64 levels deep';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `it holds ${value}`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const why = notJson(item, depth + 1);
      if (why) return why;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      return `it holds a ${(value as object).constructor?.name ?? 'non-plain'} object`;
    for (const item of Object.values(value)) {
      const why = notJson(item, depth + 1);
      if (why) return why;
    }
    return undefined;
  }
  return `it holds a value of type ${typeof value}`;
}

function checkContent(viewId: string, content: WebviewContent): WebviewContent {
  const parts = [content?.html, content?.css ?? '', content?.script ?? ''];
  if (!parts.every((part) => typeof part === 'string'))
    throw new Error(
      `The content of webview ${viewId} needs html (and optional css, script) as text.`,
    );
  if (parts.reduce((n, part) => n + part.length, 0) > WEBVIEW_CONTENT_LIMIT)
    throw new Error(
      `The content of webview ${viewId} is larger than ${WEBVIEW_CONTENT_LIMIT} characters.`,
    );
  return {
    html: content.html,
    ...(content.css ? { css: content.css } : {}),
    ...(content.script ? { script: content.script } : {}),
  };
}

/**
 * Webview views by view id: plugins register providers, the workbench opens sessions. A session
 * pairs the plugin's {@link WebviewView} with the mount that renders it in a sandboxed iframe.
 */
export class WebviewRegistry {
  readonly #entries = new Map<string, WebviewEntry>();
  readonly #sessions = new Map<string, Set<WebviewSession>>();
  readonly #onDidChange = new Emitter<string>();
  readonly #states = new Map<string, JsonValue>();
  #stateStore: WebviewStateStore | undefined;
  /** Fires with a view id when its webview provider is registered or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /** Registers a plugin's webview view provider; one per view. */
  register(entry: WebviewEntry): Disposable {
    const { viewId } = entry;
    if (this.#entries.has(viewId))
      throw new Error(`View ${viewId} already has a webview provider.`);
    this.#entries.set(viewId, entry);
    this.#onDidChange.fire(viewId);
    return toDisposable(() => {
      if (this.#entries.get(viewId) !== entry) return;
      this.#entries.delete(viewId);
      for (const session of [...(this.#sessions.get(viewId) ?? [])]) session.dispose();
      this.#onDidChange.fire(viewId);
    });
  }

  /**
   * Keeps webview states in `store` too, so they survive a reload of the page, not only a hide and
   * show (since API 1.4). What the store holds is checked again when read.
   */
  persistStatesIn(store: WebviewStateStore): void {
    this.#stateStore = store;
  }

  /** The state a view saved last (see {@link WebviewSession.state}). */
  stateOf(viewId: string): JsonValue | undefined {
    if (this.#states.has(viewId)) return this.#states.get(viewId);
    let stored: string | null | undefined;
    try {
      stored = this.#stateStore?.get(viewId);
    } catch {
      return undefined;
    }
    if (typeof stored !== 'string') return undefined;
    try {
      const value: unknown = JSON.parse(stored);
      if (notJson(value) === undefined) {
        this.#states.set(viewId, value as JsonValue);
        return value as JsonValue;
      }
    } catch {
      // A store someone else wrote: forget it.
    }
    return undefined;
  }

  #saveState(viewId: string, state: unknown): string | undefined {
    if (state === undefined || state === null) {
      this.#states.delete(viewId);
      this.#stateStore?.set(viewId, undefined);
      return undefined;
    }
    const why = notJson(state);
    if (why)
      return `Webview ${viewId} saved a state that is not plain JSON: ${why}. It was not kept.`;
    const json = JSON.stringify(state);
    if (json.length > WEBVIEW_MESSAGE_LIMIT)
      return `Webview ${viewId} saved a state of ${json.length} characters (the limit is ${WEBVIEW_MESSAGE_LIMIT}). It was not kept.`;
    this.#states.set(viewId, state as JsonValue);
    try {
      this.#stateStore?.set(viewId, json);
    } catch {
      // A full or closed store still leaves the state for hide and show.
    }
    return undefined;
  }

  /** Whether a view is a webview. */
  has(viewId: string): boolean {
    return this.#entries.has(viewId);
  }

  /** How many sessions are open (for leak checks). */
  get openSessions(): number {
    let n = 0;
    for (const set of this.#sessions.values()) n += set.size;
    return n;
  }

  /**
   * Shows a webview view: asks its plugin to resolve it and gives back the session to render.
   * Rejects when the view has no provider or the plugin's `resolveWebviewView` fails.
   */
  async open(viewId: string): Promise<WebviewSession> {
    const entry = this.#entries.get(viewId);
    if (!entry) throw new Error(`View ${viewId} has no webview provider.`);
    const contentChanged = new Emitter<WebviewContent>();
    const toView = new Emitter<JsonValue>();
    const fromView = new Emitter<JsonValue>();
    const disposed = new Emitter<void>();
    let content: WebviewContent | undefined;
    let open = true;
    const stateOf = () => this.stateOf(viewId);
    const saveState = (state: unknown) => this.#saveState(viewId, state);
    const sessions = this.#sessions.get(viewId) ?? new Set<WebviewSession>();
    this.#sessions.set(viewId, sessions);

    const view: WebviewView = {
      viewId,
      webview: {
        setContent(next) {
          if (!open) return;
          content = checkContent(viewId, next);
          contentChanged.fire(content);
        },
        async postMessage(message) {
          if (!open) return false;
          const why = notJson(message);
          if (why)
            throw new Error(`A message to webview ${viewId} must be plain JSON, but ${why}.`);
          toView.fire(message);
          return true;
        },
        onDidReceiveMessage: fromView.event,
      },
      onDidDispose: disposed.event,
    };
    const session: WebviewSession = {
      viewId,
      pluginId: entry.pluginId,
      networkOrigins: entry.networkOrigins,
      get content() {
        return content;
      },
      onDidChangeContent: contentChanged.event,
      onDidPostMessage: toView.event,
      get state() {
        return stateOf();
      },
      saveState(state) {
        if (!open) return `Webview ${viewId} is closed.`;
        const refusal = saveState(state);
        if (refusal) entry.report(refusal);
        return refusal;
      },
      receive(message) {
        if (!open) return `Webview ${viewId} is closed.`;
        const why = notJson(message);
        const size = why ? 0 : JSON.stringify(message).length;
        const refusal = why
          ? `Webview ${viewId} posted a message that is not plain JSON: ${why}. It was dropped.`
          : size > WEBVIEW_MESSAGE_LIMIT
            ? `Webview ${viewId} posted a message of ${size} characters (the limit is ${WEBVIEW_MESSAGE_LIMIT}). It was dropped.`
            : undefined;
        if (refusal) {
          entry.report(refusal);
          return refusal;
        }
        fromView.fire(message as JsonValue);
        return undefined;
      },
      dispose() {
        if (!open) return;
        open = false;
        sessions.delete(session);
        disposed.fire();
        for (const emitter of [contentChanged, toView, fromView, disposed]) emitter.dispose();
      },
    };
    sessions.add(session);
    try {
      await entry.provider.resolveWebviewView(view);
    } catch (error) {
      session.dispose();
      throw new Error(
        `Plugin ${entry.pluginId} could not show webview ${viewId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return session;
  }
}
