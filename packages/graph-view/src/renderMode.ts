/// <reference lib="dom" />
/** How the view renders, chosen from the graph's size and what the browser can do. */
export interface RenderMode {
  /** Cytoscape's WebGL renderer (its `webgl` init option, experimental since 3.31). */
  webgl: boolean;
  /** Level of detail: edges hidden while panning and zooming. */
  hideEdgesOnViewport: boolean;
  /** Level of detail: the frame is reused as a texture while panning and zooming. */
  textureOnViewport: boolean;
  /** Why this mode, in words for the status line. */
  reason: string;
}

/** What the member asked for: automatic, or one renderer forced. */
export type RendererPreference = 'auto' | 'canvas' | 'webgl';

/** Elements (nodes + edges) above which the view switches to its large-graph mode. */
export const LARGE_GRAPH_THRESHOLD = 4000;

/** Whether this browser gives a WebGL2 context (false in Node and on many GPU-less machines). */
export function webglAvailable(): boolean {
  if (typeof document === 'undefined') return false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    return gl !== null;
  } catch {
    return false;
  }
}

/**
 * Picks the renderer. Small graphs get the canvas renderer at full detail. Large ones get WebGL
 * when it is available, else the canvas renderer with level of detail while moving.
 */
export function chooseRenderMode(
  elementCount: number,
  preference: RendererPreference = 'auto',
  hasWebgl: boolean = webglAvailable(),
  threshold: number = LARGE_GRAPH_THRESHOLD,
): RenderMode {
  const large = elementCount > threshold;
  if (preference === 'webgl' && !hasWebgl)
    throw new Error('renderer: "webgl" was asked for but this browser has no WebGL2');
  const webgl = preference === 'webgl' || (preference === 'auto' && large && hasWebgl);
  const lod = large && !webgl;
  return {
    webgl,
    hideEdgesOnViewport: lod,
    textureOnViewport: false,
    reason: webgl
      ? `WebGL (${elementCount} elements)`
      : lod
        ? `canvas, edges hidden while moving (${elementCount} elements, no WebGL)`
        : `canvas (${elementCount} elements)`,
  };
}
