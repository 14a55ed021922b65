import type { Disposable } from '@repertoire/base';
import type { CustomViewContext, CustomViewElement, CustomViewProvider } from './customViews.ts';

/** How a custom view renders itself once its code has arrived (see {@link lazyCustomView}). */
export type CustomViewMount = (
  element: CustomViewElement,
  context: CustomViewContext,
) => Disposable;

/** The little of the DOM the placeholder needs; the API carries no DOM types (see {@link CustomViewElement}). */
interface PlaceholderHost {
  readonly ownerDocument: {
    createElement(tag: 'p'): {
      className: string;
      textContent: string | null;
      setAttribute(name: string, value: string): void;
      remove(): void;
    };
  };
  append(child: unknown): void;
}

/**
 * A custom view whose code (and the libraries it draws with) is fetched the first time the view is
 * shown, not when the plugin activates (since 1.4): `activate()` then only registers, as VS Code's
 * extensions do, and activating every built-in at start-up stays cheap. Until the code arrives the
 * view says "Loading…"; if it cannot be fetched, the view says why and `onError` hears of it.
 *
 * ```ts
 * context.views.registerCustomView('graph.explorer', lazyCustomView(
 *   () => import('./graphView.tsx').then((m) => (element, view) => m.mountGraphView(element, view, options)),
 * ));
 * ```
 */
export function lazyCustomView(
  load: () => Promise<CustomViewMount>,
  options: { documentEditor?: boolean; onError?: (error: unknown) => void } = {},
): CustomViewProvider {
  return {
    ...(options.documentEditor ? { documentEditor: true } : {}),
    mount(element, context) {
      const host = element as unknown as PlaceholderHost;
      const placeholder = host.ownerDocument.createElement('p');
      placeholder.className = 'rp-view-loading';
      placeholder.setAttribute('role', 'status');
      placeholder.textContent = 'Loading…';
      host.append(placeholder);
      let mounted: Disposable | undefined;
      let disposed = false;
      load().then(
        (mount) => {
          if (disposed) return;
          placeholder.remove();
          mounted = mount(element, context);
        },
        (error: unknown) => {
          if (disposed) return;
          placeholder.textContent = `This view could not be loaded: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
          options.onError?.(error);
        },
      );
      return {
        dispose() {
          disposed = true;
          placeholder.remove();
          mounted?.dispose();
        },
      };
    },
  };
}
