import {
  type ExplorerState,
  type GraphAtDate,
  GraphExplorer,
  type GraphMode,
  type GraphSource,
  type GraphStyle,
  type GraphTheme,
  type GraphView,
  storagePositionStore,
} from '@repertoire/graph-view';
import type { CustomViewContext, CustomViewElement, Disposable } from '@repertoire/plugin-api';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { RendererChoice } from './rendererChoice.ts';
import type { ViewRequests } from './viewRequests.ts';

/** What the graph view shows: the live source, the kinds' looks, and where it lives. */
export interface GraphViewInput {
  readonly source: GraphSource;
  readonly styles: readonly GraphStyle[];
  /** The graph on a past date, for the time bar. */
  readonly graphAt: GraphAtDate;
  /** Links the selected entities (not offered to a viewer). */
  readonly link?: (ids: string[]) => void;
  /** Groups the selected entities under a new one (not offered to a viewer). */
  readonly group?: (ids: string[]) => void;
  readonly workspaceId: string;
  /** Saves the view as it is now under a name the member gives (not offered to a viewer). */
  readonly saveView?: (state: ExplorerState) => void;
  /** The View menu's modes (the first is where the tab opens). */
  readonly modes?: readonly GraphMode[];
  /** Saved views opened (from the Explorer) for this tab to show. */
  readonly requests: ViewRequests;
  /** How this device draws the graph (a change redraws an open tab). */
  readonly renderer?: RendererChoice;
  /** Shows an entity's context menu (right-click on it). */
  readonly entityMenu?: (id: string, readOnly: boolean) => void;
}

/**
 * The element the explorer renders in (class `rp-graph-view`): it carries the view once it exists,
 * for end-to-end tests and the browser console, as the web app exposes its plugin host.
 */
export interface GraphViewElement extends HTMLElement {
  graphView?: GraphView;
}

/** Renders the graph explorer into the workbench's element; returns how to remove it. */
export function mountGraphView(
  element: CustomViewElement,
  view: CustomViewContext,
  input: GraphViewInput,
): Disposable {
  const container: GraphViewElement = document.createElement('div');
  container.className = 'rp-graph-view';
  container.style.cssText = 'position:absolute;inset:0;display:flex;flex-direction:column';
  // The workbench sizes the element to the tab; the explorer fills it.
  (element as HTMLElement).append(container);
  const root = createRoot(container);
  const onReady = (graphView: GraphView) => {
    container.graphView = graphView;
  };
  root.render(<GraphTab view={view} input={input} onReady={onReady} />);
  return {
    dispose() {
      // The workbench disposes views while React commits; unmount this root just after.
      queueMicrotask(() => {
        root.unmount();
        container.remove();
      });
    },
  };
}

function GraphTab(props: {
  view: CustomViewContext;
  input: GraphViewInput;
  onReady: (graphView: GraphView) => void;
}) {
  const { view, input } = props;
  const [theme, setTheme] = useState<GraphTheme>(view.theme);
  useEffect(() => {
    const d = view.onDidChangeTheme(setTheme);
    return () => d.dispose();
  }, [view]);
  const [renderer, setRenderer] = useState(input.renderer?.current ?? 'auto');
  useEffect(() => {
    const d = input.renderer?.onDidChange(setRenderer);
    return () => d?.dispose();
  }, [input.renderer]);
  const [positions] = useState(() =>
    storagePositionStore(localStorage, input.workspaceId, view.member.id),
  );
  // A saved view asked for before the tab mounted, then each one asked for while it is open.
  const [opened, setOpened] = useState<ExplorerState | null>(() => input.requests.take());
  useEffect(() => {
    const d = input.requests.onDidOpen((state) => {
      input.requests.take();
      setOpened(state);
    });
    return () => d.dispose();
  }, [input.requests]);
  return (
    <GraphExplorer
      source={input.source}
      styles={input.styles}
      theme={theme}
      positions={positions}
      graphAt={input.graphAt}
      onOpen={(id) => view.openEntity(id)}
      {...(input.entityMenu
        ? { onContextMenu: (id: string) => input.entityMenu?.(id, view.readOnly) }
        : {})}
      onReady={props.onReady}
      openState={opened}
      renderer={renderer}
      {...(input.modes ? { modes: input.modes } : {})}
      {...(input.saveView && !view.readOnly ? { onSaveView: input.saveView } : {})}
      {...(input.link && !view.readOnly ? { onLink: input.link } : {})}
      {...(input.group && !view.readOnly ? { onGroup: input.group } : {})}
    />
  );
}
