import { expect, it } from 'vitest';
import { percentile, under } from './bench.ts';

it('percentile takes the nearest rank', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(percentile(samples, 50)).toBe(50);
  expect(percentile(samples, 99)).toBe(99);
  expect(percentile(samples, 100)).toBe(100);
  expect(percentile([], 50)).toBeNaN();
});

it('under records whether a goal was met', () => {
  expect(under('p99', 0.5, 'ms', 1).met).toBe(true);
  expect(under('p99', 2, 'ms', 1)).toMatchObject({ met: false, goal: '< 1 ms' });
});
