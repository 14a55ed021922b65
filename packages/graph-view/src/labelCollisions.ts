import type { NodeCollection, NodeSingular } from 'cytoscape';

/** A box on the model plane: a node with its label. */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * How far to move each box so no two overlap (with `gap` between them), or fewer overlap when
 * `maxRounds` runs out first. Each round parts every overlapping pair along the axis where they
 * overlap least, half each way, so a cluster opens up instead of one node being flung away.
 * Ties on a pair's centre go by id order, so the same boxes always give the same moves.
 */
export function separateBoxes(
  boxes: readonly LabelBox[],
  gap = 4,
  maxRounds = 30,
): Map<string, { dx: number; dy: number }> {
  const at = boxes.map((b) => ({ ...b }));
  const moved = new Map<string, { dx: number; dy: number }>();
  const shift = (i: number, dx: number, dy: number) => {
    const b = at[i] as LabelBox;
    b.x1 += dx;
    b.x2 += dx;
    b.y1 += dy;
    b.y2 += dy;
    const m = moved.get(b.id) ?? { dx: 0, dy: 0 };
    moved.set(b.id, { dx: m.dx + dx, dy: m.dy + dy });
  };
  for (let round = 0; round < maxRounds; round++) {
    let any = false;
    // Sweep by left edge: a pair can only overlap while the second starts before the first ends.
    const order = at
      .map((_, i) => i)
      .sort((i, j) => (at[i] as LabelBox).x1 - (at[j] as LabelBox).x1);
    for (let oi = 0; oi < order.length; oi++) {
      const i = order[oi] as number;
      for (let oj = oi + 1; oj < order.length; oj++) {
        const j = order[oj] as number;
        const a = at[i] as LabelBox;
        const b = at[j] as LabelBox;
        if (b.x1 >= a.x2 + gap) break;
        const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
        const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (ox <= 0 || oy <= 0) continue;
        any = true;
        const first = a.id < b.id ? -1 : 1;
        if (ox < oy) {
          const sign = a.x1 + a.x2 === b.x1 + b.x2 ? first : Math.sign(a.x1 + a.x2 - b.x1 - b.x2);
          shift(i, (sign * ox) / 2, 0);
          shift(j, (-sign * ox) / 2, 0);
        } else {
          const sign = a.y1 + a.y2 === b.y1 + b.y2 ? first : Math.sign(a.y1 + a.y2 - b.y1 - b.y2);
          shift(i, 0, (sign * oy) / 2);
          shift(j, 0, (-sign * oy) / 2);
        }
      }
    }
    if (!any) break;
  }
  return moved;
}

/**
 * Moves the shown nodes so no label sits on another: fcose spaces nodes by their size and
 * starts from random positions, so now and then two names still touch. Drawn graphs only:
 * headless, labels have no size.
 */
export function separateLabels(nodes: NodeCollection): void {
  const list = nodes.toArray() as NodeSingular[];
  if (list.length < 2 || list.length > 600) return;
  const boxes = list.map((n) => {
    const b = n.boundingBox({ includeLabels: true, includeNodes: true, includeOverlays: false });
    return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
  });
  const moves = separateBoxes(boxes);
  if (moves.size === 0) return;
  const byId = new Map(list.map((n) => [n.id(), n]));
  (list[0] as NodeSingular).cy().batch(() => {
    for (const [id, { dx, dy }] of moves) {
      const n = byId.get(id);
      if (!n) continue;
      const p = n.position();
      n.position({ x: p.x + dx, y: p.y + dy });
    }
  });
}
