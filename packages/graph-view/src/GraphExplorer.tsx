/// <reference lib="dom" />
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ExportButtons } from './explorer/ExportButtons.tsx';
import { FilterPanel } from './explorer/FilterPanel.tsx';
import { HoverCard } from './explorer/HoverCard.tsx';
import { kindLooks } from './explorer/kindLooks.ts';
import { LocalGraphControls, useLocalGraph } from './explorer/LocalGraphControls.tsx';
import { ModeSelect } from './explorer/ModeSelect.tsx';
import { SearchBox } from './explorer/SearchBox.tsx';
import { SelectionActions, useSelection } from './explorer/SelectionActions.tsx';
import { StatusLine } from './explorer/StatusLine.tsx';
import { TimeBar } from './explorer/TimeBar.tsx';
import { useGraphView } from './explorer/useGraphView.ts';
import { useLayoutRun } from './explorer/useLayoutRun.ts';
import { EXPLORER_CSS } from './explorerCss.ts';
import type { GraphAtDate, GraphSource } from './graphSource.ts';
import type { GraphStyle, GraphTheme } from './graphStyles.ts';
import type { GraphView, SizeMeasure } from './graphView.ts';
import { DEFAULT_GRAPH_MODES, type GraphMode } from './modes.ts';
import type { PositionStore } from './positionStore.ts';
import type { RendererPreference } from './renderMode.ts';

/** Props of {@link GraphExplorer}. */
export interface GraphExplorerProps {
  source: GraphSource;
  /** Plugins' `graphStyles`, over the built-in ones. */
  styles?: readonly GraphStyle[];
  theme?: GraphTheme;
  positions?: PositionStore;
  /** The graph on a past date; without it the time bar is hidden. */
  graphAt?: GraphAtDate;
  /** The span of the time bar (default: the community's activity, first to last entity made). */
  timeRange?: { from: Date; to: Date };
  renderer?: RendererPreference;
  /** See {@link GraphViewOptions.loadSliceMs}. */
  loadSliceMs?: number;
  /**
   * The ways of looking at the graph offered in the View menu (default: meetings folded into
   * who met whom, then every entity). The explorer opens on the first.
   */
  modes?: readonly GraphMode[];
  /** The member asked to open an entity (its page or document). */
  onOpen?: (id: string) => void;
  /** The member asked to link the selected entities. */
  onLink?: (ids: string[]) => void;
  /** The member asked to group the selected entities. */
  onGroup?: (ids: string[]) => void;
  /** Labels of entity kinds and relation types for the filters (default: from the styles). */
  labels?: Record<string, string>;
  /** Gives the underlying view to the caller (commands, tests) once it exists. */
  onReady?: (view: GraphView) => void;
}

/**
 * The graph explorer: the community's graph with a View menu, filters, search, local graph,
 * paths, layouts, a time bar and exports. Keyboard: arrows move between entities, Enter opens,
 * L shows the local graph, E/C expand/collapse the focused entity's neighbours, +/− zoom, F
 * fits, / searches, Escape goes back to the whole graph.
 */
