/// <reference lib="dom" />
/// <reference path="./modules.d.ts" />
import cytoscape, { type Core } from 'cytoscape';

let svgRegistered = false;

/** Options of the exports. */
export interface ExportOptions {
  /** The whole graph (true) or only what is in view (false, the default). */
  full?: boolean;
  /** Scale factor of the image (PNG) relative to the screen (default 2, for crisp prints). */
  scale?: number;
  /** Background colour (default white; the canvas itself is transparent). */
  background?: string;
}

/** The current view as a PNG. */
export function exportPng(cy: Core, options: ExportOptions = {}): Blob {
  return cy.png({
    output: 'blob',
    full: options.full ?? false,
    scale: options.scale ?? 2,
    bg: options.background ?? '#ffffff',
  }) as unknown as Blob;
}

/**
 * The current view as SVG text (through cytoscape-svg, loaded on first use because it reads
 * `window` as soon as it is imported).
 */
export async function exportSvg(cy: Core, options: ExportOptions = {}): Promise<string> {
  if (!svgRegistered) {
    const svg = (await import('cytoscape-svg')).default;
    cytoscape.use(svg);
    svgRegistered = true;
  }
  const withSvg = cy as Core & { svg(o: object): string };
  return withSvg.svg({
    full: options.full ?? false,
    scale: options.scale ?? 1,
    bg: options.background ?? '#ffffff',
  });
}
