import type { Core, NodeSingular } from 'cytoscape';
import type { Disposable } from './graphSource.ts';

/** The part of Cytoscape's canvas renderer this replaces (not in its public typings). */
interface HitTestingRenderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown[];
}

const CELL = 80;
/** The widest a node gets: 60 px at most (sizeForDegree, sizeBy) plus a 5 px focus border. */
const MAX_NODE_EXTENT = 72;

/**
 * Hit testing for large graphs through a grid of node positions. Cytoscape's own walks every
 * element and measures its bounding box and label on each pointer move, press and release
 * (about 250 ms at 5k nodes / 15k relations on the CI machine), which made hovering and the
 * start and end of every pan stall. In large mode only nodes are hit: relations are hairlines
 * there, and a relation is reached through its ends (local graph, path, hover card).
 */
export function fastHitTesting(cy: Core): Disposable & { invalidate(): void } {
  const renderer = (cy as unknown as { renderer(): HitTestingRenderer }).renderer();
  const original = renderer.findNearestElements;
  let grid: Map<string, NodeSingular[]> | null = null;
  const invalidate = () => {
    grid = null;
  };
  const build = () => {
    const cells = new Map<string, NodeSingular[]>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      const key = `${Math.floor(p.x / CELL)},${Math.floor(p.y / CELL)}`;
      const cell = cells.get(key);
      if (cell) cell.push(n);
      else cells.set(key, [n]);
    });
    return cells;
  };
  renderer.findNearestElements = (x, y, _interactiveOnly, isTouch) => {
    grid ??= build();
    const threshold = (isTouch ? 8 : 2) / cy.zoom();
    const reach = MAX_NODE_EXTENT / 2 + threshold;
    let best: NodeSingular | null = null;
    let bestZ = -Infinity;
    let bestDistance = Infinity;
    for (let cx = Math.floor((x - reach) / CELL); cx <= Math.floor((x + reach) / CELL); cx++)
      for (let cy_ = Math.floor((y - reach) / CELL); cy_ <= Math.floor((y + reach) / CELL); cy_++)
        for (const n of grid.get(`${cx},${cy_}`) ?? []) {
          if (n.removed()) continue;
          const p = n.position();
          const distance = Math.hypot(p.x - x, p.y - y);
          if (distance > n.outerWidth() / 2 + threshold || !n.visible()) continue;
          // The node drawn on top wins, as in Cytoscape; then the nearest centre.
          const z = Number(n.style('z-index')) || 0;
          if (z > bestZ || (z === bestZ && distance < bestDistance)) {
            best = n;
            bestZ = z;
            bestDistance = distance;
          }
        }
    return best ? [best] : [];
  };
  // Only moves are listened to: an 'add' listener would be called for every element of a load.
  // The view invalidates the grid itself after live changes.
  cy.on('position', 'node', invalidate);
  return {
    invalidate,
    dispose() {
      renderer.findNearestElements = original;
      if (!cy.destroyed()) cy.off('position', 'node', invalidate);
    },
  };
}
