import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { AbstractGraph } from 'graphology-types';
import { sampledBetweennessWithErrors } from './sampledBetweenness.ts';
import type { Tie } from './ties.ts';

// These packages are CommonJS with `export default` typings: at run time (Node and Vite alike) the
// default import is `module.exports` itself, while TypeScript sees a namespace holding `default`.
function cjsDefault<T>(mod: { default: T }): T {
  return typeof mod === 'function' ? (mod as unknown as T) : mod.default;
}
const exactBetweenness = cjsDefault(betweennessModule);
const louvain = cjsDefault(louvainModule);

/** One member's place in the network. */
export interface MemberPosition {
  /** The member entity. */
  readonly memberId: string;
  /** How many members they have a tie with. */
  readonly degree: number;
  /** The summed weight of their ties. */
  readonly strength: number;
  /** Normalised betweenness (0–1 as graphology-metrics scales it): how often they lie between others. */
  readonly betweenness: number;
  /** Their Louvain community (an index into {@link Network.communities}); -1 when isolated. */
  readonly community: number;
}

/** The network's shape: positions, communities, isolation, centralisation. */
export interface Network {
  /** One entry per member (every member given, tied or not). */
  readonly members: readonly MemberPosition[];
  /** Louvain communities of tied members, largest first: member ids. */
  readonly communities: readonly (readonly string[])[];
  /** Modularity of that partition. */
  readonly modularity: number;
  /** Members with no tie (Hadar & Brody's first layer: breaking isolation). */
  readonly isolated: readonly string[];
  /**
   * SNAPP's facilitator-centred pattern: one member holds most ties. Set when the best-connected
   * member touches at least `centredShare` of all ties (and there are at least three ties).
   */
  readonly centredOn: { memberId: string; share: number } | undefined;
  /** How betweenness was computed: exactly, or from k sampled sources. */
  readonly betweenness: { method: 'exact' } | { method: 'sampled'; samples: number };
  /** How many ties. */
  readonly ties: number;
}

/** Options of {@link analyseNetwork}. */
export interface NetworkOptions {
  /** Above this many members, betweenness is sampled. Default 1000. */
  exactUpTo?: number;
  /**
   * Sources sampled first when sampling. Default 128; sampling then doubles (up to `maxSamples`)
   * until the top 10 brokers stand clear of the 11th (see {@link sampledBetweennessWithErrors}).
   */
  samples?: number;
  /** The most sources sampled. Default 512. */
  maxSamples?: number;
  /** Share of all ties one member must touch to flag the facilitator-centred pattern. Default 0.5. */
  centredShare?: number;
  /**
   * A tie counts in the network only from this weight on. Default 2: one artifact written
   * together, a mentoring relation, or co-attendance of small meetings adding up; sitting in the
   * same large meetings alone does not make two members a working pair (no meeting hairball).
   */
  minTieWeight?: number;
  /** Seeded randomness for Louvain and sampling. Default: a fixed-seed generator. */
  rng?: () => number;
}

/** A small seeded generator (mulberry32), so the same community gives the same communities. */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The members and ties as a graphology graph (weights on the ties). */
export function tieGraph(
  memberIds: readonly string[],
  ties: readonly Tie[],
): UndirectedGraph<Record<string, never>, { weight: number }> {
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  // What mergeNode and mergeEdge do, a quarter cheaper: they allocate a result for every call and
  // tens of thousands of ties reach here, twice per report.
  const node = (id: string) => {
    if (!graph.hasNode(id)) graph.addNode(id);
  };
  for (const id of memberIds) node(id);
  for (const t of ties) {
    node(t.a);
    node(t.b);
    if (graph.hasEdge(t.a, t.b)) graph.mergeEdge(t.a, t.b, { weight: t.weight });
    else graph.addEdge(t.a, t.b, { weight: t.weight });
  }
  return graph;
}

/**
 * Degree, betweenness (exact, or sampled for large communities), Louvain communities on the
 * weighted ties, isolation and the facilitator-centred pattern.
 */
export function analyseNetwork(
  memberIds: readonly string[],
  ties: readonly Tie[],
  options: NetworkOptions = {},
): Network {
  const minimum = options.minTieWeight ?? 2;
  const kept = ties.filter((t) => t.weight >= minimum - 1e-9);
  const graph = tieGraph(memberIds, kept);
  const rng = options.rng ?? seededRandom(7);
  const exactUpTo = options.exactUpTo ?? 1000;
  const sampled = graph.order > exactUpTo;
  let samples = 0;
  let betweenness: Record<string, number>;
  if (sampled) {
    const estimate = sampledBetweennessWithErrors(graph, {
      samples: options.samples ?? 128,
      rng,
      settle: { top: 10, maxSamples: options.maxSamples ?? 512 },
    });
    betweenness = estimate.scores;
    samples = estimate.samples;
  }
  // graphology-metrics throws on a graph with no nodes (a new workspace has no members yet).
  else betweenness = graph.order > 0 ? exactBetweenness(graph, { getEdgeWeight: null }) : {};

  // Louvain runs on the tied members only: an isolated member is no community of one.
  const tied = tieGraph([], kept);
  const detailed =
    tied.size > 0
      ? louvain.detailed(tied, { getEdgeWeight: 'weight', rng })
      : { communities: {} as Record<string, number>, modularity: 0 };
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(detailed.communities))
    groups.set(c, [...(groups.get(c) ?? []), node]);
  const communities = [...groups.values()]
    .map((g) => g.sort())
    .sort((x, y) => y.length - x.length || (x[0] ?? '').localeCompare(y[0] ?? ''));
  const communityOf = new Map<string, number>();
  communities.forEach((g, i) => {
    for (const m of g) communityOf.set(m, i);
  });

  const members: MemberPosition[] = [];
  graph.forEachNode((node) => {
    let strength = 0;
    graph.forEachEdge(node, (_e, attrs) => {
      strength += attrs.weight;
    });
    members.push({
      memberId: node,
      degree: graph.degree(node),
      strength,
      betweenness: betweenness[node] ?? 0,
      community: communityOf.get(node) ?? -1,
    });
  });
  const isolated = members.filter((m) => m.degree === 0).map((m) => m.memberId);
  const top = [...members].sort((a, b) => b.degree - a.degree)[0];
  const share = top && graph.size > 0 ? top.degree / graph.size : 0;
  const centredOn =
    top && graph.size >= 3 && share >= (options.centredShare ?? 0.5)
      ? { memberId: top.memberId, share }
      : undefined;
  return {
    members,
    communities,
    modularity: detailed.modularity,
    isolated,
    centredOn,
    betweenness: sampled ? { method: 'sampled', samples } : { method: 'exact' },
    ties: graph.size,
  };
}

/** Exact, unweighted, normalised betweenness of any graph (graphology-metrics' Brandes). */
export function exactGraphBetweenness(graph: AbstractGraph): Record<string, number> {
  return exactBetweenness(graph, { getEdgeWeight: null });
}

/** Exact betweenness of the tie graph (graphology-metrics), for comparison and small graphs. */
export function exactTieBetweenness(
  memberIds: readonly string[],
  ties: readonly Tie[],
): Record<string, number> {
  return exactBetweenness(tieGraph(memberIds, ties), { getEdgeWeight: null });
}
