import { type RefObject, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { GraphAtDate, GraphSource } from '../graphSource.ts';
import type { GraphStyle, GraphTheme } from '../graphStyles.ts';
import { GraphView, type LoadProgress } from '../graphView.ts';
import type { GraphMode } from '../modes.ts';
import type { PositionStore } from '../positionStore.ts';
import type { RendererPreference } from '../renderMode.ts';

/** What the explorer's view is made from. */
export interface GraphViewInputs {
  readonly source: GraphSource;
  readonly styles?: readonly GraphStyle[] | undefined;
  readonly theme: GraphTheme;
  readonly positions?: PositionStore | undefined;
  readonly graphAt?: GraphAtDate | undefined;
  readonly renderer?: RendererPreference | undefined;
  readonly loadSliceMs?: number | undefined;
}

/**
 * One GraphView per source (and renderer preference), in `canvas`, and how far a large graph's load has come: created on mount in the given mode (so the first
 * layout covers what that mode shows), disposed on unmount. A new renderer over the same source
 * opens on the selection and viewport the previous view had. Styles and theme apply in place.
 * The workbench mounts a tab anew each time it is shown, before the page has laid it out, so
 * the view is fitted again on the next frame and whenever its container grows from nothing.
 */
export function useGraphView(
  canvas: RefObject<HTMLDivElement | null>,
  inputs: GraphViewInputs,
  mode: GraphMode,
): { view: GraphView | null; loading: LoadProgress | null } {
  const [view, setView] = useState<GraphView | null>(null);
  const [loading, setLoading] = useState<LoadProgress | null>(null);
  const { source, styles, theme } = inputs;
  // What the member was looking at when the renderer changed: the new view opens on it.
  const carried = useRef<{
    source: GraphSource;
    selected: string[];
    zoom: number;
    pan: { x: number; y: number };
  } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only for a new source or renderer
  useEffect(() => {
    const container = canvas.current;
    if (!container) return;
    const v = new GraphView({
      container,
      source,
      autoLayout: false,
      ...(styles ? { styles } : {}),
      theme,
      ...(inputs.positions ? { positions: inputs.positions } : {}),
      ...(inputs.graphAt ? { graphAt: inputs.graphAt } : {}),
      ...(inputs.renderer ? { renderer: inputs.renderer } : {}),
      ...(inputs.loadSliceMs !== undefined ? { loadSliceMs: inputs.loadSliceMs } : {}),
    });
    // Subscribed as the view is made: a large graph's first slices may come before React renders.
    const progress = v.onDidProgress((p) =>
      // Committed now: the next slice may hold the main thread before React would render.
      flushSync(() => setLoading(p.loaded < p.total ? p : null)),
    );
    mode.enter(v);
    v.arrangeUnplaced();
    // A renderer change rebuilds the view over the same graph: keep the selection and viewport.
    const kept = carried.current?.source === source ? carried.current : null;
    carried.current = null;
    if (kept) {
      for (const id of kept.selected) v.cy.getElementById(id).select();
      v.cy.viewport({ zoom: kept.zoom, pan: kept.pan });
    }
    let wasEmpty = container.clientWidth === 0 || container.clientHeight === 0;
    const frame = requestAnimationFrame(() => {
      if (!v.cy.destroyed() && !kept) v.fit();
    });
    const resized = new ResizeObserver(() => {
      const empty = container.clientWidth === 0 || container.clientHeight === 0;
      if (wasEmpty && !empty && !v.cy.destroyed()) v.fit();
      wasEmpty = empty;
    });
    resized.observe(container);
    setView(v);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      progress.dispose();
      if (!v.cy.destroyed())
        carried.current = {
          source,
          selected: v.cy.$(':selected').map((e) => e.id()),
          zoom: v.cy.zoom(),
          pan: { ...v.cy.pan() },
        };
      v.dispose();
      setView(null);
    };
  }, [source, inputs.renderer]);

  useEffect(() => {
    view?.setStyles(styles ?? [], theme);
  }, [view, styles, theme]);

  return { view, loading };
}
