import type { PluginHost } from '@repertoire/plugin-host';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable, toDisposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { createCustomViewContext } from './customViewContext.ts';
import type { HomeSectionSource } from './homeSections.ts';

/**
 * Mirrors the plugin host's custom views into the workbench, each mounted with a context built
 * from this window's session, so plugins reach the session only through the documented API.
 */
export function bindCustomViews(
  services: WorkbenchServices,
  host: PluginHost,
  session: WorkspaceSession,
): Disposable {
  const registered = new Map<string, Disposable>();
  const home: HomeSectionSource = {
    sections: () =>
      host.contributions
        .views('home')
        .map((v, index) => ({ id: v.id, order: v.order ?? 1000 + index }))
        .sort((a, b) => a.order - b.order)
        .map((v) => v.id),
    activate: (viewId) => host.activateByEvent(`onView:${viewId}`),
    onDidChange: (listener) => host.contributions.onDidChange(listener),
  };
  const sync = (viewId: string) => {
    registered.get(viewId)?.dispose();
    registered.delete(viewId);
    const entry = host.customViews.get(viewId);
    if (!entry) return;
    let registration: Disposable;
    try {
      registration = services.customViews.register(
        {
          id: viewId,
          ...(entry.provider.documentEditor || entry.provider.editorFor?.documents
            ? { documentEditor: true }
            : {}),
          ...(entry.provider.editorFor ? { editorFor: entry.provider.editorFor } : {}),
          ...(entry.provider.editorFor?.welcome ? { welcome: true } : {}),
          mount: (element, target) => {
            const { context, lifetime } = createCustomViewContext(services, session, target, home);
            let mounted: Disposable;
            try {
              mounted = entry.provider.mount(element, context);
            } catch (error) {
              lifetime.dispose();
              element.textContent = `This view failed to open: ${(error as Error).message}`;
              services.notifications.error(`Plugin ${entry.pluginId}: view ${viewId} failed`);
              return toDisposable(() => element.replaceChildren());
            }
            return toDisposable(() => {
              try {
                mounted.dispose();
              } finally {
                lifetime.dispose();
              }
            });
          },
        },
        `plugin ${entry.pluginId}`,
      );
    } catch (error) {
      // Another contributor holds the id: say who, and keep the workbench going.
      services.notifications.warn((error as Error).message);
      return;
    }
    registered.set(viewId, registration);
  };
  for (const view of host.contributions.views()) sync(view.id);
  return combineDisposables(
    host.customViews.onDidChange(sync),
    toDisposable(() => {
      for (const d of registered.values()) d.dispose();
      registered.clear();
    }),
  );
}
