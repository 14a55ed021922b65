import type { EntityId } from '@repertoire/schema';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { Disposable } from './disposable.ts';
import type { GraphIndex, IndexChangeEvent, IndexedRelation } from './graphIndex.ts';

// These packages are CommonJS with `export default` typings: at run time (Node and Vite alike) the
// default import is `module.exports` itself, while TypeScript sees it as a namespace holding
// `default`. Accept either shape.
function cjsDefault<T>(mod: { default: T }): T {
  return typeof mod === 'function' ? (mod as unknown as T) : mod.default;
}
const betweennessCentrality = cjsDefault(betweennessModule);
const louvain = cjsDefault(louvainModule);

/** Attributes of an entity in the graphology view. */
export interface ViewNodeAttributes {
  kind: string;
  title: string;
}

/** Attributes of a tie in the graphology view: how many relations join the two entities. */
export interface ViewEdgeAttributes {
  weight: number;
}

/** Which entities and relation types the view includes (all when absent). */
export interface GraphologyViewFilter {
  kinds?: readonly string[];
  types?: readonly string[];
}

/** Louvain communities: a community number per entity, and the partition's modularity. */
export interface Communities {
  communities: Map<EntityId, number>;
  count: number;
  modularity: number;
}

/**
 * A graphology graph mirroring the index for graph algorithms, kept up to date from the index's
 * change events. It is a simple undirected graph: who is tied to whom, each tie weighted by the
 * number of relations between the two, which is what participation and broker analyses ask.
 * Treat {@link graph} as read-only.
 */
export class GraphologyView implements Disposable {
  /** The graph (nodes keyed by entity id). */
  readonly graph = new UndirectedGraph<ViewNodeAttributes, ViewEdgeAttributes>();
  private readonly index: GraphIndex;
  private readonly kinds: ReadonlySet<string> | undefined;
  private readonly types: ReadonlySet<string> | undefined;
  private readonly subscription: Disposable;

  /** Builds the view from `index` now and follows it until disposed. */
  constructor(index: GraphIndex, filter: GraphologyViewFilter = {}) {
    this.index = index;
    this.kinds = filter.kinds ? new Set(filter.kinds) : undefined;
    this.types = filter.types ? new Set(filter.types) : undefined;
    for (const e of index.entities()) this.putNode(e.id);
    for (const r of index.relations()) this.addTie(r);
    this.subscription = index.onDidChange((e) => this.apply(e));
  }

  /** Number of distinct entities tied to `id`. */
  degree(id: EntityId): number {
    return this.graph.hasNode(id) ? this.graph.degree(id) : 0;
  }

  /** Degree centrality of every entity (degree / (n - 1)). */
  degreeCentrality(): Map<EntityId, number> {
    return toMap(degreeCentrality(this.graph));
  }

  /**
   * Betweenness centrality of every entity (Brandes): high for brokers who join otherwise
   * separate parts of the community. Costs O(entities × ties); run it on a filtered view for
   * very large graphs.
   */
  betweenness(options: { normalized?: boolean } = {}): Map<EntityId, number> {
    return toMap(
      betweennessCentrality(this.graph, {
        normalized: options.normalized ?? true,
        getEdgeWeight: null,
      }),
    );
  }

  /** Louvain communities, weighted by tie strength; pass `rng` for a reproducible partition. */
  communities(options: { resolution?: number; rng?: () => number } = {}): Communities {
    if (this.graph.size === 0) {
      return {
        communities: new Map(this.graph.mapNodes((n) => [n as EntityId, 0])),
        count: this.graph.order,
        modularity: 0,
      };
    }
    const result = louvain.detailed(this.graph, {
      getEdgeWeight: 'weight',
      ...(options.resolution !== undefined ? { resolution: options.resolution } : {}),
      ...(options.rng ? { rng: options.rng } : {}),
    });
    return {
      communities: toMap(result.communities),
      count: result.count,
      modularity: result.modularity,
    };
  }

  /** A shortest chain of entities between two, ignoring direction and type, or `undefined`. */
  shortestPath(from: EntityId, to: EntityId): EntityId[] | undefined {
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to)) return undefined;
    return (bidirectional(this.graph, from, to) ?? undefined) as EntityId[] | undefined;
  }

  /** Stops following the index. */
  dispose(): void {
    this.subscription.dispose();
  }

  private apply(event: IndexChangeEvent): void {
    for (const id of event.relations.removed) {
      const r = parseEnds(id);
      if (r) this.dropTie(r);
    }
    for (const id of event.entities.removed) {
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
    }
    for (const id of [...event.entities.added, ...event.entities.changed]) this.putNode(id);
    for (const id of event.relations.added) {
      const r = this.index.relation(id);
      if (r) this.addTie(r);
    }
  }

  private putNode(id: EntityId): void {
    const e = this.index.entity(id);
    if (!e) return;
    if (this.kinds && !this.kinds.has(e.kind)) {
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
      return;
    }
    this.graph.mergeNode(id, { kind: e.kind, title: e.title });
  }

  private addTie(r: { from: string; type: string; to: string }): void {
    if (this.types && !this.types.has(r.type)) return;
    if (!this.graph.hasNode(r.from) || !this.graph.hasNode(r.to)) return;
    const edge = this.graph.edge(r.from, r.to);
    if (edge === undefined) this.graph.addEdge(r.from, r.to, { weight: 1 });
    else this.graph.updateEdgeAttribute(edge, 'weight', (w) => (w ?? 0) + 1);
  }

  private dropTie(r: { from: string; type: string; to: string }): void {
    if (this.types && !this.types.has(r.type)) return;
    if (!this.graph.hasNode(r.from) || !this.graph.hasNode(r.to)) return;
    const edge = this.graph.edge(r.from, r.to);
    if (edge === undefined) return;
    const weight = this.graph.getEdgeAttribute(edge, 'weight') - 1;
    if (weight <= 0) this.graph.dropEdge(edge);
    else this.graph.setEdgeAttribute(edge, 'weight', weight);
  }
}

function parseEnds(id: string): Pick<IndexedRelation, 'from' | 'type' | 'to'> | undefined {
  const first = id.indexOf('|');
  const last = id.lastIndexOf('|');
  if (first <= 0 || last === first) return undefined;
  return {
    from: id.slice(0, first) as EntityId,
    type: id.slice(first + 1, last),
    to: id.slice(last + 1) as EntityId,
  };
}

function toMap(record: Record<string, number>): Map<EntityId, number> {
  return new Map(Object.entries(record) as [EntityId, number][]);
}