export function GraphExplorer(props: GraphExplorerProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const theme = props.theme ?? 'light';
  const modes = props.modes && props.modes.length > 0 ? props.modes : DEFAULT_GRAPH_MODES;
  const [mode, setMode] = useState<GraphMode>(modes[0] as GraphMode);
  const { view, loading } = useGraphView(
    canvas,
    {
      source: props.source,
      styles: props.styles,
      theme,
      positions: props.positions,
      graphAt: props.graphAt,
      renderer: props.renderer,
      loadSliceMs: props.loadSliceMs,
    },
    mode,
  );
  const looks = useMemo(() => kindLooks(props.styles, props.labels), [props.styles, props.labels]);
  const selection = useSelection(view);
  const local = useLocalGraph(view);
  const layouts = useLayoutRun(view);
  const [measure, setMeasure] = useState<SizeMeasure>('degree');

  useEffect(() => {
    if (view) props.onReady?.(view);
  }, [view, props.onReady]);
  useEffect(() => {
    if (!view) return;
    const d = view.onDidOpen((id) => props.onOpen?.(id));
    return () => d.dispose();
  }, [view, props.onOpen]);

  const changeMode = (next: GraphMode) => {
    if (!view || next.id === mode.id) return;
    mode.leave?.(view);
    next.enter(view);
    setMode(next);
    view.fit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!view) return;
    const arrows: Record<string, 'left' | 'right' | 'up' | 'down'> = {
      ArrowLeft: 'left',
      ArrowRight: 'right',
      ArrowUp: 'up',
      ArrowDown: 'down',
    };
    const dir = arrows[e.key];
    if (dir) view.moveFocus(dir);
    else if (e.key === 'Enter') view.openFocused();
    else if (e.key === '+' || e.key === '=') view.zoomBy(1.25);
    else if (e.key === '-') view.zoomBy(0.8);
    else if (e.key === 'f') view.fit();
    else if (e.key === 'l') local.show(view.focused());
    else if (e.key === 'e' || e.key === 'c') {
      const id = view.focused();
      if (id) e.key === 'e' ? view.expand(id) : view.collapse(id);
    } else if (e.key === 'Escape') {
      view.clearPath();
      local.show(null);
    } else if (e.key === '/')
      root.current?.querySelector<HTMLInputElement>('.rg-search input')?.focus();
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={root}
      className={`rg-explorer${theme === 'dark' ? ' rg-dark' : ''}`}
      data-testid="graph-explorer"
    >
      <style>{EXPLORER_CSS}</style>
      <div className="rg-toolbar" role="toolbar" aria-label="Graph">
        <SearchBox
          view={view}
          looks={looks}
          onFocus={(id) => {
            view?.focus(id);
            canvas.current?.focus();
          }}
        />
        <span className="rg-sep" />
        <LocalGraphControls view={view} local={local} selection={selection} />
        <span className="rg-sep" />
        <button type="button" onClick={() => layouts.run('fcose')}>
          Arrange
        </button>
        <button type="button" onClick={() => layouts.run('concentric')}>
          Rings
        </button>
        <select
          aria-label="Size by"
          value={measure}
          onChange={(e) => {
            const m = e.target.value as SizeMeasure;
            setMeasure(m);
            view?.sizeBy(m);
          }}
        >
          <option value="degree">Size: connections</option>
          <option value="betweenness">Size: brokerage</option>
          <option value="uniform">Size: same</option>
        </select>
        <span className="rg-sep" />
        <button type="button" aria-label="Zoom in" onClick={() => view?.zoomBy(1.25)}>
          +
        </button>
        <button type="button" aria-label="Zoom out" onClick={() => view?.zoomBy(0.8)}>
          −
        </button>
        <button type="button" onClick={() => view?.fit()}>
          Fit
        </button>
        <span className="rg-sep" />
        <ExportButtons view={view} />
        <SelectionActions
          view={view}
          selection={selection}
          onLink={props.onLink}
          onGroup={props.onGroup}
        />
      </div>
      <div className="rg-main">
        <FilterPanel view={view} looks={looks}>
          <ModeSelect modes={modes} mode={mode} onChange={changeMode} />
        </FilterPanel>
        <div
          ref={canvas}
          className="rg-canvas"
          data-testid="graph-canvas"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the graph takes arrow keys, Enter, +/-
          tabIndex={0}
          role="application"
          aria-label="Community graph. Arrow keys move between entities, Enter opens."
          onKeyDown={onKeyDown}
        />
        <HoverCard view={view} looks={looks} canvas={canvas} />
      </div>
      {props.graphAt && <TimeBar view={view} source={props.source} range={props.timeRange} />}
      <StatusLine view={view} loading={loading} layout={layouts.running} error={layouts.error} />
    </div>
  );
}
