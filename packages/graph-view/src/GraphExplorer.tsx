/// <reference lib="dom" />
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SearchHit } from './explore.ts';
import { EXPLORER_CSS } from './explorerCss.ts';
import type { GraphAtDate, GraphSource } from './graphSource.ts';
import { DEFAULT_GRAPH_STYLES, type GraphStyle, type GraphTheme } from './graphStyles.ts';
import {
  GraphView,
  type GraphViewOptions,
  type HoverInfo,
  type LoadProgress,
  type SizeMeasure,
} from './graphView.ts';
import type { LayoutName } from './layoutOptions.ts';
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
  /** The span of the time bar (default: the earliest `createdAt` in the graph until today). */
  timeRange?: { from: Date; to: Date };
  renderer?: RendererPreference;
  /** See {@link GraphViewOptions.loadSliceMs}. */
  loadSliceMs?: number;
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

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function earliest(source: GraphSource): Date {
  let min = Date.now();
  for (const e of source.entities()) {
    const t = e.createdAt ? Date.parse(e.createdAt) : Number.NaN;
    if (t < min) min = t;
  }
  return new Date(min);
}

/**
 * The graph explorer: the community's graph with filters, search, local graph, paths, layouts,
 * a time bar and exports. Keyboard: arrows move between entities, Enter opens, L shows the
 * local graph, E/C expand/collapse the focused entity's neighbours, +/− zoom, F fits, / searches,
 * Escape goes back to the whole graph.
 */
