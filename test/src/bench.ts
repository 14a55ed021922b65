/** One measured figure, printed beside its goal and beside the peers measured in the same run. */
export interface BenchFigure {
  metric: string;
  value: number;
  unit: string;
  /** The goal, as a human-readable bound, e.g. "< 1 ms" or "<= 1.5x bare Y.applyUpdate". */
  goal?: string;
  /** Whether the goal was met; omitted when the figure has no goal. */
  met?: boolean;
  /** The same figure for peers measured in the same run, by peer name. */
  peers?: Record<string, number>;
}

/** What a benchmark module's default export resolves to. */
export interface BenchReport {
  name: string;
  description: string;
  environment?: Record<string, string | number>;
  figures: BenchFigure[];
  /** The raw measurements the figures summarize (e.g. every repetition), for checking them. */
  runs?: unknown;
}

/** p-th percentile (0..100) of a list of samples, by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Builds a figure with a "less than" goal and records whether it was met. */
export function under(
  metric: string,
  value: number,
  unit: string,
  limit: number,
  peers?: Record<string, number>,
): BenchFigure {
  return {
    metric,
    value,
    unit,
    goal: `< ${limit} ${unit}`,
    met: value < limit,
    ...(peers ? { peers } : {}),
  };
}
