import {
  type CustomViewContext,
  type CustomViewElement,
  type Disposable,
  toDisposable,
} from '@repertoire/plugin-api';
import { createRoot } from 'react-dom/client';
import { EntityPage, type PageContext } from './EntityPage.tsx';
import { ENTITY_PAGE_CSS } from './pageStyles.ts';

/**
 * Renders the page of the view's entity into the workbench's element (or, opened on none, says
 * how to open one). Returns how to remove it.
 */
export function mountPageView(
  element: CustomViewElement,
  view: CustomViewContext,
  context: PageContext,
): Disposable {
  // Render into a child of our own, so unmounting never fights the workbench over its element.
  const container = document.createElement('div');
  container.className = 'rp-entity-page-view';
  (element as unknown as HTMLElement).append(container);
  const root = createRoot(container);
  root.render(
    <>
      <style>{ENTITY_PAGE_CSS}</style>
      {view.entityId === undefined ? (
        <div className="rp-page">
          <p className="rp-empty">
            Open an entry from the Explorer, the graph or quick open (Ctrl+P) to see its page here.
          </p>
        </div>
      ) : (
        <EntityPage context={context} view={view} entityId={view.entityId} />
      )}
    </>,
  );
  return toDisposable(() => {
    // The workbench disposes views while React commits; unmount this root just after.
    queueMicrotask(() => {
      root.unmount();
      container.remove();
    });
  });
}
