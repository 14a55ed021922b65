/// <reference lib="dom" />
import { Emitter } from '@repertoire/base';
import cytoscape, { type Core, type LayoutOptions, type NodeSingular } from 'cytoscape';
import { relationDegree, sizeForDegree } from './elements.ts';
import {
  type Direction,
  neighbourhood,
  nodeInDirection,
  type SearchHit,
  searchEntities,
  shortestPath,
} from './explore.ts';
import { type ExportOptions, exportPng, exportSvg } from './exportImage.ts';
import { fastHitTesting } from './fastHitTest.ts';
import { firstFrame, GRAPH_VIEW_CREATED_MARK } from './firstFrame.ts';
import { DERIVED, type Fold, type FoldOptions, foldKind } from './folding.ts';
import { bindGraph, type GraphBinding } from './graphBinding.ts';
import type { Disposable, GraphAtDate, GraphSource } from './graphSource.ts';
import {
  buildStylesheet,
  DEFAULT_GRAPH_STYLES,
  type GraphStyle,
  type GraphTheme,
} from './graphStyles.ts';
import { separateLabels } from './labelCollisions.ts';
import { labelLevelOfDetail } from './labelLevelOfDetail.ts';
import { fcoseOptions, type LayoutName } from './layoutOptions.ts';
import { type RunLayoutOptions, runLayout } from './layouts.ts';
import { drawPeople, PEOPLE_TIE, type PeopleNetwork } from './people.ts';
import { placeNear, placeSunflower } from './placement.ts';
import type { Position, PositionStore } from './positionStore.ts';
import {
  chooseRenderMode,
  LARGE_GRAPH_THRESHOLD,
  type RendererPreference,
  type RenderMode,
  webglAvailable,
  webglSupport,
} from './renderMode.ts';
import { layoutGraph } from './shownGraph.ts';
import { type TimeDiff, TimeTravel } from './timeTravel.ts';
import { Visibility } from './visibility.ts';

/** How node size is chosen. */
export type SizeMeasure = 'degree' | 'betweenness' | 'uniform';

/** Options of a {@link GraphView}. */
export interface GraphViewOptions {
  /** Where to draw; omit for a headless view (tests, analyses in Node or a worker). */
  container?: HTMLElement;
  /** The graph shown, followed live. */
  source: GraphSource;
  /** Styles contributed by plugins (`graphStyles`), applied over the defaults. */
  styles?: readonly GraphStyle[];
  theme?: GraphTheme;
  /** Where this member's positions are remembered. */
  positions?: PositionStore;
  /** The graph on a past date, for the time slider. */
  graphAt?: GraphAtDate;
  renderer?: RendererPreference;
  /**
   * Simplify large graphs (default true): edges without arrow heads, and on canvas the last
   * frame moved as a texture (edges hidden) while panning and zooming.
   */
  levelOfDetail?: boolean;
  /**
   * Main-thread time each slice of a large graph's progressive load may take, in ms (default
   * 150): shorter keeps the page more responsive while relations arrive, longer loads sooner.
   */
  loadSliceMs?: number;
  /**
   * Lay out nodes without a remembered position after loading (default true). Pass false to set
   * filters or a fold first, then call {@link GraphView.arrangeUnplaced}.
   */
  autoLayout?: boolean;
  /** Betweenness by entity id, e.g. from the core's graphology index; computed here otherwise. */
  betweenness?: () => ReadonlyMap<string, number>;
}

/** What the hover card shows. */
export interface HoverInfo {
  id: string;
  title: string;
  kind: string;
  degree: number;
  /** Position in the container, in CSS pixels. */
  x: number;
  y: number;
}

/** How far a large graph's progressive load has come. */
export interface LoadProgress {
  /** Relations loaded so far (after the entities, which come first and at once). */
  loaded: number;
  total: number;
}

/**
 * The community's graph as an explorable Cytoscape view. Framework-free (the React component
 * wraps it) and usable headless. Uses node/edge words internally; its events speak of entities.
 */
export class GraphView implements Disposable {
  readonly cy: Core;
  readonly renderMode: RenderMode;
  readonly visibility: Visibility;
  readonly #binding: GraphBinding;
  readonly #time: TimeTravel | null;
  readonly #options: GraphViewOptions;
  readonly #disposables: Disposable[] = [];
  #sizeMeasure: SizeMeasure = 'degree';
  #localRoot: string | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #selectionOrder: string[] = [];
  #fold: Fold | null = null;
  #people: Disposable | null = null;
  #peopleNetwork: PeopleNetwork | null = null;
  /** Nodes first laid out while hidden: placed next to their neighbours once they show. */
  readonly #placedHidden = new Set<string>();
  #hovered: string | null = null;
  #arranged = false;

