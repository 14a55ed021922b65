import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import type { AbstractGraph } from 'graphology-types';

/** Options of {@link sampledBetweenness}. */
export interface SampledBetweennessOptions {
  /** How many source nodes to run Brandes from (all when ≥ the graph's order). */
  samples: number;
  /** Random numbers in [0, 1); pass a seeded one for repeatable results. Default `Math.random`. */
  rng?: () => number;
  /** Divide by (n-1)(n-2) as graphology-metrics does. Default true. */
  normalized?: boolean;
}

/**
 * Betweenness centrality estimated from `samples` random sources (Brandes & Pich 2007, "Centrality
 * estimation in large networks"): Brandes' dependency accumulation is run from k sources drawn
 * without replacement and each node's sum is scaled by n/k, an unbiased estimate of the exact
 * value. graphology-metrics' `betweenness` has no sampling option (it always runs all n sources,
 * O(nm): about 20 s for 5k members with 50k ties), so this runs the same per-source step it uses,
 * graphology-shortest-path's indexed Brandes, from fewer sources. With k sources the relative
 * standard error of a node's estimate falls as 1/√k (Brandes & Pich; Bader et al. 2007 show
 * high-betweenness nodes converge fastest), so the top of the ranking, which is what brokers are,
 * settles long before the tail. Unweighted: a tie is a path of length one.
 */
export function sampledBetweenness(
  graph: AbstractGraph,
  options: SampledBetweennessOptions,
): Record<string, number> {
  return sampledBetweennessWithErrors(graph, options).scores;
}

/** Sampled betweenness with each estimate's standard error (see {@link sampledBetweenness}). */
export interface SampledBetweenness {
  /** The estimates, by node. */
  readonly scores: Record<string, number>;
  /**
   * Each estimate's standard error, from the spread of the sampled sources' contributions (with
   * the finite-population correction for sampling without replacement); 0 when every node was a
   * source, since the result is then exact.
   */
  readonly errors: Record<string, number>;
}

/** {@link sampledBetweenness}, also returning each estimate's standard error. */
export function sampledBetweennessWithErrors(
  graph: AbstractGraph,
  options: SampledBetweennessOptions,
): SampledBetweenness {
  // The routine carries its neighbourhood index (the typings put it on the factory instead).
  const brandes = createUnweightedIndexedBrandes(graph as never) as ReturnType<
    typeof createUnweightedIndexedBrandes
  > & { index: { collect<T>(values: ArrayLike<T>): Record<string, T> } };
  const n = graph.order;
  const k = Math.max(1, Math.min(n, Math.floor(options.samples)));
  const rng = options.rng ?? Math.random;
  // Partial Fisher–Yates: the first k entries are a uniform sample without replacement.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 0; i < k && i < n - 1; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  const delta = new Float64Array(n);
  const centralities = new Float64Array(n);
  const squares = new Float64Array(n);
  for (let s = 0; s < k; s++) {
    const source = order[s] as number;
    const [stack, predecessors, sigma] = brandes(source);
    for (let i = 0; i < n; i++) delta[i] = 0;
    while (stack.size !== 0) {
      const w = stack.pop() as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (const v of predecessors[w] as number[])
        delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      if (w !== source) {
        centralities[w] = (centralities[w] as number) + (delta[w] as number);
        squares[w] = (squares[w] as number) + (delta[w] as number) ** 2;
      }
    }
  }
  const normalized = options.normalized ?? true;
  const scale =
    (n / k) *
    (normalized ? (n <= 2 ? 1 : 1 / ((n - 1) * (n - 2))) : graph.type === 'undirected' ? 0.5 : 1);
  const errors = new Float64Array(n);
  const correction = n > 1 ? (n - k) / (n - 1) : 0;
  for (let i = 0; i < n; i++) {
    const mean = (centralities[i] as number) / k;
    const variance = k > 1 ? Math.max(0, ((squares[i] as number) - k * mean * mean) / (k - 1)) : 0;
    // The estimate is n·mean·(scale·k/n); its error is n·sd(mean)·(scale·k/n).
    errors[i] = Math.sqrt((variance / k) * correction) * k * scale;
    centralities[i] = (centralities[i] as number) * scale;
  }
  return { scores: brandes.index.collect(centralities), errors: brandes.index.collect(errors) };
}

/**
 * The Hoeffding bound on one member's sampled betweenness (normalised as above): with k sources
 * drawn from n, each source's contribution lies in [0, n/(n-1)], so the estimate is within
 * `n/(n-1) · sqrt(ln(2/δ) / 2k)` of the exact value with probability at least 1 − δ (Hoeffding
 * 1963, which also holds for sampling without replacement). A worst-case figure: high-betweenness
 * members are usually estimated far more closely (see docs/insight.md).
 */
export function hoeffdingBound(n: number, k: number, delta: number): number {
  return (n / Math.max(1, n - 1)) * Math.sqrt(Math.log(2 / delta) / (2 * k));
}
