/// <reference lib="webworker" />
/// <reference path="./modules.d.ts" />
// Runs fcose on a headless Cytoscape inside a Web Worker, so a long layout never freezes the page.
// fcose itself reports no progress, so the work is split into its two real phases: the spectral
// draft (sent back at once, so the member sees a shape quickly) and the force-directed refinement.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions } from './layoutOptions.ts';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol.ts';

cytoscape.use(fcose);

const post = (message: LayoutResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, randomize } = event.data;
  // Sizes go through the stylesheet: a `style` bypass on each element makes Cytoscape warn once
  // per element.
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
  });
  cy.add([
    ...nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, width: n.width, height: n.height },
      position: { x: n.x, y: n.y },
    })),
    ...edges.map((e, i) => ({
      group: 'edges' as const,
      data: { id: `e${i}`, source: e[0], target: e[1] },
    })),
  ]);
  const positions = () => {
    const out: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      out[n.id()] = n.position();
    });
    return out;
  };
  if (randomize) {
    cy.layout(fcoseOptions('draft', true) as cytoscape.LayoutOptions).run();
    post({ type: 'progress', phase: 'draft', progress: 0.5, positions: positions() });
  }
  cy.layout(fcoseOptions('default', false) as cytoscape.LayoutOptions).run();
  post({ type: 'done', positions: positions() });
};
