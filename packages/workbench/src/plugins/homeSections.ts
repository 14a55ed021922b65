import { combineDisposables, type Disposable, toDisposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** Where the home page's sections come from: views plugins declare with `location: "home"`. */
export interface HomeSectionSource {
  /** The declared sections' view ids, in their order. */
  sections(): readonly string[];
  /** Activates the plugin behind a section (its `onView:` event), so it registers its view. */
  activate(viewId: string): Promise<void>;
  /** Fires when the declared sections may have changed (a plugin enabled or disabled). */
  onDidChange(listener: () => void): Disposable;
}

/**
 * Mounts every home section that has a custom view into `element`, each in its own element marked
 * `data-home-section`, and keeps the set current: a section appears once its plugin registers its
 * view and leaves when the plugin is disabled. Sections are remounted only when the set changes.
 */
export function mountHomeSections(
  services: WorkbenchServices,
  source: HomeSectionSource,
  element: HTMLElement,
): Disposable {
  let mounted: Disposable[] = [];
  let shown = '';
  const asked = new Set<string>();
  const render = () => {
    const ready = source.sections().filter((id) => services.customViews.get(id));
    for (const id of source.sections())
      if (!services.customViews.get(id) && !asked.has(id)) {
        asked.add(id);
        source.activate(id).catch((error) => console.warn(`Home section ${id}:`, error));
      }
    const key = ready.join('\n');
    if (key === shown) return;
    shown = key;
    for (const d of mounted) d.dispose();
    mounted = [];
    element.replaceChildren();
    for (const id of ready) {
      const view = services.customViews.get(id);
      if (!view) continue;
      const section = document.createElement('div');
      section.className = 'rp-home-section';
      section.dataset.homeSection = id;
      element.append(section);
      mounted.push(view.mount(section, {}));
    }
  };
  render();
  return combineDisposables(
    services.customViews.onDidChange(render),
    source.onDidChange(render),
    toDisposable(() => {
      for (const d of mounted) d.dispose();
      mounted = [];
      element.replaceChildren();
    }),
  );
}