  readonly #onDidOpen = new Emitter<string>();
  /** The member asked to open an entity (click, Enter). */
  readonly onDidOpen = this.#onDidOpen.event;
  readonly #onDidRequestMenu = new Emitter<string>();
  /** The member asked for an entity's context menu (right-click, long press). */
  readonly onDidRequestMenu = this.#onDidRequestMenu.event;
  readonly #onDidHover = new Emitter<HoverInfo | null>();
  /** The pointer entered (info) or left (null) an entity. */
  readonly onDidHover = this.#onDidHover.event;
  readonly #onDidChangeSelection = new Emitter<string[]>();
  /** The selected entities changed. */
  readonly onDidChangeSelection = this.#onDidChangeSelection.event;
  readonly #onDidChangeShownDate = new Emitter<Date | null>();
  /** The graph shown moved to a past date, or back to now (null). */
  readonly onDidChangeShownDate = this.#onDidChangeShownDate.event;
  readonly #onDidProgress = new Emitter<LoadProgress>();
  /**
   * A large graph's relations are still arriving (after its entities were drawn): how many so
   * far. Fires after each slice, last with `loaded === total`.
   */
  readonly onDidProgress = this.#onDidProgress.event;
  /** Settles when every relation is in the view (at once for a small or headless graph). */
  readonly loaded: Promise<void>;
  readonly #onDidChangeVisibility = new Emitter<void>();
  /** What is shown changed: a filter, the local graph, a fold, expand or collapse. */
  readonly onDidChangeVisibility = this.#onDidChangeVisibility.event;
  readonly #onDidUpdate = new Emitter<{ nodes: string[]; edges: string[] }>();
  /** A live change reached the view; carries the ids it touched. */
  readonly onDidUpdate = this.#onDidUpdate.event;
  /** `performance.now()` when the view was made (marked `repertoire:graph-view-created` if drawn). */
  readonly createdAt: number;
  /**
   * Settles with `performance.now()` once the first frame showing the graph's entities is on
   * screen, measured alike for the canvas and WebGL renderers (see `firstFrame.ts`; marked
   * `repertoire:graph-first-frame`). Never settles headless.
   */
  readonly firstFrame: Promise<number>;

