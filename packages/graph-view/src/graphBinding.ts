import type { Core, NodeSingular } from 'cytoscape';
import { entityToNode, relationToEdge, sizeForDegree } from './elements.ts';
import type { Disposable, GraphChange, GraphSource } from './graphSource.ts';
import { placeNear } from './placement.ts';
import type { Position, PositionStore } from './positionStore.ts';

/** Options of {@link bindGraph}. */
export interface GraphBindingOptions {
  /** Where the member's node positions are remembered. */
  positions?: PositionStore;
  /** Called after each incremental update with the ids it touched (after the initial load too). */
  onDidUpdate?: (touched: { nodes: string[]; edges: string[] }) => void;
}

/** A live binding of a graph source to a Cytoscape instance. */
export interface GraphBinding extends Disposable {
  /** Ids of nodes that had no remembered position at load: the caller may lay them out. */
  readonly unplacedAtLoad: readonly string[];
  /** Writes every node's position to the position store now. */
  savePositions(): void;
}

/**
 * Loads the source into `cy` once, then follows its change events: an added, changed or removed
 * entity or relation updates only its own element (and the degree of a relation's ends), never a
 * rebuild. New nodes are placed near their neighbours; nothing else moves.
 */
export function bindGraph(
  cy: Core,
  source: GraphSource,
  options: GraphBindingOptions = {},
): GraphBinding {
  const remembered = options.positions?.load() ?? {};
  const placed = new Set<string>();
  const unplaced: NodeSingular[] = [];
  cy.batch(() => {
    const nodes = [];
    for (const e of source.entities()) {
      const def = entityToNode(e);
      const p = remembered[e.id];
      if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
        def.position = { x: p.x, y: p.y };
        placed.add(e.id);
      }
      nodes.push(def);
    }
    cy.add(nodes);
    const edges = [];
    for (const r of source.relations()) edges.push(relationToEdge(r));
    cy.add(edges);
    cy.nodes().forEach((n) => {
      const degree = n.degree(false);
      n.data({ degree, size: sizeForDegree(degree) });
      if (!placed.has(n.id())) unplaced.push(n);
    });
  });
  const unplacedAtLoad = unplaced.map((n) => n.id());
  // With most nodes remembered, new ones join their neighbours; otherwise the caller lays out.
  if (unplaced.length > 0 && placed.size > 0) cy.batch(() => placeNear(cy, unplaced, placed));
  for (const n of unplaced) placed.add(n.id());

  const apply = (change: GraphChange) => {
    const touchedNodes = new Set<string>();
    const touchedEdges = new Set<string>();
    const degreeDirty = new Set<string>();
    const fresh: NodeSingular[] = [];
    cy.batch(() => {
      for (const id of change.relations.removed) {
        const edge = cy.getElementById(id);
        if (edge.empty()) continue;
        degreeDirty.add(edge.data('source'));
        degreeDirty.add(edge.data('target'));
        edge.remove();
        touchedEdges.add(id);
      }
      for (const id of change.entities.removed) {
        const node = cy.getElementById(id);
        if (node.empty()) continue;
        node.connectedEdges().forEach((e) => {
          touchedEdges.add(e.id());
          degreeDirty.add(e.data('source'));
          degreeDirty.add(e.data('target'));
        });
        node.remove();
        placed.delete(id);
        touchedNodes.add(id);
      }
      for (const id of [...change.entities.added, ...change.entities.changed]) {
        const entity = source.getEntity(id);
        if (!entity) continue;
        const node = cy.getElementById(id);
        touchedNodes.add(id);
        if (node.empty()) {
          const def = entityToNode(entity);
          const p = remembered[id];
          if (p) {
            def.position = { ...p };
            placed.add(id);
          }
          const added = cy.add(def);
          if (!p) fresh.push(added as unknown as NodeSingular);
        } else {
          const def = entityToNode(entity).data;
          node.data({ label: def.label, kind: def.kind, createdAt: def.createdAt });
        }
      }
      for (const id of [...change.relations.added, ...change.relations.changed]) {
        const relation = source.getRelation(id);
        if (!relation) continue;
        const existing = cy.getElementById(id);
        if (cy.getElementById(relation.from).empty() || cy.getElementById(relation.to).empty())
          continue;
        touchedEdges.add(id);
        if (existing.nonempty()) {
          existing.data('type', relation.type);
          continue;
        }
        cy.add(relationToEdge(relation));
        degreeDirty.add(relation.from);
        degreeDirty.add(relation.to);
      }
      for (const id of degreeDirty) {
        const n = cy.getElementById(id);
        if (n.empty()) continue;
        const degree = n.degree(false);
        n.data({ degree, size: sizeForDegree(degree) });
        touchedNodes.add(id);
      }
      if (fresh.length > 0) placeNear(cy, fresh, placed);
    });
    options.onDidUpdate?.({ nodes: [...touchedNodes], edges: [...touchedEdges] });
  };
  const subscription = source.onDidChange(apply);

  const savePositions = () => {
    if (!options.positions) return;
    const all: Record<string, Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      all[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    options.positions.save(all);
  };
  return {
    unplacedAtLoad,
    savePositions,
    dispose: () => subscription.dispose(),
  };
}
