import type { Core, NodeSingular } from 'cytoscape';
import { entityToNode, relationToEdge } from './elements.ts';
import type { GraphAtDate, GraphSnapshot } from './graphSource.ts';
import { placeNear } from './placement.ts';

/** What changed between a past date and now, as shown by {@link TimeTravel.showAt}. */
export interface TimeDiff {
  /** Entities and relations that exist now but did not on the date. */
  addedSince: string[];
  /** Entities and relations that existed on the date but are gone now. */
  removedSince: string[];
}

/**
 * Shows the graph as it was on a past date over the live one: what existed then is drawn as
 * usual, what was added since is marked `added-since` (ghosted, or hidden when growth is
 * played), what was removed since is brought back as a `removed-since` ghost. `showNow()`
 * returns to the live graph. Only the elements that differ are touched.
 */
export class TimeTravel {
  readonly #cy: Core;
  readonly #graphAt: GraphAtDate;
  #ghosts = new Set<string>();
  #marked = new Set<string>();
  #request = 0;
  /** The date shown, or null when showing the live graph. */
  date: Date | null = null;

  constructor(cy: Core, graphAt: GraphAtDate) {
    this.#cy = cy;
    this.#graphAt = graphAt;
  }

  /** Shows the graph as it was on `date`. Later calls win over earlier ones still loading. */
  async showAt(date: Date, options: { hideAddedSince?: boolean } = {}): Promise<TimeDiff | null> {
    if (Number.isNaN(date.getTime())) throw new Error('time slider: date is not a valid date');
    const request = ++this.#request;
    const past = await this.#graphAt(date);
    if (request !== this.#request) return null;
    this.date = date;
    return this.#apply(past, options.hideAddedSince ?? false);
  }

  /** Returns to the live graph. */
  showNow(): void {
    this.#request++;
    this.date = null;
    this.#cy.batch(() => this.#clear());
  }

  /** Marks a node or edge the live graph just gained, while a past date is shown. */
  markLiveAddition(ids: readonly string[]): void {
    if (this.date === null) return;
    for (const id of ids) {
      if (this.#ghosts.has(id)) continue;
      this.#cy.getElementById(id).addClass('added-since');
      this.#marked.add(id);
    }
  }

  #clear(): void {
    for (const id of this.#ghosts) this.#cy.getElementById(id).remove();
    for (const id of this.#marked) this.#cy.getElementById(id).removeClass('added-since not-yet');
    this.#ghosts = new Set();
    this.#marked = new Set();
  }

  #apply(past: GraphSnapshot, hideAddedSince: boolean): TimeDiff {
    const cy = this.#cy;
    const pastIds = new Set<string>();
    for (const e of past.entities) pastIds.add(e.id);
    for (const r of past.relations) pastIds.add(r.id);
    const diff: TimeDiff = { addedSince: [], removedSince: [] };
    cy.batch(() => {
      // Drop ghosts the new date no longer needs, keep the rest where they are.
      for (const id of [...this.#ghosts])
        if (!pastIds.has(id)) {
          cy.getElementById(id).remove();
          this.#ghosts.delete(id);
        }
      const fresh: NodeSingular[] = [];
      for (const e of past.entities) {
        if (cy.getElementById(e.id).nonempty()) continue;
        const def = entityToNode(e);
        def.data.ghost = true;
        def.classes = 'removed-since';
        fresh.push(cy.add(def) as unknown as NodeSingular);
        this.#ghosts.add(e.id);
      }
      for (const r of past.relations) {
        if (cy.getElementById(r.id).nonempty()) continue;
        if (cy.getElementById(r.from).empty() || cy.getElementById(r.to).empty()) continue;
        const def = relationToEdge(r);
        def.data.ghost = true;
        def.classes = 'removed-since';
        cy.add(def);
        this.#ghosts.add(r.id);
      }
      if (fresh.length > 0) {
        const placed = new Set(cy.nodes().map((n) => n.id()));
        for (const n of fresh) placed.delete(n.id());
        placeNear(cy, fresh, placed);
      }
      for (const id of this.#ghosts) diff.removedSince.push(id);
      const now = new Set<string>();
      cy.elements().forEach((ele) => {
        const id = ele.id();
        // The view's own links (a fold's) have no history: they follow their ends.
        if (this.#ghosts.has(id) || ele.hasClass('derived')) return;
        now.add(id);
        const added = !pastIds.has(id);
        ele.toggleClass('added-since', added && !hideAddedSince);
        ele.toggleClass('not-yet', added && hideAddedSince);
        if (added) {
          this.#marked.add(id);
          diff.addedSince.push(id);
        } else if (this.#marked.has(id)) {
          this.#marked.delete(id);
        }
      });
    });
    return diff;
  }
}
