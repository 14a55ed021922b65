/// <reference lib="dom" />
/// <reference path="./modules.d.ts" />
import cytoscape, {
  type Collection,
  type Core,
  type EdgeSingular,
  type LayoutOptions,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions, type LayoutName } from './layoutOptions.ts';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol.ts';
import type { Position } from './positionStore.ts';
import { ringPositions } from './rings.ts';
import { layoutGraph } from './shownGraph.ts';

cytoscape.use(fcose);

/** Options of {@link runLayout}. */
export interface RunLayoutOptions {
  /** Aborting stops the layout (the worker is terminated) and leaves every node where it was. */
  signal?: AbortSignal;
  /** Progress from 0 to 1, with the phase under way. */
  onProgress?: (progress: number, phase: string) => void;
  /** Start from scratch instead of refining the current positions (fcose only). */
  randomize?: boolean;
  /** Run fcose in a Web Worker when the environment has one (default true). */
  worker?: boolean;
  /** Animate nodes to their new places (default: only when rendered and under 2,000 nodes). */
  animate?: boolean;
}

function abortError(): Error {
  const e = new Error('layout cancelled');
  e.name = 'AbortError';
  return e;
}

function applyPositions(cy: Core, positions: Record<string, Position>, animate: boolean) {
  const nodes = cy.nodes().filter((n) => positions[n.id()] !== undefined);
  if (!animate) {
    cy.batch(() => {
      nodes.forEach((n) => {
        n.position(positions[n.id()] as Position);
      });
    });
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const layout = nodes.layout({
      name: 'preset',
      positions: (n: cytoscape.NodeSingular) => positions[n.id()] as Position,
      animate: true,
      animationDuration: 450,
      animationEasing: 'ease-in-out-cubic',
      fit: false,
    } as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/**
 * Lays out the shown part of the graph on demand. fcose runs in a Web Worker where there is one
 * (fcose cannot report progress itself, so progress is by phase: draft, refinement, placing) and
 * can be cancelled; concentric (rings by degree) is quick and runs in place.
 */
export async function runLayout(
  cy: Core,
  name: LayoutName,
  options: RunLayoutOptions = {},
): Promise<void> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError();
  const shown = layoutGraph(cy);
  const animate = options.animate ?? (cy.container() !== null && shown.nodes().length < 2000);
  if (name === 'concentric') {
    onProgress?.(0, 'concentric');
    const positions = ringsAround(shown, cy.container() !== null);
    if (signal?.aborted) throw abortError();
    await applyPositions(cy, positions, animate);
    onProgress?.(1, 'done');
    return;
  }
  if (name !== 'fcose') throw new Error(`layout: unknown layout "${String(name)}"`);
  const randomize = options.randomize ?? false;
  const useWorker = (options.worker ?? true) && typeof Worker !== 'undefined';
  if (!useWorker) {
    onProgress?.(0, 'refining');
    shown.layout(fcoseOptions('default', randomize) as LayoutOptions).run();
    onProgress?.(1, 'done');
    return;
  }
  const request = layoutRequest(shown, randomize, cy.container() !== null);
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  try {
    onProgress?.(0.05, randomize ? 'draft' : 'refining');
    const final = await new Promise<Record<string, Position>>((resolve, reject) => {
      const onAbort = () => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onerror = (e) => reject(new Error(`layout worker failed: ${e.message}`));
      worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
        const m = event.data;
        if (m.type === 'progress') onProgress?.(m.progress, 'refining');
        else {
          signal?.removeEventListener('abort', onAbort);
          resolve(m.positions);
        }
      };
      worker.postMessage(request);
    });
    onProgress?.(0.95, 'placing');
    await applyPositions(cy, final, animate);
    onProgress?.(1, 'done');
  } finally {
    worker.terminate();
  }
}

/**
 * What the layout worker is sent: the shown nodes, and only the relations between two of them
 * (the worker's Cytoscape refuses an edge whose end it was not given).
 */
export function layoutRequest(
  shown: Collection,
  randomize: boolean,
  measureLabels = false,
): LayoutRequest {
  const nodes = shown.nodes();
  const edges = shown.edges();
  const ids = new Set(nodes.map((n) => n.id()));
  // The worker cannot measure text: drawn labels are measured here, so names get room too.
  const labels = measureLabels && nodes.length < 2000;
  return {
    nodes: nodes.map((n) => {
      const size = Number(n.data('size')) || 30;
      const box = labels ? n.boundingBox({ includeLabels: true, includeOverlays: false }) : null;
      return {
        id: n.id(),
        x: n.position().x,
        y: n.position().y,
        width: Math.max(size, box?.w ?? 0),
        height: Math.max(size, box?.h ?? 0),
      };
    }),
    edges: edges
      .toArray()
      .map((e) => e as EdgeSingular)
      .filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
      .map((e) => [e.source().id(), e.target().id()]),
    randomize,
  };
}

/**
 * Rings by connections among the shown nodes, centred where those nodes are now; with the labels'
 * drawn boxes when `measured`.
 */
function ringsAround(shown: Collection, measured: boolean): Record<string, Position> {
  const nodes = shown.nodes();
  const edges = shown.edges();
  const degree = new Map<string, number>();
  edges.forEach((e) => {
    for (const id of [e.source().id(), e.target().id()]) degree.set(id, (degree.get(id) ?? 0) + 1);
  });
  let cx = 0;
  let cy = 0;
  nodes.forEach((n) => {
    cx += n.position().x / nodes.length;
    cy += n.position().y / nodes.length;
  });
  const rings = ringPositions(
    nodes.map((n) => {
      const box = measured ? n.boundingBox({ includeLabels: true, includeOverlays: false }) : null;
      return {
        id: n.id(),
        degree: degree.get(n.id()) ?? 0,
        size: Number(n.data('size')) || 30,
        ...(box ? { width: box.w, height: box.h } : {}),
      };
    }),
  );
  const out: Record<string, Position> = {};
  for (const [id, p] of Object.entries(rings)) out[id] = { x: p.x + cx, y: p.y + cy };
  return out;
}
