import type { Core, EdgeCollection, NodeCollection } from 'cytoscape';

/**
 * What the member chose to see: kinds and relation types filtered out, an optional scope (the
 * local graph of one entity, grown by expanding), and collapsed neighbourhoods. Visibility is a
 * class on each element, so a filter never removes anything and live updates keep flowing.
 */
export class Visibility {
  readonly hiddenKinds = new Set<string>();
  readonly hiddenRelations = new Set<string>();
  /** Kinds folded into links between others (meetings into who-met-whom): hidden like a filter. */
  readonly foldedKinds = new Set<string>();
  /** Only drawn links (the People mode's ties) are shown, not the relations themselves. */
  derivedOnly = false;
  /** Node ids in the local graph, or null when the whole graph is in scope. */
  scope: Set<string> | null = null;
  /** Nodes hidden because a neighbour of theirs was collapsed, by the collapsed node. */
  readonly collapsed = new Map<string, Set<string>>();

  readonly cy: Core;

  constructor(cy: Core) {
    this.cy = cy;
  }

  /** Recomputes every element's classes; use after the member changes a choice. */
  applyAll(): void {
    this.cy.batch(() => this.applyTo(this.cy.nodes()));
  }

  /** Recomputes the classes of some nodes and their edges only; use after a live update. */
  applyTo(nodes: NodeCollection): void {
    const hiddenByCollapse = new Set<string>();
    for (const set of this.collapsed.values()) for (const id of set) hiddenByCollapse.add(id);
    nodes.forEach((n) => {
      const hidden =
        this.kindHidden(n.data('kind')) ||
        (this.scope !== null && !this.scope.has(n.id())) ||
        hiddenByCollapse.has(n.id());
      n.toggleClass('filtered', hidden);
    });
    this.applyToEdges(nodes.connectedEdges());
  }

  /** Recomputes the classes of some edges only (relation-type filters); e.g. newly loaded ones. */
  applyToEdges(edges: EdgeCollection): void {
    edges.forEach((e) => {
      e.toggleClass(
        'filtered',
        this.hiddenRelations.has(e.data('type')) || (this.derivedOnly && !e.data('derived')),
      );
    });
  }

  /** Whether entities of a kind are hidden, filtered out or folded. */
  kindHidden(kind: string): boolean {
    return this.hiddenKinds.has(kind) || this.foldedKinds.has(kind);
  }

  /** Whether an element is shown under the current choices. */
  isShown(id: string): boolean {
    const ele = this.cy.getElementById(id);
    if (ele.empty() || ele.hasClass('filtered')) return false;
    if (ele.isEdge())
      return !ele.source().hasClass('filtered') && !ele.target().hasClass('filtered');
    return true;
  }

  /** Nodes currently shown. */
  shownNodes(): NodeCollection {
    return this.cy.nodes().not('.filtered');
  }
}
