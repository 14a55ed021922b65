/// <reference lib="dom" />
// A page that shows the graph explorer on the sample community (or a random graph of ?n=N
// entities), for the graph e2e tests and benchmarks until the real app hosts the explorer.
import {
  EVERY_ENTITY,
  GraphExplorer,
  GraphView,
  MEETINGS_FOLDED,
  MemoryGraphSource,
  memoryPositionStore,
  type RendererPreference,
  randomCommunity,
  sampleCommunity,
  sampleCommunityAt,
} from '@repertoire/graph-view';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 0);
const renderer = (params.get('renderer') ?? 'auto') as RendererPreference;
const source = new MemoryGraphSource(n > 0 ? randomCommunity(n, 3) : sampleCommunity());
const opened: string[] = [];

declare global {
  interface Window {
    graph: {
      source: MemoryGraphSource;
      view: GraphView | null;
      opened: string[];
      startedAt: number;
    };
  }
}
window.graph = { source, view: null, opened, startedAt: performance.now() };

/** What the benchmark reads back: the first render and the view to drive. */
export interface BenchPage {
  firstRenderMs: number;
  /** Until every relation is in the view and drawn. */
  completeMs: number;
  mode: string;
  view: GraphView;
}

declare global {
  interface Window {
    bench?: BenchPage | { error: string };
  }
}

const root = document.getElementById('root') as HTMLElement;
if (params.has('bench')) {
  // The bare view (no React) on a full-window container, timed from construction to the end of
  // the first animation frame in which Cytoscape drew.
  const started = performance.now();
  try {
    const view = new GraphView({
      container: root,
      source,
      renderer,
      levelOfDetail: params.get('lod') !== '0',
    });
    window.graph.view = view;
    // The canvas renderer says when it drew; the WebGL one does not, so there the first frame counts.
    let drew = false;
    view.cy.one('render', () => {
      drew = true;
    });
    const onFrame = () => {
      if (!drew && !view.renderMode.webgl) {
        requestAnimationFrame(onFrame);
        return;
      }
      const firstRenderMs = performance.now() - started;
      // Then until every relation is in and drawn (a large graph's arrive after its entities).
      void view.loaded.then(() => {
        const done = () =>
          requestAnimationFrame(() => {
            window.bench = {
              firstRenderMs,
              completeMs: performance.now() - started,
              mode: view.renderMode.reason,
              view,
            };
          });
        // As above, only the canvas renderer reports its draw.
        if (view.renderMode.webgl) done();
        else {
          view.cy.one('render', done);
          view.cy.forceRender();
        }
      });
    };
    requestAnimationFrame(onFrame);
  } catch (e) {
    window.bench = { error: String(e) };
  }
} else if (params.has('live')) void import('./live.tsx').then((m) => m.startLive(root, params));
else
  createRoot(root).render(
    <GraphExplorer
      source={source}
      positions={memoryPositionStore()}
      renderer={renderer}
      // Every entity first: the tests filter, search and walk paths over the whole graph.
      modes={[EVERY_ENTITY, MEETINGS_FOLDED]}
      {...(params.has('slice') ? { loadSliceMs: Number(params.get('slice')) } : {})}
      {...(n > 0
        ? {}
        : {
            graphAt: sampleCommunityAt,
            timeRange: { from: new Date('2026-01-01'), to: new Date('2026-11-23') },
          })}
      onOpen={(id) => opened.push(id)}
      onLink={() => {}}
      onReady={(view) => {
        window.graph.view = view;
      }}
    />,
  );
