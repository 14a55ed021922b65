import type { Position } from './positionStore.ts';

/** One node to place on the rings. */
export interface RingNode {
  readonly id: string;
  /** Relations to other shown nodes: the best connected go nearest the centre. */
  readonly degree: number;
  /** Diameter in model pixels. */
  readonly size: number;
}

/** Room a node takes along a ring: its own size plus a label's width (labels wrap at 120 px). */
const SLOT = 130;
/** Distance between two rings: a node plus its label below it. */
const RING_GAP = 110;

/**
 * Concentric rings by connections, filled in order: the best connected node in the centre, then
 * each ring holds as many as fit around it without their labels touching. Cytoscape's concentric
 * layout starts a ring for every distinct degree instead, so with a filter on (few nodes, all of
 * different degrees) every ring held one node, all at the same angle: a vertical line.
 */
export function ringPositions(nodes: readonly RingNode[]): Record<string, Position> {
  const order = [...nodes].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  const out: Record<string, Position> = {};
  let i = 0;
  let ring = 0;
  while (i < order.length) {
    const radius = ring * RING_GAP;
    const biggest = Math.max(...order.slice(i, i + 8).map((n) => n.size));
    const capacity =
      ring === 0
        ? 1
        : Math.max(1, Math.floor((2 * Math.PI * radius) / Math.max(SLOT, biggest + 40)));
    const members = order.slice(i, i + capacity);
    // Alternate rings start half a slot apart, so neighbours on adjacent rings do not line up.
    const start = -Math.PI / 2 + (ring % 2 === 1 ? Math.PI / Math.max(1, members.length) : 0);
    members.forEach((n, k) => {
      const angle = start + (2 * Math.PI * k) / members.length;
      out[n.id] =
        radius === 0
          ? { x: 0, y: 0 }
          : { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
    i += members.length;
    ring++;
  }
  return out;
}