  constructor(options: GraphViewOptions) {
    this.#options = options;
    this.createdAt = performance.now();
    if (options.container) performance.mark(GRAPH_VIEW_CREATED_MARK, { startTime: this.createdAt });
    const count = countElements(options.source);
    const preference = options.renderer ?? 'auto';
    // Probing WebGL opens a context (tens of ms on a software rasterizer): only when it matters.
    const mayUseWebgl =
      preference === 'webgl' || (preference === 'auto' && count > LARGE_GRAPH_THRESHOLD);
    this.renderMode = options.container
      ? chooseRenderMode(
          count,
          preference,
          !mayUseWebgl
            ? false
            : preference === 'webgl'
              ? webglSupport().available
              : webglAvailable(),
          undefined,
          options.levelOfDetail ?? true,
        )
      : {
          webgl: false,
          large: false,
          hideEdgesOnViewport: false,
          textureOnViewport: false,
          reason: 'headless',
        };
    const init: cytoscape.CytoscapeOptions & { webgl?: boolean } = {
      style: buildStylesheet([...DEFAULT_GRAPH_STYLES, ...(options.styles ?? [])], options.theme, {
        large: this.renderMode.large,
      }),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
    };
    if (options.container) {
      init.container = options.container;
      init.webgl = this.renderMode.webgl;
      init.hideEdgesOnViewport = this.renderMode.hideEdgesOnViewport;
      init.textureOnViewport = this.renderMode.textureOnViewport;
      init.pixelRatio = this.renderMode.webgl ? 1 : 'auto';
    } else {
      init.headless = true;
      init.styleEnabled = true;
    }
    this.cy = cytoscape(init);
    this.firstFrame = options.container
      ? firstFrame(this.cy, this.createdAt, count === 0)
      : new Promise<number>(() => {});
    this.visibility = new Visibility(this.cy);
    // A large graph draws its entities first and lets its relations arrive a slice at a time.
    const progressive = options.container !== undefined && this.renderMode.large;
    this.#binding = bindGraph(this.cy, options.source, {
      ...(options.positions ? { positions: options.positions } : {}),
      ...(progressive
        ? {
            progressive: {
              ...(options.loadSliceMs !== undefined ? { sliceMs: options.loadSliceMs } : {}),
              onDidLoadEdges: (edges) => {
                this.#refreshFold();
                this.visibility.applyToEdges(edges);
              },
              onProgress: (loaded, total) => this.#onDidProgress.fire({ loaded, total }),
            },
          }
        : {}),
      onDidUpdate: (touched) => {
        this.#refreshFold();
        const nodes = this.cy.collection();
        for (const id of touched.nodes) nodes.merge(this.cy.getElementById(id));
        this.visibility.applyTo(nodes.nodes());
        this.#time?.markLiveAddition(
          [...touched.nodes, ...touched.edges].filter((id) =>
            this.cy.getElementById(id).nonempty(),
          ),
        );
        this.#onDidUpdate.fire(touched);
      },
    });
    this.loaded = this.#binding.loaded;
    this.#time = options.graphAt ? new TimeTravel(this.cy, options.graphAt) : null;
    if (this.renderMode.large && options.container) {
      const labels = labelLevelOfDetail(this.cy);
      this.#disposables.push(
        labels,
        this.onDidUpdate(() => labels.refresh()),
      );
      if (!this.renderMode.webgl) {
        const hits = fastHitTesting(this.cy);
        this.#disposables.push(
          hits,
          this.onDidUpdate(() => hits.invalidate()),
        );
      }
    }
    if (options.autoLayout ?? true) this.arrangeUnplaced();
    this.#wireEvents();
  }

  /**
   * Lays out, once, the nodes that had no remembered position at load, then fits the view: a
   * small graph gets fcose over what is shown (with room for the labels, so names do not sit on
   * each other); a large one a quick spiral, so the first frame is not held up, and fcose off the
   * main thread when the member asks (Arrange). Nodes hidden meanwhile (filtered or folded) are
   * placed next to their neighbours when they first show.
   */
  arrangeUnplaced(): void {
    if (this.#arranged) return;
    this.#arranged = true;
    const unplaced = this.#binding.unplacedAtLoad;
    const total = this.cy.nodes().length;
    if (unplaced.length > 0 && unplaced.length === total) {
      const all = this.cy.nodes().toArray() as NodeSingular[];
      if (total <= 600) {
        placeSunflower(all);
        const shown = layoutGraph(this.cy);
        this.cy.nodes('.filtered').forEach((n) => {
          this.#placedHidden.add(n.id());
        });
        const layout = shown.layout({
          ...fcoseOptions('default', true),
          // Labels are measured only when drawn: headless, nodes alone are spaced.
          nodeDimensionsIncludeLabels: this.cy.container() !== null,
        } as LayoutOptions);
        if (this.cy.container() !== null)
          layout.one('layoutstop', () => separateLabels(shown.nodes()));
        layout.run();
      } else {
        this.cy.batch(() => placeSunflower(all));
      }
    }
    this.#fitToPositions(30);
    if (unplaced.length > 0) this.#scheduleSave();
  }

  /** Places the nodes laid out while hidden that now show, next to their shown neighbours. */
  #placeNewlyShown(): void {
    if (this.#placedHidden.size === 0) return;
    const now: NodeSingular[] = [];
    for (const id of this.#placedHidden) {
      const n = this.cy.getElementById(id);
      if (n.empty()) this.#placedHidden.delete(id);
      else if (!n.hasClass('filtered')) now.push(n as NodeSingular);
    }
    if (now.length === 0) return;
    const fresh = new Set(now.map((n) => n.id()));
    for (const id of fresh) this.#placedHidden.delete(id);
    const placed = new Set(
      this.cy
        .nodes()
        .map((n) => n.id())
        .filter((id) => !this.#placedHidden.has(id) && !fresh.has(id)),
    );
    const stayPut = new Set(placed); // placeNear adds what it places to `placed`
    this.cy.batch(() => placeNear(this.cy, now, placed));
    // Next to their neighbours is a start, not a place: they would sit on the nodes there. On a
    // small graph fcose finds them room, with everything that was already shown held still.
    const shown = layoutGraph(this.cy);
    if (shown.nodes().length <= 600 && stayPut.size > 0) {
      const fixed = (shown.nodes().toArray() as NodeSingular[])
        .filter((n) => stayPut.has(n.id()))
        .map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
      shown
        .layout({
          ...fcoseOptions('default', false),
          nodeDimensionsIncludeLabels: this.cy.container() !== null,
          fixedNodeConstraint: fixed,
        } as LayoutOptions)
        .run();
    }
    this.#scheduleSave();
  }

  /**
   * Folds a kind into the links it makes between entities of another (meetings into
   * who-met-whom, see {@link foldKind}), or unfolds with null. One fold at a time.
   */
  setFold(options: FoldOptions | null): void {
    this.#fold?.dispose();
    this.#fold = null;
    this.visibility.foldedKinds.clear();
    if (options) {
      this.#fold = foldKind(this.cy, options);
      this.visibility.foldedKinds.add(options.kind);
    }
    this.#refreshScope();
  }

  /**
   * Shows a people network instead of the graph (the People mode): only entities of its kind,
   * joined by its ties, coloured by community, brokers marked; null goes back. Leaves any fold.
   */
  setPeople(people: PeopleNetwork | null): void {
    const had = this.#people !== null;
    this.#people?.dispose();
    this.#people = null;
    this.#peopleNetwork = null;
    this.visibility.derivedOnly = false;
    if (people) {
      this.setFold(null);
      this.#people = drawPeople(this.cy, people);
      this.#peopleNetwork = people;
      this.visibility.derivedOnly = true;
      for (const k of this.kinds()) if (k !== people.kind) this.visibility.foldedKinds.add(k);
    } else if (had) this.visibility.foldedKinds.clear();
    this.#refreshScope();
    if (this.#sizeMeasure === 'betweenness') this.sizeBy('betweenness');
  }

  /** The people network shown (People mode), if any. */
  get people(): PeopleNetwork | null {
    return this.#peopleNetwork;
  }

  /** The fold in place, if any. */
  get fold(): FoldOptions | null {
    return this.#fold?.options ?? null;
  }

  #refreshFold(): void {
    if (!this.#fold) return;
    this.#fold.refresh();
    this.visibility.applyToEdges(this.cy.edges(`.${DERIVED}`));
  }

  /** Hides the hover card when what it points at moved, went or was hidden. */
  #unhover(id?: string): void {
    if (this.#hovered === null || (id !== undefined && id !== this.#hovered)) return;
    this.#hovered = null;
    this.#onDidHover.fire(null);
  }

  /**
   * Fits the view to the nodes' positions without asking Cytoscape for bounding boxes, which on
   * a large graph measures every label and edge before the first frame (seconds at 5k nodes).
   */
  #fitToPositions(padding: number): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    let margin = 0;
    this.visibility.shownNodes().forEach((n) => {
      const p = n.position();
      if (p.x < x1) x1 = p.x;
      if (p.x > x2) x2 = p.x;
      if (p.y < y1) y1 = p.y;
      if (p.y > y2) y2 = p.y;
      margin = Math.max(margin, Number(n.data('size')) || 0);
    });
    const w = this.cy.width();
    const h = this.cy.height();
    if (x1 === Infinity || w === 0 || h === 0) return;
    x1 -= margin;
    y1 -= margin;
    x2 += margin;
    y2 += margin;
    const zoom = Math.min(
      this.cy.maxZoom(),
      Math.max(
        this.cy.minZoom(),
        Math.min((w - 2 * padding) / (x2 - x1), (h - 2 * padding) / (y2 - y1)),
      ),
    );
    this.cy.viewport({
      zoom,
      pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 },
    });
  }

  #wireEvents(): void {
    const cy = this.cy;
    cy.on('tap', 'node', (e) => {
      const ev = e.originalEvent as MouseEvent | undefined;
      if (ev && (ev.shiftKey || ev.ctrlKey || ev.metaKey)) return;
      this.#onDidOpen.fire(e.target.id());
    });
    // Cytoscape's right-click and long press on touch screens.
    cy.on('cxttap', 'node', (e) => {
      this.#onDidRequestMenu.fire(e.target.id());
    });
    cy.on('mouseover', 'node', (e) => {
      const n = e.target as NodeSingular;
      const p = n.renderedPosition();
      this.#hovered = n.id();
      this.#onDidHover.fire({
        id: n.id(),
        title: n.data('label'),
        kind: n.data('kind'),
        degree: relationDegree(n),
        x: p.x,
        y: p.y,
      });
    });
    cy.on('mouseout', 'node', () => this.#unhover());
    // The card sits where the node was: when it moves (a layout, a drag, a pan or zoom) or goes,
    // the card goes too, rather than point at empty space.
    cy.on('position remove', 'node', (e) => this.#unhover(e.target.id()));
    cy.on('viewport', () => this.#unhover());
    // Selection order matters (link from the first picked to the second, path from → to), and
    // Cytoscape reports the selected nodes in graph order, so the order is kept here.
    cy.on('select', 'node', (e) => {
      this.#selectionOrder = this.#selectionOrder.filter((id) => id !== e.target.id());
      this.#selectionOrder.push(e.target.id());
      this.#onDidChangeSelection.fire(this.selected());
    });
    cy.on('unselect', 'node', () => this.#onDidChangeSelection.fire(this.selected()));
    cy.on('dragfree', 'node', () => this.#scheduleSave());
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#binding.savePositions(), 500);
  }

  /** Entity kinds present in the graph, for the filter list. */
  kinds(): string[] {
    return [...new Set(this.cy.nodes().map((n) => String(n.data('kind'))))].sort();
  }

  /** Relation types present in the graph (a fold's drawn links too), for the filter list. */
  relationTypes(): string[] {
    return [...new Set(this.cy.edges().map((e) => String(e.data('type'))))].sort();
  }

  /** Shows or hides every entity of a kind. */
  setKindShown(kind: string, shown: boolean): void {
    if (shown) this.visibility.hiddenKinds.delete(kind);
    else this.visibility.hiddenKinds.add(kind);
    this.#refreshScope();
  }

  /** Shows or hides every relation of a type. */
  setRelationShown(type: string, shown: boolean): void {
    if (shown) this.visibility.hiddenRelations.delete(type);
    else this.visibility.hiddenRelations.add(type);
    this.#refreshScope();
  }

  #refreshScope(): void {
    if (this.#localRoot !== null && this.#localDepth !== null)
      this.visibility.scope = neighbourhood(
        this.cy,
        this.visibility,
        this.#localRoot,
        this.#localDepth,
      );
    this.#applyVisibility();
  }

  /** Applies the member's choices to every element, then tidies what depends on them. */
  #applyVisibility(): void {
    this.visibility.applyAll();
    if (this.#hovered !== null && !this.visibility.isShown(this.#hovered)) this.#unhover();
    this.#placeNewlyShown();
    this.#onDidChangeVisibility.fire();
  }

  #localDepth: number | null = null;

  /** Shows only the entities within `depth` relations of one entity (its local graph). */
  showLocal(id: string, depth = 1): void {
    this.visibility.scope = neighbourhood(this.cy, this.visibility, id, depth);
    this.#localRoot = id;
    this.#localDepth = depth;
    this.visibility.collapsed.clear();
    this.#applyVisibility();
    this.focus(id);
  }

  /** Leaves the local graph and shows the whole graph again. */
  showAll(): void {
    this.visibility.scope = null;
    this.#localRoot = null;
    this.#localDepth = null;
    this.visibility.collapsed.clear();
    this.#applyVisibility();
  }

  /** Brings an entity's neighbours into view (in the local graph) and undoes its collapse. */
  expand(id: string): void {
    this.visibility.collapsed.delete(id);
    this.cy.getElementById(id).removeClass('collapsed');
    if (this.visibility.scope)
      for (const n of neighbourhood(this.cy, this.visibility, id, 1)) this.visibility.scope.add(n);
    this.#localDepth = null; // the scope is now hand-made, not a depth from the root
    this.#applyVisibility();
  }

  /** Hides the neighbours that hang only on this entity, to tidy a crowded neighbourhood. */
  collapse(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) throw new Error(`collapse: no entity with id "${id}"`);
    const hidden = new Set<string>();
    node.neighborhood('node').forEach((n) => {
      const others = n.neighborhood('node').filter((m) => m.id() !== id && !m.hasClass('filtered'));
      if (others.length === 0 && n.id() !== this.#localRoot) hidden.add(n.id());
    });
    this.visibility.collapsed.set(id, hidden);
    node.addClass('collapsed');
    this.#applyVisibility();
  }

  /** Entities whose title matches, best first. */
  search(query: string, limit?: number): SearchHit[] {
    return searchEntities(this.cy, query, limit);
  }

  /** Selects an entity, marks it and brings it to the centre. */
  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) throw new Error(`focus: no entity with id "${id}"`);
    this.cy.batch(() => {
      this.cy.$('.focused').removeClass('focused');
      this.cy.$(':selected').unselect();
      node.addClass('focused').select();
    });
    if (this.cy.container() === null) return;
    this.cy.stop();
    this.cy.animate(
      { center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1.1) },
      { duration: 300 },
    );
  }

  /** The entity focused (or last moved to with the keyboard), if any. */
  focused(): string | null {
    const f = this.cy.$('.focused');
    return f.nonempty() ? f.first().id() : null;
  }

  /** Moves the focus to the nearest shown entity in a direction (arrow keys). */
  moveFocus(direction: Direction): string | null {
    const from =
      this.focused() ??
      this.visibility
        .shownNodes()
        .max((n) => relationDegree(n))
        .ele?.id();
    if (!from) return null;
    const to =
      this.focused() === null ? from : nodeInDirection(this.cy, this.visibility, from, direction);
    if (to) this.focus(to);
    return to;
  }

  /** Opens the focused entity (Enter). */
  openFocused(): void {
    const id = this.focused();
    if (id) this.#onDidOpen.fire(id);
  }

  /** Highlights the shortest chain of relations between two entities; returns its node ids. */
  showPath(fromId: string, toId: string): string[] | null {
    this.clearPath();
    const path = shortestPath(this.cy, this.visibility, fromId, toId);
    if (!path) return null;
    path.addClass('path');
    return path.nodes().map((n) => n.id());
  }

  /** Removes the path highlight. */
  clearPath(): void {
    this.cy.$('.path').removeClass('path');
  }

  /** Ids of the selected entities, in the order the member picked them. */
  selected(): string[] {
    const selected = new Set(this.cy.nodes(':selected').map((n) => n.id()));
    this.#selectionOrder = this.#selectionOrder.filter((id) => selected.has(id));
    return [
      ...this.#selectionOrder,
      ...[...selected].filter((id) => !this.#selectionOrder.includes(id)),
    ];
  }

  /** Selects exactly these entities. */
  select(ids: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.$(':selected').unselect();
      for (const id of ids) this.cy.getElementById(id).select();
    });
  }

  /** Sizes nodes by a measure of their place in the graph. */
  sizeBy(measure: SizeMeasure): void {
    this.#sizeMeasure = measure;
    const cy = this.cy;
    if (measure === 'degree' || measure === 'uniform') {
      cy.batch(() =>
        cy.nodes().forEach((n) => {
          n.data('size', measure === 'uniform' ? 24 : sizeForDegree(relationDegree(n)));
        }),
      );
      return;
    }
    const scores = this.#options.betweenness?.() ?? this.#betweenness();
    let max = 0;
    for (const v of scores.values()) max = Math.max(max, v);
    cy.batch(() =>
      cy.nodes().forEach((n) => {
        const v = scores.get(n.id()) ?? 0;
        n.data('size', 18 + 42 * Math.sqrt(max > 0 ? v / max : 0));
      }),
    );
  }

  /** The measure nodes are sized by. */
  get sizeMeasure(): SizeMeasure {
    return this.#sizeMeasure;
  }

  #betweenness(): Map<string, number> {
    const shown = this.visibility.shownNodes();
    // The relations, or in the People mode its ties.
    const eles = shown.union(
      shown
        .edgesWith(shown)
        .filter((e) => (this.#people ? e.hasClass(PEOPLE_TIE) : !e.hasClass(DERIVED))),
    );
    const bc = eles.betweennessCentrality({ directed: false });
    const out = new Map<string, number>();
    shown.forEach((n) => {
      out.set(n.id(), bc.betweenness(n));
    });
    return out;
  }

  /** Lays out the shown entities (fcose off the main thread where possible, or concentric). */
  async layout(name: LayoutName, options: RunLayoutOptions = {}): Promise<void> {
    // A force layout over half the relations would place things wrongly: wait for all of them.
    await this.loaded;
    await runLayout(this.cy, name, options);
    // What the layout did not place (filtered out) joins its neighbours when it shows again.
    this.cy.nodes('.filtered').forEach((n) => {
      this.#placedHidden.add(n.id());
    });
    this.#binding.savePositions();
  }

  /**
   * Fits the shown graph in the view. Call it after the container was resized from nothing (a
   * tab shown again): Cytoscape then also forgets where on the page its container was, which
   * it otherwise keeps and maps clicks with.
   */
  fit(): void {
    this.cy.resize();
    if (this.renderMode.large) this.#fitToPositions(30);
    else this.cy.fit(this.visibility.shownNodes(), 30);
  }

  /** Where every entity sits now, in model coordinates (a saved view keeps them). */
  nodePositions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      if (Number.isFinite(p.x) && Number.isFinite(p.y))
        out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    return out;
  }

  /**
   * Moves the entities named to the given positions (a saved view opened) and remembers them as
   * this member's; entities not in the graph any more are skipped, those not named stay put.
   */
  placeNodes(positions: Readonly<Record<string, Position>>): void {
    this.cy.batch(() => {
      for (const [id, p] of Object.entries(positions)) {
        const n = this.cy.getElementById(id);
        if (n.nonempty() && n.isNode()) n.position({ x: p.x, y: p.y });
      }
    });
    this.#binding.savePositions();
  }

  /** Zooms by a factor around the centre of the view. */
  zoomBy(factor: number): void {
    const level = this.cy.zoom() * factor;
    this.cy.zoom({
      level,
      renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 },
    });
  }

  /** Shows the graph as it was on a date, marking what was added and removed since. */
  async showAt(date: Date, options?: { hideAddedSince?: boolean }): Promise<TimeDiff | null> {
    if (!this.#time) throw new Error('time slider: this view was given no graphAt history');
    const diff = await this.#time.showAt(date, options);
    this.#refreshFold();
    this.visibility.applyAll();
    if (diff) this.#onDidChangeShownDate.fire(date);
    return diff;
  }

  /** Returns from a past date to the live graph. */
  showNow(): void {
    const was = this.#time?.date ?? null;
    this.#time?.showNow();
    this.#refreshFold();
    this.visibility.applyAll();
    if (was !== null) this.#onDidChangeShownDate.fire(null);
  }

  /** The past date shown, or null for the live graph. */
  get shownDate(): Date | null {
    return this.#time?.date ?? null;
  }

  /**
   * Plays the community's growth from `from` to now in `steps` frames, each shown for
   * `frameMs`: only what existed at each date is drawn. Abort with the signal to stop.
   */
  async playGrowth(options: {
    from: Date;
    to?: Date;
    steps?: number;
    frameMs?: number;
    signal?: AbortSignal;
    onFrame?: (date: Date) => void;
  }): Promise<void> {
    const to = options.to ?? new Date();
    const steps = options.steps ?? 24;
    const span = to.getTime() - options.from.getTime();
    for (let i = 0; i <= steps; i++) {
      if (options.signal?.aborted) return;
      const date = new Date(options.from.getTime() + (span * i) / steps);
      await this.showAt(date, { hideAddedSince: true });
      options.onFrame?.(date);
      await new Promise((r) => setTimeout(r, options.frameMs ?? 400));
    }
    this.showNow();
  }

  /** The current view as a PNG. */
  exportPng(options?: ExportOptions): Blob {
    return exportPng(this.cy, options);
  }

  /** The current view as SVG text. */
  exportSvg(options?: ExportOptions): Promise<string> {
    return exportSvg(this.cy, options);
  }

  /** Changes the theme and the contributed styles without touching the elements. */
  setStyles(styles: readonly GraphStyle[], theme?: GraphTheme): void {
    this.cy.style(
      buildStylesheet([...DEFAULT_GRAPH_STYLES, ...styles], theme, {
        large: this.renderMode.large,
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.#saveTimer);
    this.#binding.savePositions();
    this.#binding.dispose();
    for (const d of this.#disposables) d.dispose();
    for (const emitter of [
      this.#onDidOpen,
      this.#onDidRequestMenu,
      this.#onDidHover,
      this.#onDidChangeSelection,
      this.#onDidChangeShownDate,
      this.#onDidProgress,
      this.#onDidChangeVisibility,
      this.#onDidUpdate,
    ])
      emitter.dispose();
    this.cy.destroy();
  }
}

function countElements(source: GraphSource): number {
  let n = 0;
  for (const _ of source.entities()) n++;
  for (const _ of source.relations()) n++;
  return n;
}
