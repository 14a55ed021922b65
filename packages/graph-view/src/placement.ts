import type { Core, NodeSingular } from 'cytoscape';
import type { Position } from './positionStore.ts';

/** A stable pseudo-random angle per id, so the same node lands in the same place every time. */
function angleFor(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 2 ** 32) * 2 * Math.PI;
}

/**
 * Places new nodes near their already placed neighbours without moving anything else: at the
 * centroid of those neighbours, pushed out a little in a direction stable for the node's id.
 * Nodes with no placed neighbour go on a ring around the graph. Later nodes in `nodes` may lean
 * on earlier ones, so a new cluster arrives together.
 */
export function placeNear(cy: Core, nodes: readonly NodeSingular[], placed: Set<string>): void {
  const pending = [...nodes];
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    for (let i = pending.length - 1; i >= 0; i--) {
      const node = pending[i] as NodeSingular;
      const anchors = node.neighborhood('node').filter((n) => placed.has(n.id()));
      if (anchors.length === 0) continue;
      let x = 0;
      let y = 0;
      anchors.forEach((n) => {
        const p = n.position();
        x += p.x;
        y += p.y;
      });
      const a = angleFor(node.id());
      const r = anchors.length === 1 ? 90 : 40;
      node.position({
        x: x / anchors.length + r * Math.cos(a),
        y: y / anchors.length + r * Math.sin(a),
      });
      placed.add(node.id());
      pending.splice(i, 1);
      progress = true;
    }
  }
  if (pending.length === 0) return;
  const box = placedBox(cy, placed);
  const radius = Math.max(box.w, box.h) / 2 + 120;
  for (const node of pending) {
    const a = angleFor(node.id());
    node.position({ x: box.cx + radius * Math.cos(a), y: box.cy + radius * Math.sin(a) });
    placed.add(node.id());
  }
}

function placedBox(cy: Core, placed: Set<string>) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((n) => {
    if (!placed.has(n.id())) return;
    const p: Position = n.position();
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  });
  if (x1 === Infinity) return { cx: 0, cy: 0, w: 0, h: 0 };
  return { cx: (x1 + x2) / 2, cy: (y1 + y2) / 2, w: x2 - x1, h: y2 - y1 };
}

/**
 * A quick first arrangement for a graph nobody has laid out yet: a sunflower spiral with the
 * most connected nodes in the middle. Linear time, so the first frame of a large graph is not
 * held up by a force layout (which then runs off the main thread).
 */
export function placeSunflower(nodes: readonly NodeSingular[]): void {
  // Degrees read once: Cytoscape's degree() walks the edges on every call of the sort.
  const degree = new Map(nodes.map((n) => [n, n.degree(false)]));
  const sorted = [...nodes].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0));
  const golden = Math.PI * (3 - Math.sqrt(5));
  sorted.forEach((n, i) => {
    const r = 38 * Math.sqrt(i);
    n.position({ x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
  });
}
