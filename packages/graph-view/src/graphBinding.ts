import type { Core, EdgeCollection, ElementDefinition, NodeSingular } from 'cytoscape';
import { entityToNode, relationDegree, relationToEdge, sizeForDegree } from './elements.ts';
import type { Disposable, GraphChange, GraphSource } from './graphSource.ts';
import { placeNear } from './placement.ts';
import type { Position, PositionStore } from './positionStore.ts';

/** Options of {@link bindGraph}. */
export interface GraphBindingOptions {
  /** Where the member's node positions are remembered. */
  positions?: PositionStore;
  /** Called after each incremental update with the ids it touched (after the initial load too). */
  onDidUpdate?: (touched: { nodes: string[]; edges: string[] }) => void;
  /**
   * Load the relations after the first frame, a time-boxed slice at a time, so a large graph's
   * entities show at once and the page stays responsive while its relations arrive (default:
   * everything at once, as a headless view needs).
   */
  progressive?: ProgressiveLoad;
}

/** How a progressive load is paced and reported. */
export interface ProgressiveLoad {
  /**
   * Main-thread time one slice may take, in ms (default 150); more when the drawing between two
   * slices took longer, so a large graph's load is not mostly redraws.
   */
  sliceMs?: number;
  /** Runs a slice later (default: once the browser has drawn its next frame). */
  schedule?: (run: () => void) => void;
  /** After each slice: relations loaded so far, and in all. */
  onProgress?: (loaded: number, total: number) => void;
  /** After each slice, with the edges it added (e.g. to apply filters to them). */
  onDidLoadEdges?: (edges: EdgeCollection) => void;
}

/** A live binding of a graph source to a Cytoscape instance. */
export interface GraphBinding extends Disposable {
  /** Ids of nodes that had no remembered position at load: the caller may lay them out. */
  readonly unplacedAtLoad: readonly string[];
  /** Writes every node's position to the position store now. */
  savePositions(): void;
  /** Settles when every relation of the initial load is in `cy` (at once unless progressive). */
  readonly loaded: Promise<void>;
}

/**
 * Loads the source into `cy` once, then follows its change events: an added, changed or removed
 * entity or relation updates only its own element (and the degree of a relation's ends), never a
 * rebuild. New nodes are placed near their neighbours; nothing else moves.
 */
export function bindGraph(
  cy: Core,
  source: GraphSource,
  options: GraphBindingOptions = {},
): GraphBinding {
  const remembered = options.positions?.load() ?? {};
  const placed = new Set<string>();
  const unplaced: NodeSingular[] = [];
  // Degrees come from the source, not from cy, so sizes are right before the relations are in.
  const degrees = new Map<string, number>();
  const nodes: ElementDefinition[] = [];
  for (const e of source.entities()) {
    const def = entityToNode(e);
    const p = remembered[e.id];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      def.position = { x: p.x, y: p.y };
      placed.add(e.id);
    }
    degrees.set(e.id, 0);
    nodes.push(def);
  }
  const now: ElementDefinition[] = [];
  const later: string[] = [];
  for (const r of source.relations()) {
    const from = degrees.get(r.from);
    const to = degrees.get(r.to);
    if (from === undefined || to === undefined) continue;
    degrees.set(r.from, from + 1);
    degrees.set(r.to, to + 1);
    // A node placed near its neighbours needs its relations before it is placed (when nothing
    // is remembered the caller lays everything out, and no relation is needed up front).
    const needed = placed.size > 0 && !(placed.has(r.from) && placed.has(r.to));
    if (options.progressive && !needed) later.push(r.id);
    else now.push(relationToEdge(r));
  }
  cy.batch(() => {
    for (const def of nodes) {
      const degree = degrees.get(def.data.id as string) ?? 0;
      def.data.degree = degree;
      def.data.size = sizeForDegree(degree);
    }
    cy.add(nodes);
    cy.add(now);
    cy.nodes().forEach((n) => {
      if (!placed.has(n.id())) unplaced.push(n);
    });
  });
  const unplacedAtLoad = unplaced.map((n) => n.id());
  // With most nodes remembered, new ones join their neighbours; otherwise the caller lays out.
  if (unplaced.length > 0 && placed.size > 0) cy.batch(() => placeNear(cy, unplaced, placed));
  for (const n of unplaced) placed.add(n.id());
  // Live changes during a progressive load count degrees over the relations loaded so far (or
  // remove one not loaded yet): once every relation is in, nodes whose size is off are resized.
  const loaded = options.progressive
    ? loadInSlices(cy, source, later, options.progressive).then(() => {
        if (cy.destroyed()) return;
        const off = cy.nodes().filter((n) => n.data('degree') !== relationDegree(n));
        cy.batch(() =>
          resize(
            cy,
            off.map((n) => n.id()),
          ),
        );
      })
    : Promise.resolve();

  const apply = (change: GraphChange) => {
    const touchedNodes = new Set<string>();
    const touchedEdges = new Set<string>();
    const degreeDirty = new Set<string>();
    const fresh: NodeSingular[] = [];
    cy.batch(() => {
      for (const id of change.relations.removed) {
        const edge = cy.getElementById(id);
        if (edge.empty()) continue;
        degreeDirty.add(edge.data('source'));
        degreeDirty.add(edge.data('target'));
        edge.remove();
        touchedEdges.add(id);
      }
      for (const id of change.entities.removed) {
        const node = cy.getElementById(id);
        if (node.empty()) continue;
        node.connectedEdges().forEach((e) => {
          touchedEdges.add(e.id());
          degreeDirty.add(e.data('source'));
          degreeDirty.add(e.data('target'));
        });
        node.remove();
        placed.delete(id);
        touchedNodes.add(id);
      }
      for (const id of [...change.entities.added, ...change.entities.changed]) {
        const entity = source.getEntity(id);
        if (!entity) continue;
        const node = cy.getElementById(id);
        touchedNodes.add(id);
        if (node.empty()) {
          const def = entityToNode(entity);
          const p = remembered[id];
          if (p) {
            def.position = { ...p };
            placed.add(id);
          }
          const added = cy.add(def);
          if (!p) fresh.push(added as unknown as NodeSingular);
        } else {
          const def = entityToNode(entity).data;
          node.data({ label: def.label, kind: def.kind, createdAt: def.createdAt });
        }
      }
      for (const id of [...change.relations.added, ...change.relations.changed]) {
        const relation = source.getRelation(id);
        if (!relation) continue;
        const existing = cy.getElementById(id);
        if (cy.getElementById(relation.from).empty() || cy.getElementById(relation.to).empty())
          continue;
        touchedEdges.add(id);
        if (existing.nonempty()) {
          existing.data('type', relation.type);
          continue;
        }
        cy.add(relationToEdge(relation));
        degreeDirty.add(relation.from);
        degreeDirty.add(relation.to);
      }
      for (const id of resize(cy, degreeDirty)) touchedNodes.add(id);
      if (fresh.length > 0) placeNear(cy, fresh, placed);
    });
    options.onDidUpdate?.({ nodes: [...touchedNodes], edges: [...touchedEdges] });
  };
  const subscription = source.onDidChange(apply);

  const savePositions = () => {
    if (!options.positions) return;
    const all: Record<string, Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      all[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    options.positions.save(all);
  };
  return {
    unplacedAtLoad,
    savePositions,
    loaded,
    dispose: () => subscription.dispose(),
  };
}

