import type { GraphSource } from '../graphSource.ts';

const DAY = 86_400_000;

/**
 * The span of the community's activity: from the first entity made to the last. The time bar
 * runs over it (its end is "now"), so ▶ plays the year the community was active rather than the
 * months since, when nothing happened. With no dates at all, the last 30 days.
 */
export function activityRange(source: GraphSource, now = new Date()): { from: Date; to: Date } {
  let min = Infinity;
  let max = -Infinity;
  for (const e of source.entities()) {
    const t = e.createdAt ? Date.parse(e.createdAt) : Number.NaN;
    if (Number.isNaN(t)) continue;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min === Infinity) return { from: new Date(now.getTime() - 30 * DAY), to: now };
  // At least a day apart, so the slider has somewhere to go.
  return { from: new Date(min), to: new Date(Math.max(max, min + DAY)) };
}
