import { describe, expect, it } from 'vitest';
import { viewPlacements } from './viewPlacements.ts';

const tidy = new Map([
  ['a', { x: 0, y: 0, colour: '#336699' }],
  ['b', { x: 0, y: 120 }],
  ['c', { x: 320, y: 0 }],
]);

describe('canvas placements from the graph view', () => {
  it('keeps the view’s arrangement, spread so cards do not cover each other, in the kinds’ colours', () => {
    const placed = viewPlacements({ a: { x: 10, y: 10 }, b: { x: 40, y: 10 } }, tidy);
    const a = placed.get('a');
    const b = placed.get('b');
    expect(a?.colour).toBe('#336699');
    // 30 apart in the view; at least a card's spacing apart on the canvas, same direction.
    expect((b?.x ?? 0) - (a?.x ?? 0)).toBeGreaterThanOrEqual(300);
    expect(b?.y).toBe(a?.y);
    // Not placed by the view yet: to the right of everything placed.
    expect(placed.get('c')?.x).toBeGreaterThan(b?.x ?? 0);
  });

  it('falls back to the tidy columns when the view has placed nothing', () => {
    expect(viewPlacements({ gone: { x: 1, y: 2 } }, tidy)).toEqual(tidy);
  });
});
