import { describe, expect, it } from 'vitest';
import { Observable, shallowEqual } from './observable.ts';

describe('Observable', () => {
  it('notifies with the new value only when it changed', () => {
    const o = new Observable(1);
    const seen: number[] = [];
    const sub = o.onDidChange((v) => seen.push(v));
    o.set(1);
    o.set(2);
    sub.dispose();
    o.set(3);
    expect(seen).toEqual([2]);
    expect(o.get()).toBe(3);
  });

  it('with shallow equality, an equal copy of an object changes nothing', () => {
    const o = new Observable({ a: 1 }, { equals: shallowEqual });
    let changes = 0;
    o.onDidChange(() => changes++);
    o.set({ a: 1 });
    o.set({ a: 2 });
    expect(changes).toBe(1);
  });
});
