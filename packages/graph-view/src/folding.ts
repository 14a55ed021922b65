import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Disposable } from './graphSource.ts';

/** The class of the edges a fold draws: they are not relations and are never saved. */
export const DERIVED = 'derived';

/** What {@link foldKind} folds: one kind, between the entities of another. */
export interface FoldOptions {
  /** The kind folded away, e.g. `meeting`. */
  readonly kind: string;
  /** The kind whose entities get a link for each folded entity they share, e.g. `member`. */
  readonly between: string;
  /** The type the drawn links carry, for filters and labels (e.g. `met`). */
  readonly type: string;
}

/** A fold in place: recompute after the graph changed, dispose to unfold. */
export interface Fold extends Disposable {
  readonly options: FoldOptions;
  /** Redraws the links from the current graph (after a live change or a time-travel step). */
  refresh(): void;
}

/**
 * Draws the links a kind makes between others: meetings become who-met-whom. (The view hides the
 * folded kind itself, as a filter does.) Every pair of
 * `between` entities they share gets one drawn edge whose `weight` is how many they share, so 21
 * meetings × 6 attendees read as a few weighted lines between members instead of a hairball of
 * triangles. Nothing in the source changes.
 */
export function foldKind(cy: Core, options: FoldOptions): Fold {
  const draw = () => {
    const counts = new Map<string, { a: string; b: string; weight: number }>();
    cy.nodes(`[kind = "${options.kind}"]`).forEach((folded: NodeSingular) => {
      const ends = folded
        .neighborhood('node')
        .filter((n) => n.data('kind') === options.between && !n.data('ghost'))
        .map((n) => n.id())
        .sort();
      for (let i = 0; i < ends.length; i++)
        for (let j = i + 1; j < ends.length; j++) {
          const a = ends[i] as string;
          const b = ends[j] as string;
          const key = `${a}|${b}`;
          const pair = counts.get(key) ?? { a, b, weight: 0 };
          pair.weight++;
          counts.set(key, pair);
        }
    });
    cy.batch(() => {
      const existing = cy.edges(`.${DERIVED}[type = "${options.type}"]`);
      existing.forEach((e) => {
        if (!counts.has(e.data('pair'))) e.remove();
      });
      const fresh: ElementDefinition[] = [];
      for (const [key, { a, b, weight }] of counts) {
        const id = `fold:${options.type}:${key}`;
        const edge = cy.getElementById(id);
        if (edge.nonempty()) edge.data('weight', weight);
        else
          fresh.push({
            group: 'edges',
            data: {
              id,
              source: a,
              target: b,
              type: options.type,
              pair: key,
              weight,
              derived: true,
            },
            classes: DERIVED,
          });
      }
      cy.add(fresh);
    });
  };
  draw();
  return {
    options,
    refresh: draw,
    dispose() {
      cy.edges(`.${DERIVED}[type = "${options.type}"]`).remove();
    },
  };
}
