/// <reference lib="dom" />
// A page that shows the graph explorer on the sample community (or a random graph of ?n=N
// entities), for the graph e2e tests and benchmarks until the real app hosts the explorer.
import {
  GraphExplorer,
  type GraphView,
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

createRoot(document.getElementById('root') as HTMLElement).render(
  <GraphExplorer
    source={source}
    positions={memoryPositionStore()}
    renderer={renderer}
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
