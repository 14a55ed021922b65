import type { CollectionReturnValue, Core, EdgeCollection, NodeSingular } from 'cytoscape';
import type { Visibility } from './visibility.ts';

/** Edges a walk may follow: those not filtered out, between nodes of kinds not filtered out. */
function walkable(cy: Core, visibility: Visibility): EdgeCollection {
  return cy
    .edges()
    .filter(
      (e) =>
        !visibility.hiddenRelations.has(e.data('type')) &&
        !visibility.kindHidden(e.source().data('kind')) &&
        !visibility.kindHidden(e.target().data('kind')),
    ) as EdgeCollection;
}

/**
 * Ids of the nodes within `depth` relations of `rootId`, following relations both ways and
 * honouring the kind and relation filters.
 */
export function neighbourhood(
  cy: Core,
  visibility: Visibility,
  rootId: string,
  depth: number,
): Set<string> {
  const root = cy.getElementById(rootId);
  if (root.empty()) throw new Error(`local graph: no entity with id "${rootId}"`);
  if (!Number.isInteger(depth) || depth < 0)
    throw new Error(`local graph: depth must be a whole number ≥ 0, got ${depth}`);
  const edges = walkable(cy, visibility);
  const allowed = new Set(edges.map((e) => e.id()));
  const seen = new Set([rootId]);
  let frontier: NodeSingular[] = [root as NodeSingular];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: NodeSingular[] = [];
    for (const n of frontier)
      n.connectedEdges().forEach((e) => {
        if (!allowed.has(e.id())) return;
        const other = e.source().id() === n.id() ? e.target() : e.source();
        if (seen.has(other.id())) return;
        seen.add(other.id());
        next.push(other);
      });
    frontier = next;
  }
  return seen;
}

/**
 * The shortest chain of relations between two entities (directions ignored, filters honoured),
 * or null when they are not connected.
 */
export function shortestPath(
  cy: Core,
  visibility: Visibility,
  fromId: string,
  toId: string,
): CollectionReturnValue | null {
  for (const id of [fromId, toId])
    if (cy.getElementById(id).empty()) throw new Error(`shortest path: no entity with id "${id}"`);
  const shown = visibility.shownNodes();
  const space = shown.union(
    walkable(cy, visibility).filter((e) => shown.has(e.source()) && shown.has(e.target())),
  );
  const result = space.aStar({
    root: cy.getElementById(fromId),
    goal: cy.getElementById(toId),
    directed: false,
  });
  return result.found ? result.path : null;
}

/** A search hit: the entity's id, title and how well it matched (higher is better). */
export interface SearchHit {
  id: string;
  title: string;
  kind: string;
  score: number;
}

function score(title: string, query: string): number {
  const t = title.toLowerCase();
  if (t === query) return 100;
  if (t.startsWith(query)) return 80;
  if (t.split(/[\s\-_/]+/).some((w) => w.startsWith(query))) return 60;
  if (t.includes(query)) return 40;
  // Letters in order (fuzzy), so "ltsn" finds "Lesson study"; weaker the more spread out.
  let at = 0;
  let gaps = 0;
  for (const ch of query) {
    const i = t.indexOf(ch, at);
    if (i < 0) return 0;
    gaps += i - at;
    at = i + 1;
  }
  return Math.max(1, 20 - gaps);
}

/** Entities whose title matches `query`, best first. */
export function searchEntities(cy: Core, query: string, limit = 10): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const hits: SearchHit[] = [];
  cy.nodes().forEach((n) => {
    const s = score(String(n.data('label')), q);
    if (s > 0) hits.push({ id: n.id(), title: n.data('label'), kind: n.data('kind'), score: s });
  });
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  return hits.slice(0, limit);
}

/** A direction for keyboard navigation. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The shown node to move to from `fromId` when the member presses an arrow key: the nearest
 * node inside a 90° cone in that direction, preferring neighbours of the current node.
 */
export function nodeInDirection(
  cy: Core,
  visibility: Visibility,
  fromId: string,
  direction: Direction,
): string | null {
  const from = cy.getElementById(fromId);
  if (from.empty()) return null;
  const p = from.position();
  const [ux, uy] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[direction] as [
    number,
    number,
  ];
  const neighbours = new Set(from.neighborhood('node').map((n) => n.id()));
  let best: string | null = null;
  let bestCost = Infinity;
  visibility.shownNodes().forEach((n) => {
    if (n.id() === fromId) return;
    const q = n.position();
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || across > along) return;
    const cost = (along + 2 * across) * (neighbours.has(n.id()) ? 0.5 : 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = n.id();
    }
  });
  return best;
}
