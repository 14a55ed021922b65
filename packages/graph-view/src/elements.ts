import type { ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphEntity, GraphRelation } from './graphSource.ts';

/** Node diameter for a degree: grows with its square root so hubs stand out without swamping. */
export function sizeForDegree(degree: number): number {
  return Math.min(60, 18 + 5 * Math.sqrt(degree));
}

/** The Cytoscape node for an entity. Data keys are the view's contract with its stylesheet. */
export function entityToNode(entity: GraphEntity): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: entity.id,
      label: entity.title,
      kind: entity.kind,
      createdAt: entity.createdAt ?? '',
      degree: 0,
      size: sizeForDegree(0),
    },
  };
}

/** The Cytoscape edge for a relation. */
export function relationToEdge(relation: GraphRelation): ElementDefinition {
  return {
    group: 'edges',
    data: { id: relation.id, source: relation.from, target: relation.to, type: relation.type },
  };
}

/**
 * A node's relations, without the links the view draws itself (a fold's who-met-whom lines):
 * what sizes a node and what the hover card counts.
 */
export function relationDegree(node: NodeSingular): number {
  return node.connectedEdges().filter((e) => !e.hasClass('derived')).length;
}
