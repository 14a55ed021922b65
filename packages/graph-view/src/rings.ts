import type { Position } from './positionStore.ts';

/** One node to place on the rings. */
export interface RingNode {
  readonly id: string;
  /** Relations to other shown nodes: the best connected go nearest the centre. */
  readonly degree: number;
  /** Diameter in model pixels. */
  readonly size: number;
  /** Width and height with its label, where measured (default: the size plus a label's room). */
  readonly width?: number;
  readonly height?: number;
}

/** Room between two nodes' boxes, on a ring and between rings. */
const MARGIN = 8;
/** A label's room when it was not measured: labels wrap at 120 px, two lines below the node. */
const LABEL_WIDTH = 120;
const LABEL_HEIGHT = 40;

/**
 * Concentric rings by connections, filled in order: the best connected node in the centre, then
 * each ring holds as many as fit around it without their boxes (node and label) touching.
 * Cytoscape's concentric layout starts a ring for every distinct degree instead, so with a
 * filter on (few nodes, all of different degrees) every ring held one node, all at the same
 * angle: a vertical line.
 */
export function ringPositions(nodes: readonly RingNode[]): Record<string, Position> {
  const order = [...nodes].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  const out: Record<string, Position> = {};
  const width = (n: RingNode) => n.width ?? Math.max(n.size, LABEL_WIDTH);
  const height = (n: RingNode) => n.height ?? n.size + LABEL_HEIGHT;
  // Two boxes whose centres are a diagonal apart cannot touch, whatever the angle between them;
  // rings are that far apart, and so are neighbours on a ring (measured along the chord).
  const reach = (n: RingNode) => Math.hypot(width(n), height(n)) + MARGIN;
  const gap = Math.max(1, ...order.map(reach));
  let i = 0;
  let ring = 0;
  let radius = 0;
  while (i < order.length) {
    let capacity = 1;
    if (ring > 0) {
      const slot = Math.max(...order.slice(i, i + 24).map(reach));
      capacity = slot >= 2 * radius ? 1 : Math.floor(Math.PI / Math.asin(slot / (2 * radius)));
    }
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
    radius += gap;
  }
  return out;
}
