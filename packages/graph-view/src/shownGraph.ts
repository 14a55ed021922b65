import type { Collection, Core } from 'cytoscape';

/**
 * What the member sees: the nodes not filtered out and the edges between two of them that are
 * not filtered out themselves. A relation whose end is hidden carries no `filtered` class of its
 * own (filters are classes on nodes), so `cy.elements().not('.filtered')` would still hold it;
 * layouts and measures must use this instead.
 */
export function shownGraph(cy: Core): Collection {
  const nodes = cy.nodes().not('.filtered');
  return nodes.union(nodes.edgesWith(nodes).not('.filtered'));
}

/**
 * What a layout places: the shown graph without the links the view draws itself (a fold's
 * who-met-whom lines), which would pull every member who met onto one spot.
 */
export function layoutGraph(cy: Core): Collection {
  return shownGraph(cy).not('.derived');
}
