import type { CanvasPlacement, PortableGraph } from '@repertoire/interop';
import { MultiGraph } from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2Module from 'graphology-layout-forceatlas2';

// A CommonJS package typed with an ES default: Node's default import is `module.exports` (the
// layout), while TypeScript sees a namespace holding `default`. Accept either shape.
type Layout = typeof forceAtlas2Module.default;
const loaded: unknown = forceAtlas2Module;
const forceAtlas2: Layout =
  typeof loaded === 'function' ? (loaded as Layout) : (loaded as { default: Layout }).default;

/** Default colours of the built-in kinds on a canvas (JSON Canvas preset colours 1–6). */
const KIND_COLOURS: Record<string, string> = {
  member: '5',
  domain: '6',
  problem: '1',
  practice: '4',
  artifact: '3',
  meeting: '2',
};

/**
 * Positions for a canvas exported without a graph view (the CLI): ForceAtlas2 from a circle,
 * scaled so cards do not overlap, coloured by kind.
 */
export function layoutForCanvas(graph: PortableGraph): Map<string, CanvasPlacement> {
  const g = new MultiGraph();
  for (const e of graph.entities) g.addNode(e.id);
  for (const r of graph.relations)
    if (g.hasNode(r.from) && g.hasNode(r.to)) g.addEdge(r.from, r.to);
  circular.assign(g, { scale: 100 });
  if (g.order > 1)
    forceAtlas2.assign(g, { iterations: 200, settings: forceAtlas2.inferSettings(g) });
  const kinds = new Map(graph.entities.map((e) => [e.id, e.kind]));
  const placements = new Map<string, CanvasPlacement>();
  g.forEachNode((id, { x, y }) => {
    const colour = KIND_COLOURS[kinds.get(id) ?? ''];
    placements.set(id, {
      x: Math.round(x * 30),
      y: Math.round(y * 30),
      ...(colour ? { colour } : {}),
    });
  });
  return placements;
}
