import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelBox, separateBoxes } from './labelCollisions.ts';

const overlapping = (boxes: LabelBox[]) => {
  const pairs: string[] = [];
  for (const a of boxes)
    for (const b of boxes) {
      if (a.id >= b.id) continue;
      const x = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const y = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (x > 0 && y > 0) pairs.push(`${a.id}/${b.id}`);
    }
  return pairs;
};

const apply = (boxes: LabelBox[], moves: ReturnType<typeof separateBoxes>) =>
  boxes.map((b) => {
    const m = moves.get(b.id) ?? { dx: 0, dy: 0 };
    return { id: b.id, x1: b.x1 + m.dx, x2: b.x2 + m.dx, y1: b.y1 + m.dy, y2: b.y2 + m.dy };
  });

describe('separating labels', () => {
  it('parts two names on top of each other, and leaves apart ones where they are', () => {
    const boxes = [
      { id: 'ana', x1: 0, y1: 0, x2: 80, y2: 14 },
      { id: 'ben', x1: 10, y1: 4, x2: 90, y2: 18 },
      { id: 'far', x1: 500, y1: 500, x2: 560, y2: 514 },
    ];
    const moves = separateBoxes(boxes);
    expect(overlapping(apply(boxes, moves))).toEqual([]);
    expect(moves.has('far')).toBe(false);
    // They overlap less vertically, so they part vertically.
    expect(moves.get('ana')?.dx).toBe(0);
  });

  it('gives the same moves for the same boxes, even when two share a centre', () => {
    const boxes = [
      { id: 'b', x1: 0, y1: 0, x2: 50, y2: 10 },
      { id: 'a', x1: 0, y1: 0, x2: 50, y2: 10 },
    ];
    expect([...separateBoxes(boxes)]).toEqual([...separateBoxes(boxes)]);
    expect(overlapping(apply(boxes, separateBoxes(boxes)))).toEqual([]);
  });

  it('untangles random crowds of labels', () => {
    const box = fc
      .record({
        x: fc.integer({ min: 0, max: 300 }),
        y: fc.integer({ min: 0, max: 300 }),
        w: fc.integer({ min: 10, max: 120 }),
      })
      .map(({ x, y, w }) => ({ x1: x, y1: y, x2: x + w, y2: y + 14 }));
    fc.assert(
      fc.property(fc.array(box, { minLength: 2, maxLength: 40 }), (raw) => {
        const boxes = raw.map((b, i) => ({ id: `n${i}`, ...b }));
        expect(overlapping(apply(boxes, separateBoxes(boxes, 4, 200)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
