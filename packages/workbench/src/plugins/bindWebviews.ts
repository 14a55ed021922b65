import {
  type MountedWebview,
  mountWebview,
  openWebview,
  type PluginHost,
} from '@repertoire/plugin-host';
import { combineDisposables, type Disposable, toDisposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** The workbench's theme as the `--rp-…` custom properties on the root, to pass into a webview. */
function themeVariables(): Record<string, string> {
  const style = getComputedStyle(document.documentElement);
  const variables: Record<string, string> = {};
  for (const name of Array.from(style))
    if (name.startsWith('--rp-')) variables[name] = style.getPropertyValue(name).trim();
  return variables;
}

/**
 * Shows a plugin's webview view in `element`: opens its session (activating the plugin), renders
 * it in a sandboxed iframe with the current theme, follows theme switches, and says in the view
 * when it cannot open or misbehaves, so a broken plugin never breaks the workbench.
 */
function mountWebviewView(
  element: HTMLElement,
  host: PluginHost,
  viewId: string,
  services: WorkbenchServices,
): Disposable {
  let mounted: MountedWebview | undefined;
  let closed = false;
  const status = document.createElement('p');
  status.className = 'rp-empty';
  status.textContent = 'Opening…';
  const problem = document.createElement('p');
  problem.className = 'rp-empty rp-error';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  element.append(problem, status);
  const observer = new MutationObserver(() => mounted?.setTheme(themeVariables()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  openWebview(host, viewId).then(
    (session) => {
      if (closed) {
        session.dispose();
        return;
      }
      status.remove();
      // A home section has no height of its own: the frame takes its content's.
      const home = host.contributions.views('home').some((v) => v.id === viewId);
      mounted = mountWebview(element, session, {
        theme: themeVariables(),
        fitContent: home,
        onError: (message) => {
          problem.textContent = message;
          problem.hidden = false;
        },
      });
    },
    (error: unknown) => {
      status.className = 'rp-empty rp-error';
      status.setAttribute('role', 'alert');
      status.textContent = `This view failed to open: ${error instanceof Error ? error.message : String(error)}`;
      services.notifications.error(`View ${viewId} failed to open`);
    },
  );
  return toDisposable(() => {
    closed = true;
    observer.disconnect();
    mounted?.dispose();
    element.replaceChildren();
  });
}

/**
 * Mirrors the plugin host's webview views into the workbench as views that mount themselves, so
 * a webview shows wherever its view is declared: the side bar, the panel or an editor tab.
 */
export function bindWebviews(services: WorkbenchServices, host: PluginHost): Disposable {
  // A webview's saved state (getState/setState) also outlives a reload of this tab.
  const key = (viewId: string) => `repertoire.webviewState:${viewId}`;
  host.webviews.persistStatesIn({
    get: (viewId) => globalThis.sessionStorage?.getItem(key(viewId)),
    set: (viewId, json) => {
      if (json === undefined) globalThis.sessionStorage?.removeItem(key(viewId));
      else globalThis.sessionStorage?.setItem(key(viewId), json);
    },
  });
  const registered = new Map<string, Disposable>();
  const sync = (viewId: string) => {
    registered.get(viewId)?.dispose();
    registered.delete(viewId);
    if (!host.webviews.has(viewId)) return;
    registered.set(
      viewId,
      services.customViews.register({
        id: viewId,
        mount: (element) => mountWebviewView(element, host, viewId, services),
      }),
    );
  };
  for (const view of host.contributions.views()) sync(view.id);
  return combineDisposables(
    host.webviews.onDidChange(sync),
    toDisposable(() => {
      for (const d of registered.values()) d.dispose();
      registered.clear();
    }),
  );
}
