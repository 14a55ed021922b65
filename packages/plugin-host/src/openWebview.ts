import type { PluginHost } from './pluginHost.ts';
import type { WebviewSession } from './webviewRegistry.ts';

/**
 * Shows a webview view: activates its plugin first (`onView:<id>`) when it has not provided the
 * view yet, then opens a session for the workbench to render (see `mountWebview`).
 */
export async function openWebview(host: PluginHost, viewId: string): Promise<WebviewSession> {
  if (!host.webviews.has(viewId)) {
    const owner = host.contributions.viewOwner(viewId);
    if (!owner) throw new Error(`View ${viewId} does not exist.`);
    await host.activateByEvent(`onView:${viewId}`);
    if (!host.webviews.has(viewId)) await host.activate(owner);
    if (!host.webviews.has(viewId))
      throw new Error(`Plugin ${owner} declares view ${viewId} but did not provide its webview.`);
  }
  return host.webviews.open(viewId);
}
