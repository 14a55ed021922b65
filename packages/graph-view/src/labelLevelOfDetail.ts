import type { Core, NodeSingular } from 'cytoscape';
import type { Disposable } from './graphSource.ts';

/** Options of {@link labelLevelOfDetail}. */
export interface LabelLevelOfDetailOptions {
  /** Zoom below which no label is drawn: the text would be too small to read (default 0.9). */
  minZoom?: number;
  /** At most this many labels at once, the best connected first (default 400). */
  max?: number;
  /** Wait this long after the viewport stops changing before relabelling, in ms (default 120). */
  settleMs?: number;
}

/** The class that turns a node's label on in a large graph's stylesheet. */
export const LABELLED = 'labelled';

/**
 * Labels only the nodes in view, once zoomed in far enough to read them. Cytoscape measures
 * every label of every node even when `min-zoomed-font-size` hides it, which at 5k nodes costs
 * more than drawing them; a large graph's stylesheet therefore draws labels only on nodes with
 * the `labelled` class, which this keeps on what the member is looking at.
 */
export function labelLevelOfDetail(
  cy: Core,
  options: LabelLevelOfDetailOptions = {},
): Disposable & { refresh(): void } {
  const minZoom = options.minZoom ?? 0.9;
  const max = options.max ?? 400;
  let labelled = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    if (cy.destroyed()) return;
    const want = new Set<string>();
    if (cy.zoom() >= minZoom) {
      const { x1, y1, x2, y2 } = cy.extent();
      const inView: NodeSingular[] = [];
      cy.nodes().forEach((n) => {
        const p = n.position();
        if (p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2 && !n.hasClass('filtered'))
          inView.push(n);
      });
      if (inView.length > max)
        inView.sort((a, b) => Number(b.data('degree')) - Number(a.data('degree')));
      for (const n of inView.slice(0, max)) want.add(n.id());
    }
    cy.batch(() => {
      for (const id of labelled) if (!want.has(id)) cy.getElementById(id).removeClass(LABELLED);
      for (const id of want) if (!labelled.has(id)) cy.getElementById(id).addClass(LABELLED);
    });
    labelled = want;
  };
  const onViewport = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, options.settleMs ?? 120);
  };
  cy.on('viewport', onViewport);
  return {
    refresh,
    dispose() {
      clearTimeout(timer);
      if (!cy.destroyed()) cy.off('viewport', onViewport);
    },
  };
}