export function GraphExplorer(props: GraphExplorerProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<GraphView | null>(null);
  const [kinds, setKinds] = useState<string[]>([]);
  const [relationTypes, setRelationTypes] = useState<string[]>([]);
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<string>>(new Set());
  const [hiddenRelations, setHiddenRelations] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [depth, setDepth] = useState(1);
  const [local, setLocal] = useState<string | null>(null);
  const [measure, setMeasure] = useState<SizeMeasure>('degree');
  const [layout, setLayout] = useState<{
    name: LayoutName;
    progress: number;
    abort: AbortController;
  } | null>(null);
  const [status, setStatus] = useState('');
  const [loading, setLoading] = useState<LoadProgress | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [playing, setPlaying] = useState<AbortController | null>(null);
  const { source, graphAt } = props;
  const theme = props.theme ?? 'light';

  const colours = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of [...DEFAULT_GRAPH_STYLES, ...(props.styles ?? [])])
      if (s.kind && s.colour) map.set(s.kind, s.colour);
    return map;
  }, [props.styles]);
  const labels = useMemo(() => {
    const map: Record<string, string> = {};
    for (const s of [...DEFAULT_GRAPH_STYLES, ...(props.styles ?? [])]) {
      const key = s.kind ?? s.relation;
      if (key && s.label) map[key] = s.label;
    }
    return { ...map, ...props.labels };
  }, [props.styles, props.labels]);

  const range = useMemo(
    () => props.timeRange ?? { from: earliest(source), to: new Date() },
    [props.timeRange, source],
  );

  // One view per source: created on mount, disposed on unmount. Styles and theme are applied in
  // place below, so they do not rebuild the view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only for a new source
  useEffect(() => {
    if (!canvas.current) return;
    const v = new GraphView({
      container: canvas.current,
      source,
      ...(props.styles ? { styles: props.styles } : {}),
      theme,
      ...(props.positions ? { positions: props.positions } : {}),
      ...(graphAt ? { graphAt } : {}),
      ...(props.renderer ? { renderer: props.renderer } : {}),
      ...(props.loadSliceMs !== undefined ? { loadSliceMs: props.loadSliceMs } : {}),
    });
    const refreshLists = () => {
      setKinds(v.kinds());
      setRelationTypes(v.relationTypes());
    };
    refreshLists();
    const subs = [
      v.onDidHover(setHover),
      v.onDidChangeSelection(setSelection),
      v.onDidUpdate(refreshLists),
      // A large graph's relations arrive after its entities are drawn.
      v.onDidProgress((p) => {
        // Committed now: the next slice may hold the main thread before React would render.
        flushSync(() => setLoading(p.loaded < p.total ? p : null));
        if (p.loaded >= p.total) refreshLists();
      }),
      // The date can also be moved by a command or by playing the growth.
      v.onDidChangeShownDate((d) => setDay(d === null ? null : isoDay(d))),
    ];
    setView(v);
    setStatus(v.renderMode.reason);
    return () => {
      for (const s of subs) s.dispose();
      v.dispose();
      setView(null);
    };
  }, [source]);

  useEffect(() => {
    if (view) props.onReady?.(view);
  }, [view, props.onReady]);

  useEffect(() => {
    view?.setStyles(props.styles ?? [], theme);
  }, [view, props.styles, theme]);

  useEffect(() => {
    if (!view) return;
    const d = view.onDidOpen((id) => props.onOpen?.(id));
    return () => d.dispose();
  }, [view, props.onOpen]);

  const toggleKind = (kind: string) => {
    const next = new Set(hiddenKinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setHiddenKinds(next);
    view?.setKindShown(kind, !next.has(kind));
  };
  const toggleRelation = (type: string) => {
    const next = new Set(hiddenRelations);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    setHiddenRelations(next);
    view?.setRelationShown(type, !next.has(type));
  };

  const focusOn = (id: string) => {
    view?.focus(id);
    setQuery('');
    setHits([]);
    canvas.current?.focus();
  };

  const showLocal = useCallback(
    (id: string | null, d: number) => {
      if (!view) return;
      if (id === null) {
        view.showAll();
        setLocal(null);
      } else {
        view.showLocal(id, d);
        setLocal(id);
      }
    },
    [view],
  );

  const runLayout = async (name: LayoutName) => {
    if (!view) return;
    layout?.abort.abort();
    const abort = new AbortController();
    setLayout({ name, progress: 0, abort });
    try {
      await view.layout(name, {
        signal: abort.signal,
        onProgress: (progress) =>
          setLayout((l) => (l && l.abort === abort ? { ...l, progress } : l)),
      });
      view.fit();
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setStatus(`Layout failed: ${(e as Error).message}`);
    } finally {
      setLayout((l) => (l?.abort === abort ? null : l));
    }
  };

  const download = (name: string, blob: Blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const steps = Math.max(1, Math.round((range.to.getTime() - range.from.getTime()) / DAY));
  const sliderValue =
    day === null ? steps : Math.round((Date.parse(day) - range.from.getTime()) / DAY);
  const showDay = async (value: string | null) => {
    if (!view) return;
    setDay(value);
    if (value === null) view.showNow();
    else await view.showAt(new Date(`${value}T23:59:59Z`));
  };
  const play = async () => {
    if (!view) return;
    if (playing) {
      playing.abort();
      return;
    }
    const abort = new AbortController();
    setPlaying(abort);
    try {
      await view.playGrowth({
        from: range.from,
        to: range.to,
        steps: 30,
        frameMs: 350,
        signal: abort.signal,
        onFrame: (d) => setDay(isoDay(d)),
      });
    } finally {
      setPlaying(null);
      if (!abort.signal.aborted) setDay(null);
    }
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
    else if (e.key === 'l') showLocal(view.focused(), depth);
    else if (e.key === 'e' || e.key === 'c') {
      const id = view.focused();
      if (id) e.key === 'e' ? view.expand(id) : view.collapse(id);
    } else if (e.key === 'Escape') {
      view.clearPath();
      showLocal(null, depth);
    } else if (e.key === '/')
      (document.querySelector('.rg-search input') as HTMLInputElement | null)?.focus();
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={`rg-explorer${theme === 'dark' ? ' rg-dark' : ''}`}
      data-testid="graph-explorer"
    >
      <style>{EXPLORER_CSS}</style>
      <div className="rg-toolbar" role="toolbar" aria-label="Graph">
        <div className="rg-search">
          <input
            type="search"
            placeholder="Find a member, practice…"
            aria-label="Find in graph"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setHits(view?.search(e.target.value, 8) ?? []);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && hits[0]) focusOn(hits[0].id);
              if (e.key === 'Escape') setHits([]);
            }}
          />
          {hits.length > 0 && (
            <div className="rg-hits">
              {hits.map((h) => (
                <button type="button" key={h.id} onMouseDown={() => focusOn(h.id)}>
                  <span
                    className="rg-dot"
                    style={{ background: colours.get(h.kind) ?? '#94a3b8' }}
                  />
                  {h.title}
                </button>
              ))}
            </div>
          )}
        </div>
        <span className="rg-sep" />
        <button
          type="button"
          onClick={() => showLocal(view?.focused() ?? selection[0] ?? null, depth)}
          disabled={!view}
        >
          Local graph
        </button>
        <label>
          depth{' '}
          <select
            aria-label="Local graph depth"
            value={depth}
            onChange={(e) => {
              const d = Number(e.target.value);
              setDepth(d);
              if (local) showLocal(local, d);
            }}
          >
            {[1, 2, 3, 4].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {local && (
          <>
            <button
              type="button"
              title="Bring the focused entity's neighbours into view (E)"
              onClick={() => {
                const id = view?.focused();
                if (id) view?.expand(id);
              }}
            >
              Expand
            </button>
            <button
              type="button"
              title="Hide the neighbours that hang only on the focused entity (C)"
              onClick={() => {
                const id = view?.focused();
                if (id) view?.collapse(id);
              }}
            >
              Collapse
            </button>
            <button type="button" onClick={() => showLocal(null, depth)}>
              Whole graph
            </button>
          </>
        )}
        <span className="rg-sep" />
        <button type="button" onClick={() => runLayout('fcose')}>
          Arrange
        </button>
        <button type="button" onClick={() => runLayout('concentric')}>
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
        <button type="button" onClick={() => view && download('graph.png', view.exportPng())}>
          PNG
        </button>
        <button
          type="button"
          onClick={async () => {
            if (view)
              download('graph.svg', new Blob([await view.exportSvg()], { type: 'image/svg+xml' }));
          }}
        >
          SVG
        </button>
        {selection.length >= 2 && (
          <>
            <span className="rg-sep" />
            {selection.length === 2 && (
              <button
                type="button"
                onClick={() => view?.showPath(selection[0] as string, selection[1] as string)}
              >
                Path between
              </button>
            )}
            {props.onLink && (
              <button type="button" onClick={() => props.onLink?.(selection)}>
                Link…
              </button>
            )}
            {props.onGroup && (
              <button type="button" onClick={() => props.onGroup?.(selection)}>
                Group…
              </button>
            )}
          </>
        )}
      </div>
      <div className="rg-main">
        <fieldset className="rg-side" aria-label="Filters">
          <h3>Show</h3>
          {kinds.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                data-kind={k}
                checked={!hiddenKinds.has(k)}
                onChange={() => toggleKind(k)}
              />
              <span className="rg-dot" style={{ background: colours.get(k) ?? '#94a3b8' }} />
              {labels[k] ?? k}
            </label>
          ))}
          <h3>Relations</h3>
          {relationTypes.map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                data-relation={t}
                checked={!hiddenRelations.has(t)}
                onChange={() => toggleRelation(t)}
              />
              {labels[t] ?? t}
            </label>
          ))}
        </fieldset>
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
        {hover && (
          <div
            className="rg-card"
            data-testid="hover-card"
            style={{ left: hover.x + 196, top: hover.y + 16 }}
          >
            <strong>{hover.title}</strong>
            <span>
              {labels[hover.kind] ?? hover.kind} · {hover.degree} connection
              {hover.degree === 1 ? '' : 's'}
            </span>
          </div>
        )}
      </div>
      {graphAt && (
        <fieldset className="rg-timebar" aria-label="Time">
          <button type="button" onClick={play} aria-label={playing ? 'Stop' : 'Play growth'}>
            {playing ? '■' : '▶'}
          </button>
          <input
            type="range"
            aria-label="Date shown"
            min={0}
            max={steps}
            value={sliderValue}
            onChange={(e) => {
              const v = Number(e.target.value);
              void showDay(v >= steps ? null : isoDay(new Date(range.from.getTime() + v * DAY)));
            }}
          />
          <input
            type="date"
            aria-label="Show the graph as it was on"
            value={day ?? isoDay(range.to)}
            min={isoDay(range.from)}
            max={isoDay(range.to)}
            onChange={(e) => void showDay(e.target.value === '' ? null : e.target.value)}
          />
          <button type="button" onClick={() => void showDay(null)} disabled={day === null}>
            Now
          </button>
          {day !== null && (
            <span>
              <span className="rg-legend-added">- - added since</span> ·{' '}
              <span className="rg-legend-removed">══ removed since</span>
            </span>
          )}
        </fieldset>
      )}
      <div className="rg-status" role="status">
        <span>{status}</span>
        {loading && (
          <>
            <span>
              Drawing relations… {loading.loaded.toLocaleString()} of{' '}
              {loading.total.toLocaleString()}
            </span>
            <progress max={loading.total} value={loading.loaded} />
          </>
        )}
        {layout && (
          <>
            <span>Arranging…</span>
            <progress max={1} value={layout.progress} />
            <button type="button" onClick={() => layout.abort.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
    </div>
  );
}
