/// <reference lib="dom" />
// A page that shows the graph explorer on the sample community (or a random graph of ?n=N
// entities), for the graph e2e tests (the benchmark drives the real app's Graph tab).
import {
  EVERY_ENTITY,
  GraphExplorer,
  type GraphView,
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

const root = document.getElementById('root') as HTMLElement;
if (params.has('live')) void import('./live.tsx').then((m) => m.startLive(root, params));
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
