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
  /**
   * Keep sampling (doubling k from `samples`, up to `maxSamples`) until the top `top` members
   * stand clear of the rest: the lowest of their estimates less two standard errors exceeds the
   * highest of the others' plus two. The standard errors are themselves estimated from the
   * sampled sources, so on a near-tie at the cut a settled top can still be wrong, rarely (no
   * run in 200 generated communities; the test allows 1 in 20). Brokers are what the analysis
   * is for, so it samples until their ranking is settled rather than for a fixed k.
   */
  settle?: { top: number; maxSamples: number };
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
  /** How many sources were run. */
  readonly samples: number;
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
  const rng = options.rng ?? Math.random;
  const normalized = options.normalized ?? true;
  const unit = normalized
    ? n <= 2
      ? 1
      : 1 / ((n - 1) * (n - 2))
    : graph.type === 'undirected'
      ? 0.5
      : 1;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const delta = new Float64Array(n);
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  const scores = new Float64Array(n);
  const errors = new Float64Array(n);
  /** Estimates and standard errors from the first k sources. */
  const estimate = (k: number) => {
    const scale = (n / k) * unit;
    const correction = n > 1 ? (n - k) / (n - 1) : 0;
    for (let i = 0; i < n; i++) {
      const mean = (sums[i] as number) / k;
      const variance =
        k > 1 ? Math.max(0, ((squares[i] as number) - k * mean * mean) / (k - 1)) : 0;
      // The estimate is k·mean·scale; its standard error is k·scale·sd(mean), with the
      // finite-population correction for drawing without replacement.
      errors[i] = Math.sqrt((variance / k) * correction) * k * scale;
      scores[i] = (sums[i] as number) * scale;
    }
  };
  // Settled when every estimate in the top stands clear of every one outside it: the lowest
  // lower bound inside above the highest upper bound outside (two standard errors each). Judging
  // only the two estimates either side of the cut missed a member ranked in on a high estimate
  // while its near-equal was ranked out on a low one.
  const settled = (top: number) => {
    const ranked = Array.from(scores.keys()).sort(
      (a, b) => (scores[b] as number) - (scores[a] as number),
    );
    if (ranked.length <= top) return true;
    let lowestInside = Number.POSITIVE_INFINITY;
    for (const i of ranked.slice(0, top))
      lowestInside = Math.min(lowestInside, (scores[i] as number) - 2 * (errors[i] as number));
    let highestOutside = Number.NEGATIVE_INFINITY;
    for (const i of ranked.slice(top))
      highestOutside = Math.max(highestOutside, (scores[i] as number) + 2 * (errors[i] as number));
    return lowestInside > highestOutside;
  };
  let target = Math.max(1, Math.min(n, Math.floor(options.samples)));
  const limit = Math.min(n, Math.max(target, Math.floor(options.settle?.maxSamples ?? target)));
  let k = 0;
  for (;;) {
    for (; k < target; k++) {
      // Fisher–Yates one step at a time: the first k entries are a uniform sample without
      // replacement however far the sampling goes.
      const j = k + Math.floor(rng() * (n - k));
      const source = order[j] as number;
      order[j] = order[k] as number;
      order[k] = source;
      const [stack, predecessors, sigma] = brandes(source);
      for (let i = 0; i < n; i++) delta[i] = 0;
      while (stack.size !== 0) {
        const w = stack.pop() as number;
        const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
        const before = predecessors[w] as number[];
        for (let p = 0; p < before.length; p++) {
          const v = before[p] as number;
          delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
        }
        if (w !== source) {
          const d = delta[w] as number;
          sums[w] = (sums[w] as number) + d;
          squares[w] = (squares[w] as number) + d * d;
        }
      }
    }
    estimate(k);
    // Standard errors from a handful of sources are themselves unreliable: judge from 64 on.
    if (!options.settle || k >= limit || (k >= 64 && settled(options.settle.top))) break;
    target = Math.min(limit, target * 2);
  }
  return {
    scores: brandes.index.collect(scores),
    errors: brandes.index.collect(errors),
    samples: k,
  };
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