/**
 * Adds the deferred relations a slice at a time. Each is read from the source when its slice
 * runs, so one removed meanwhile is skipped and one already added by a live change is kept.
 */
function loadInSlices(
  cy: Core,
  source: GraphSource,
  ids: readonly string[],
  pacing: ProgressiveLoad,
): Promise<void> {
  const sliceMs = pacing.sliceMs ?? 150;
  const schedule = pacing.schedule ?? afterNextFrame;
  let next = 0;
  let lastEnd: number | undefined;
  return new Promise((resolve) => {
    const slice = () => {
      if (cy.destroyed()) return resolve();
      const started = performance.now();
      // The browser redraws the whole graph between slices, which grows with it: when that took
      // longer than the budget, the next slice takes as long, so loading keeps half the thread.
      const budget = Math.max(sliceMs, lastEnd === undefined ? 0 : started - lastEnd);
      const added = cy.collection();
      cy.batch(() => {
        // At least one chunk per slice, however short the budget.
        do {
          const end = Math.min(ids.length, next + 500);
          const defs: ElementDefinition[] = [];
          for (; next < end; next++) {
            const r = source.getRelation(ids[next] as string);
            if (!r || cy.getElementById(r.id).nonempty()) continue;
            if (cy.getElementById(r.from).empty() || cy.getElementById(r.to).empty()) continue;
            defs.push(relationToEdge(r));
          }
          added.merge(cy.add(defs));
        } while (next < ids.length && performance.now() - started < budget);
      });
      pacing.onDidLoadEdges?.(added.edges());
      pacing.onProgress?.(next, ids.length);
      lastEnd = performance.now();
      if (next < ids.length) schedule(slice);
      else resolve();
    };
    if (ids.length === 0) {
      pacing.onProgress?.(0, 0);
      resolve();
    } else schedule(slice);
  });
}

/**
 * Runs after the browser's next frame is drawn, so the entities' first frame (and then each
 * slice's) reaches the screen before more relations are added; in Node, on the next tick.
 */
function afterNextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/** Sizes nodes by their degree in `cy`; returns the ids of those still there. */
function resize(cy: Core, ids: Iterable<string>): string[] {
  const done: string[] = [];
  for (const id of ids) {
    const n = cy.getElementById(id);
    if (n.empty()) continue;
    const degree = relationDegree(n);
    n.data({ degree, size: sizeForDegree(degree) });
    done.push(id);
  }
  return done;
}
