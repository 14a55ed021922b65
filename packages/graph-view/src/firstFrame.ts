/// <reference lib="dom" />
import type { Core } from 'cytoscape';

/** The mark on the page's performance timeline when a drawn GraphView is made. */
export const GRAPH_VIEW_CREATED_MARK = 'repertoire:graph-view-created';
/** The mark when its first frame with the graph's entities has been drawn (see {@link firstFrame}). */
export const GRAPH_FIRST_FRAME_MARK = 'repertoire:graph-first-frame';
/** The measure from the one to the other. */
export const GRAPH_FIRST_RENDER_MEASURE = 'repertoire:graph-first-render';

interface Renderer {
  render(...args: unknown[]): void;
}

/**
 * When the view's first frame is on screen, measured the same way for Cytoscape's canvas and
 * WebGL renderers: both draw from one animation-frame loop through the renderer's `render`
 * (WebGL replaces the function, and only the canvas one emits Cytoscape's `render` event), so
 * the first call of it once the graph has entities (or at all, for an empty graph) is the frame
 * that draws them, and the start of the next animation frame is when that frame has gone to the
 * screen. Resolves with `performance.now()` then, and marks {@link GRAPH_FIRST_FRAME_MARK}.
 * Never resolves if the view is destroyed first.
 */
export function firstFrame(cy: Core, createdAt: number, empty: boolean): Promise<number> {
  const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
  const draw = renderer.render;
  return new Promise((resolve) => {
    renderer.render = function (this: Renderer, ...args: unknown[]) {
      draw.apply(this, args);
      if (!empty && cy.nodes().empty()) return;
      renderer.render = draw;
      requestAnimationFrame(() => {
        const at = performance.now();
        performance.mark(GRAPH_FIRST_FRAME_MARK, { startTime: at });
        performance.measure(GRAPH_FIRST_RENDER_MEASURE, { start: createdAt, end: at });
        resolve(at);
      });
    };
  });
}
