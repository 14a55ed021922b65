import type { CanvasPlacement } from '@repertoire/interop';

/** A point of the graph view, in its model coordinates. */
export interface ViewPosition {
  x: number;
  y: number;
}

/** How far apart, at least, neighbouring cards' centres sit on the canvas (a card is 240×80). */
const CARD_SPACING = 300;

/** The distance from each of the first points to its nearest neighbour, middle value. */
function typicalGap(points: readonly ViewPosition[]): number {
  const sample = points.slice(0, 400);
  const gaps = sample
    .map((p) =>
      Math.min(
        ...sample.filter((q) => q !== p).map((q) => Math.hypot(p.x - q.x, p.y - q.y) || Infinity),
      ),
    )
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? CARD_SPACING;
}

/**
 * The canvas placements of the graph as the member last left it in the graph view: its positions
 * spread out so the canvas's wide cards do not cover each other, in the kinds' colours. Entities
 * the view has not placed yet keep the tidy placement given (`fallback`), moved to the right of
 * the placed ones.
 */
export function viewPlacements(
  positions: Readonly<Record<string, ViewPosition>>,
  fallback: ReadonlyMap<string, CanvasPlacement>,
): Map<string, CanvasPlacement> {
  const placed = [...fallback.keys()].filter((id) => {
    const p = positions[id];
    return p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);
  });
  if (placed.length === 0) return new Map(fallback);
  const points = placed.map((id) => positions[id] as ViewPosition);
  const scale = Math.max(1, CARD_SPACING / typicalGap(points));
  const result = new Map<string, CanvasPlacement>();
  let right = -Infinity;
  for (const id of placed) {
    const p = positions[id] as ViewPosition;
    const colour = fallback.get(id)?.colour;
    const at = { x: Math.round(p.x * scale), y: Math.round(p.y * scale) };
    right = Math.max(right, at.x);
    result.set(id, { ...at, ...(colour ? { colour } : {}) });
  }
  for (const [id, tidy] of fallback)
    if (!result.has(id)) result.set(id, { ...tidy, x: tidy.x + right + CARD_SPACING * 2 });
  return result;
}
