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
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 80,
    edgeElasticity: () => 0.35,
    gravity: 0.6,
    numIter: 2500,
    tile: true,
  };
}
