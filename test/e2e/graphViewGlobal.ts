// `graphView()` in the page: the graph-explorer plugin hangs its GraphView on its element for
// tests and the browser console; this names the newest one.
import type { BrowserContext } from 'playwright-core';

/** Defines `graphView()` in every page of `context`. */
export async function exposeGraphView(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (globalThis as unknown as { graphView: () => unknown }).graphView = () =>
      (
        [...document.querySelectorAll('.rp-graph-view')].at(-1) as
          | { graphView?: unknown }
          | undefined
      )?.graphView;
  });
}
