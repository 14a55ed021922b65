/// <reference lib="dom" />
/** How the view renders, chosen from the graph's size and what the browser can do. */
export interface RenderMode {
  /** Cytoscape's WebGL renderer (its `webgl` init option, experimental since 3.31). */
  webgl: boolean;
  /** Above the threshold: cheaper edges (no arrow heads) whatever the renderer. */
  large: boolean;
  /** Level of detail: edges hidden while panning and zooming. */
  hideEdgesOnViewport: boolean;
  /** Level of detail: the last frame is moved as a texture while panning and zooming. */
  textureOnViewport: boolean;
  /** Why this mode, in words for the status line. */
  reason: string;
}

/** What the member asked for: automatic, or one renderer forced. */
export type RendererPreference = 'auto' | 'canvas' | 'webgl';

/** Elements (nodes + edges) above which the view switches to its large-graph mode. */
export const LARGE_GRAPH_THRESHOLD = 2000;

/** What WebGL this browser offers. */
export interface WebglSupport {
  available: boolean;
  /** A software rasterizer (SwiftShader, llvmpipe): WebGL works but no GPU is behind it. */
  software: boolean;
  /** The renderer's name, for the status line and benchmark reports. */
  renderer: string;
}

/** Probes WebGL2 (none in Node; software-only on GPU-less machines such as CI). */
export function webglSupport(): WebglSupport {
  if (typeof document === 'undefined')
    return { available: false, software: false, renderer: 'none' };
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { available: false, software: false, renderer: 'none' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: /swiftshader|llvmpipe|software/i.test(renderer), renderer };
  } catch {
    return { available: false, software: false, renderer: 'none' };
  }
}

/**
 * Whether the automatic choice may use WebGL: a real GPU is behind it. On a software rasterizer
 * the canvas renderer with level of detail is used instead (see the graph benchmark).
 */
export function webglAvailable(): boolean {
  const support = webglSupport();
  return support.available && !support.software;
}

/**
 * Picks the renderer. Small graphs get the canvas renderer at full detail. Large ones get WebGL
 * when it is available, else the canvas renderer with level of detail while moving (the last
 * frame is panned and zoomed as a texture, edges hidden while it is redrawn).
 */
export function chooseRenderMode(
  elementCount: number,
  preference: RendererPreference = 'auto',
  hasWebgl: boolean = webglAvailable(),
  threshold: number = LARGE_GRAPH_THRESHOLD,
  levelOfDetail = true,
): RenderMode {
  const large = elementCount > threshold;
  if (preference === 'webgl' && !hasWebgl)
    throw new Error('renderer: "webgl" was asked for but this browser has no WebGL2');
  const webgl = preference === 'webgl' || (preference === 'auto' && large && hasWebgl);
  const lod = large && !webgl && levelOfDetail;
  return {
    webgl,
    large: large && (webgl || levelOfDetail),
    hideEdgesOnViewport: lod,
    textureOnViewport: lod,
    reason: webgl
      ? `WebGL (${elementCount} elements)`
      : lod
        ? `canvas, simplified while moving (${elementCount} elements, no WebGL)`
        : `canvas (${elementCount} elements)`,
  };
}
