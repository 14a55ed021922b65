/** What fcose's per-edge options read. */
interface EdgeData {
  data(key: string): unknown;
}

/** Layouts the member can ask for. */
export type LayoutName = 'fcose' | 'concentric';

/** fcose options tuned for a community graph: well spread, clusters kept together. */
export function fcoseOptions(quality: 'draft' | 'default' | 'proof', randomize: boolean) {
  return {
    name: 'fcose',
    quality,
    randomize,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    packComponents: true,
    nodeRepulsion: () => 16000,
    // A fold's drawn links (who met whom) are many and weak: long and loose, so they do not pull
    // every member onto one spot.
    idealEdgeLength: (e: EdgeData) => (e.data('derived') ? 170 : 110),
    edgeElasticity: (e: EdgeData) => (e.data('derived') ? 0.05 : 0.35),
    gravity: 0.2,
    numIter: 2500,
    tile: true,
  };
}
