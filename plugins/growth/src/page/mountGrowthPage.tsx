import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  PluginContext,
} from '@repertoire/plugin-api';
import { createRoot } from 'react-dom/client';
import { GrowthHome } from './GrowthHome.tsx';
import { GrowthPage } from './GrowthPage.tsx';
import { GROWTH_CSS } from './styles.ts';
import { useGrowth } from './useGrowth.ts';

function Live(props: { context: PluginContext; view: CustomViewContext; home: boolean }) {
  const { state, error } = useGrowth(props.context);
  const actions = { context: props.context, view: props.view };
  const common = { actions, ...(state ? { state } : {}), ...(error ? { error } : {}) };
  return props.home ? <GrowthHome {...common} /> : <GrowthPage {...common} />;
}

/** Renders the page (or the home section) into the workbench's element; returns how to remove it. */
export function mountGrowth(
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
  home: boolean,
): Disposable {
  const container = document.createElement('div');
  container.className = home ? 'rp-growth-home-root' : 'rp-growth-root';
  if (!home) container.style.cssText = 'position:absolute;inset:0';
  const style = document.createElement('style');
  style.textContent = GROWTH_CSS;
  const mount = document.createElement('div');
  container.append(style, mount);
  (element as HTMLElement).append(container);
  const root = createRoot(mount);
  root.render(<Live context={context} view={view} home={home} />);
  return {
    dispose() {
      queueMicrotask(() => {
        root.unmount();
        container.remove();
      });
    },
  };
}

/** The full page (`growth.page`). */
export const mountGrowthPage = (
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
) => mountGrowth(element, view, context, false);

/** The home page's section (`growth.home`). */
export const mountGrowthHome = (
  element: CustomViewElement,
  view: CustomViewContext,
  context: PluginContext,
) => mountGrowth(element, view, context, true);
