import { API_VERSION, type FormSubmitResult, type ViewContent } from '@repertoire/plugin-api';
import * as Comlink from 'comlink';
import { createPluginContext, type PluginScope } from '../pluginContext.ts';
import type { PluginRunner } from '../runner.ts';
import { PluginTimeoutError, withTimeout } from '../timeout.ts';
import { createHostBridge } from './hostBridge.ts';
import type { SandboxApi } from './protocol.ts';

/**
 * A message channel to a fresh sandbox: in the browser a Worker inside an opaque-origin iframe
 * under a strict CSP (`browserSandbox.ts`); in Node tests a `worker_threads` Worker carrying the
 * same protocol.
 */
export interface SandboxChannel {
  /** The port comlink talks over. */
  readonly endpoint: Comlink.Endpoint;
  /** Stops the sandbox at once, whatever its code is doing. */
  terminate(): void;
  /** Subscribes to errors the sandbox could not report through a call (uncaught, load failures). */
  onError?(listener: (error: unknown) => void): void;
}

/** What a sandbox needs to know of the plugin it will hold, before any of its code runs. */
export interface SandboxSpec {
  /** The plugin id (names the frame and the Worker, for errors and devtools). */
  readonly pluginId: string;
  /** URL of the plugin's ES module, as the host fetches it. */
  readonly mainUrl: string;
  /** Whether the manifest declares `network`. */
  readonly network: boolean;
  /** With `network`, the only origins the plugin may connect to (the manifest's `networkOrigins`). */
  readonly networkOrigins: readonly string[];
}

/** Creates a new sandbox for one plugin. */
export type SandboxFactory = (plugin: SandboxSpec) => SandboxChannel;

/** Options of a {@link SandboxRunner}. */
export interface SandboxRunnerOptions {
  /** Creates the Worker. */
  readonly createSandbox: SandboxFactory;
  /** URL of the plugin's ES module, as the Worker imports it. */
  readonly mainUrl: string;
  /** Limit for each call into the plugin (a command, a view). */
  readonly timeoutMs: number;
  /** Called when the plugin hangs or crashes outside activation; the host stops it. */
  readonly onCrash: (error: unknown) => void;
}

/**
 * Runs a third-party plugin in a sandbox. The plugin reaches the workspace only through the host
 * bridge (permission-checked); a call that does not return in time stops the Worker.
 */
export class SandboxRunner implements PluginRunner {
  readonly #scope: PluginScope;
  readonly #options: SandboxRunnerOptions;
  #channel: SandboxChannel | undefined;
  #remote: Comlink.Remote<SandboxApi> | undefined;

  /**
   * @param scope the plugin's scope (API backends and its registration store).
   * @param options how to make the Worker and how long to wait.
   */
  constructor(scope: PluginScope, options: SandboxRunnerOptions) {
    this.#scope = scope;
    this.#options = options;
  }

  /** Starts the Worker, imports the plugin there and runs its `activate`. */
  async activate(): Promise<void> {
    const { manifest } = this.#scope;
    const network = manifest.permissions.includes('network');
    const channel = this.#options.createSandbox({
      pluginId: manifest.id,
      mainUrl: this.#options.mainUrl,
      network,
      networkOrigins: network ? manifest.networkOrigins : [],
    });
    this.#channel = channel;
    // A sandbox that cannot start (its code did not load, its Worker failed) fails the activation at
    // once with the reason, rather than when the activation times out.
    let failActivation: (error: unknown) => void = () => {};
    const failed = new Promise<never>((_, reject) => {
      failActivation = reject;
    });
    failed.catch(() => {});
    channel.onError?.((error) => {
      failActivation(error instanceof Error ? error : new Error(String(error)));
      this.#options.onCrash(error);
    });
    const remote = Comlink.wrap<SandboxApi>(channel.endpoint);
    this.#remote = remote;
    const guarded = <T>(work: Promise<T>, what: string, factor = 1): Promise<T> =>
      withTimeout(work, this.#options.timeoutMs * factor, manifest.id, what).catch(
        (error: unknown) => {
          if (error instanceof PluginTimeoutError) this.#options.onCrash(error);
          throw error;
        },
      );
    const bridge = createHostBridge(createPluginContext(this.#scope), {
      invokeCommand: (id, args) => guarded(remote.invokeCommand(id, args), `command ${id}`),
      resolveView: (viewId) =>
        guarded(remote.resolveView(viewId) as Promise<ViewContent>, `view ${viewId}`),
      submitView: (viewId, values) =>
        guarded(
          remote.submitView(viewId, values) as Promise<void | FormSubmitResult>,
          `view ${viewId}`,
        ),
      // An analysis may compute for a while in its Worker; a hang still ends it.
      runAnalysis: (id) =>
        guarded(remote.runAnalysis(id) as Promise<ViewContent>, `analysis ${id}`, 6),
      dispatch: (handle, payload) => remote.dispatch(handle, payload),
      resolveWebview: (viewId, session) =>
        guarded(remote.resolveWebview(viewId, session), `webview ${viewId}`),
      webviewMessage: (session, message) => remote.webviewMessage(session, message),
      webviewDisposed: (session) => remote.webviewDisposed(session),
      quickOpenSearch: (id, query, limit) =>
        guarded(remote.quickOpenSearch(id, query, limit), `quick open ${id}`),
      quickOpenOpen: (id, resultId) =>
        guarded(remote.quickOpenOpen(id, resultId), `quick open ${id}`),
    });
    this.#scope.store.add({ dispose: () => bridge.disposeAll() });
    await Promise.race([
      failed,
      remote.activate(Comlink.proxy(bridge), {
        pluginId: manifest.id,
        version: manifest.version,
        displayName: manifest.displayName,
        mainUrl: this.#options.mainUrl,
        permissions: [...manifest.permissions],
        workspace: this.#scope.workspace,
        apiVersion: API_VERSION,
      }),
    ]);
  }

  /** Asks the plugin to deactivate (bounded by the timeout), then stops the Worker. */
  async deactivate(): Promise<void> {
    try {
      if (this.#remote)
        await withTimeout(
          this.#remote.deactivate(),
          this.#options.timeoutMs,
          this.#scope.manifest.id,
          'deactivate',
        );
    } finally {
      this.kill();
    }
  }

  /** Terminates the Worker and disposes everything the plugin registered in the host. */
  kill(): void {
    this.#channel?.terminate();
    this.#channel = undefined;
    this.#remote = undefined;
    this.#scope.store.dispose();
  }
}
