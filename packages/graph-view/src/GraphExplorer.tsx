/// <reference lib="dom" />
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { FilterPanel } from './explorer/FilterPanel.tsx';
import { graphKeyHandler } from './explorer/graphKeys.ts';
import { HoverCard } from './explorer/HoverCard.tsx';
import { kindLooks } from './explorer/kindLooks.ts';
import type { LocalGraph } from './explorer/LocalGraphControls.tsx';
import { ModeSelect } from './explorer/ModeSelect.tsx';
import { PeopleLegend } from './explorer/PeopleLegend.tsx';
import { useSelection } from './explorer/SelectionActions.tsx';
import { StatusLine } from './explorer/StatusLine.tsx';
import { TimeBar } from './explorer/TimeBar.tsx';
import { Toolbar } from './explorer/Toolbar.tsx';
import { useGraphView } from './explorer/useGraphView.ts';
import { useLayoutRun } from './explorer/useLayoutRun.ts';
import { modeOf, useViewSync } from './explorer/useViewSync.ts';
import { EXPLORER_CSS } from './explorerCss.ts';
import { type ExplorerState, explorerReducer, initialExplorerState } from './explorerState.ts';
import type { GraphAtDate, GraphSource } from './graphSource.ts';
import type { GraphStyle, GraphTheme } from './graphStyles.ts';
import type { GraphView } from './graphView.ts';
import type { GraphMode } from './modes.ts';
import { DEFAULT_GRAPH_MODES } from './modes.ts';
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
  /** The member asked for an entity's context menu (right-click on it). */
  onContextMenu?: (id: string) => void;
  /** The member asked to link the selected entities. */
  onLink?: (ids: string[]) => void;
  /** The member asked to group the selected entities. */
  onGroup?: (ids: string[]) => void;
  /** Labels of entity kinds and relation types for the filters (default: from the styles). */
  labels?: Record<string, string>;
  /** Gives the underlying view to the caller (commands, tests) once it exists. */
  onReady?: (view: GraphView) => void;
  /** Where the explorer opens (default: everything, now, in the first mode). */
  initialState?: ExplorerState;
  /**
   * A state to bring the explorer to (a saved view opened): applied each time a new object is
   * given, positions included.
   */
  openState?: ExplorerState | null;
  /** Told of every change of the explorer's state (positions excluded). */
  onStateChange?: (state: ExplorerState) => void;
  /**
   * Offers "Save view as…": called with the state now and the nodes' positions. Leave it out
   * where the member may not save (a viewer).
   */
  onSaveView?: (state: ExplorerState) => void;
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
  const [state, dispatch] = useReducer(
    explorerReducer,
    props.initialState ?? initialExplorerState((modes[0] as GraphMode).id),
  );
  const mode = modeOf(modes, state.mode);
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
  useViewSync(view, state, modes, initialExplorerState(mode.id), dispatch);
  const looks = useMemo(() => kindLooks(props.styles, props.labels), [props.styles, props.labels]);
  const selection = useSelection(view);
  const layouts = useLayoutRun(view);
  // The toolbar and the keyboard change the local graph through the state; asking again for
  // the one shown resets it (what Expand added goes).
  const local: LocalGraph = {
    root: state.focus,
    depth: state.depth,
    show: (id, depth) => {
      if (id === state.focus && (depth ?? state.depth) === state.depth) {
        if (id === null) view?.showAll();
        else view?.showLocal(id, state.depth);
      } else dispatch({ type: 'local', focus: id, ...(depth !== undefined ? { depth } : {}) });
    },
    setDepth: (depth) => dispatch({ type: 'depth', depth }),
  };

  useEffect(() => {
    if (view) props.onReady?.(view);
  }, [view, props.onReady]);
  useEffect(() => {
    if (!view) return;
    const d = view.onDidOpen((id) => props.onOpen?.(id));
    return () => d.dispose();
  }, [view, props.onOpen]);
  useEffect(() => {
    if (!view) return;
    const d = view.onDidRequestMenu((id) => props.onContextMenu?.(id));
    return () => d.dispose();
  }, [view, props.onContextMenu]);
  useEffect(() => {
    if (props.openState) dispatch({ type: 'replace', state: props.openState });
  }, [props.openState]);
  useEffect(() => {
    props.onStateChange?.(state);
  }, [state, props.onStateChange]);
  const { onSaveView } = props;
  const save = useCallback(() => {
    if (view && onSaveView) onSaveView({ ...state, positions: view.nodePositions() });
  }, [view, state, onSaveView]);

  return (
    <div
      ref={root}
      className={`rg-explorer${theme === 'dark' ? ' rg-dark' : ''}`}
      data-testid="graph-explorer"
    >
      <style>{EXPLORER_CSS}</style>
      <Toolbar
        view={view}
        looks={looks}
        canvas={canvas}
        local={local}
        selection={selection}
        size={state.size}
        onSize={(size) => dispatch({ type: 'size', size })}
        runLayout={layouts.run}
        onLink={props.onLink}
        onGroup={props.onGroup}
        onSaveView={onSaveView ? save : undefined}
      />
      <div className="rg-main">
        <FilterPanel
          view={view}
          looks={looks}
          hiddenKinds={state.hiddenKinds}
          hiddenRelations={state.hiddenRelations}
          onToggleKind={(kind) => dispatch({ type: 'toggleKind', kind })}
          onToggleRelation={(relation) => dispatch({ type: 'toggleRelation', relation })}
        >
          <ModeSelect
            modes={modes}
            mode={mode}
            onChange={(next) => dispatch({ type: 'mode', mode: next.id })}
          />
          <PeopleLegend view={view} />
        </FilterPanel>
        <div
          ref={canvas}
          className="rg-canvas"
          data-testid="graph-canvas"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the graph takes arrow keys, Enter, +/-
          tabIndex={0}
          role="application"
          aria-label="Community graph. Arrow keys move between entities, Enter opens."
          onKeyDown={graphKeyHandler(view, local, root)}
        />
        <HoverCard view={view} looks={looks} canvas={canvas} />
      </div>
      {props.graphAt && (
        <TimeBar
          view={view}
          source={props.source}
          range={props.timeRange}
          onShowDay={(date) => dispatch({ type: 'date', date })}
        />
      )}
      <StatusLine view={view} loading={loading} layout={layouts.running} error={layouts.error} />
    </div>
  );
}
