import { type EntityId, parseRelationId, type RelationId } from '@repertoire/schema';
import * as Y from 'yjs';
import { Emitter, type Event } from './disposable.ts';
import { type GraphMaps, graphMaps, type StoredRelation, storedTitle } from './graphDoc.ts';
import { TitleSearch, type TitleSearchHit, type TitleSearchOptions } from './titleSearch.ts';

/** What the index keeps of an entity: enough to draw and find it. */
export interface IndexedEntity {
  readonly id: EntityId;
  readonly kind: string;
  readonly title: string;
}

/** A relation's ends and type. */
export interface IndexedRelation {
  readonly id: RelationId;
  readonly from: EntityId;
  readonly type: string;
  readonly to: EntityId;
}

/** Ids that appeared, changed or disappeared. */
export interface IndexDelta<Id> {
  added: Id[];
  changed: Id[];
  removed: Id[];
}

/**
 * What one transaction changed in what the index shows. A relation counts as added when it
 * becomes visible (both ends exist) and removed when it stops being visible, so a consumer that
 * applies these deltas never draws a relation to a missing entity.
 */
export interface IndexChangeEvent {
  entities: IndexDelta<EntityId>;
  relations: IndexDelta<RelationId>;
}

/** Which way to follow relations: `out` (from → to), `in`, or `both` (default). */
export type Direction = 'out' | 'in' | 'both';

/** Restricts a traversal to some relation types and a direction. */
export interface TraversalOptions {
  types?: readonly string[];
  direction?: Direction;
}

/** A part of the graph: entity ids and the relation ids among them. */
export interface Subgraph {
  entities: EntityId[];
  relations: RelationId[];
}

/** Which entities and relations {@link GraphIndex.subgraph} keeps. */
export interface SubgraphFilter {
  kinds?: readonly string[];
  types?: readonly string[];
  /** Keep only entities for which this returns true. */
  entity?: (entity: IndexedEntity) => boolean;
}

interface MutableEntity {
  id: EntityId;
  kind: string;
  title: string;
}

/**
 * An in-memory index of the graph document, following its Yjs events incrementally: one edit
 * costs work proportional to what it touched, never a rebuild. Answers the queries the UI and
 * analyses need: entities by kind, adjacency by relation type both ways, title search,
 * neighbourhoods, shortest paths and subgraphs. Relations with a missing end are kept (a peer
 * may restore the end) but never shown.
 */
export class GraphIndex {
  private readonly doc: Y.Doc;
  private readonly maps: GraphMaps;
  private readonly entityById = new Map<string, MutableEntity>();
  private readonly byKind = new Map<string, Set<EntityId>>();
  private readonly relationById = new Map<string, IndexedRelation>();
  // Arrays, not Sets: most entities have a handful of relations, and opening a large workspace
  // allocates two of these per entity. Removing one scans that entity's relations only.
  private readonly outgoing = new Map<string, IndexedRelation[]>();
  private readonly incoming = new Map<string, IndexedRelation[]>();
  // Built on the first search, then kept up to date: opening a workspace does not pay for it.
  private titles: TitleSearch | undefined;
  private readonly changes = new Emitter<IndexChangeEvent>({ rethrowListenerErrors: true });
  // Visibility before the current transaction of everything it touched (first touch wins).
  private touchedEntities = new Map<string, boolean>();
  private touchedRelations = new Map<string, boolean>();
  private changedEntities = new Set<string>();
  private changedRelations = new Set<string>();
  private visibleRelations = 0;
  private readonly invalid = new Set<string>();
  // Set while a transaction that began on an empty index (the first sync of a workspace) runs:
  // everything it brings is new, so it is indexed from the keys it changed, without diffing.
  private bulk = false;
  private bulkRelationKeys: Set<string>[] = [];

  /** Fires after each transaction that changed what the index shows, saying exactly what. */
  readonly onDidChange: Event<IndexChangeEvent> = this.changes.event;

  /** Indexes what `doc` holds now and follows its changes until {@link dispose}. */
  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.maps = graphMaps(doc);
    for (const [id, map] of this.maps.entities.entries()) this.putEntity(id, map);
    for (const key of this.maps.relations.keys()) {
      // Keys are unique here, and looking the ends up once serves both sharing and counting.
      const ends = parseRelationId(key);
      if (!ends) continue;
      const from = this.entityById.get(ends.from);
      const to = this.entityById.get(ends.to);
      this.addRelation(key, from?.id ?? ends.from, ends.type, to?.id ?? ends.to);
      if (from && to) this.visibleRelations++;
    }
    this.maps.entities.observeDeep(this.onEntities);
    this.maps.relations.observe(this.onRelations);
    doc.on('afterTransaction', this.afterTransaction);
  }

  /**
   * Entity ids whose slot holds something that is not an entity map (a string, a number…):
   * skipped by the index, reported here; `Workspace.repair` removes them.
   */
  get invalidEntities(): ReadonlySet<string> {
    return this.invalid;
  }

  /** Number of entities. */
  get entityCount(): number {
    return this.entityById.size;
  }

  /** Number of visible relations (both ends exist). */
  get relationCount(): number {
    return this.visibleRelations;
  }

  /** The entity `id` as indexed, or `undefined`. */
  entity(id: string): IndexedEntity | undefined {
    return this.entityById.get(id);
  }

  /** Whether entity `id` exists. */
  has(id: string): boolean {
    return this.entityById.has(id);
  }

  /** Every entity. */
  entities(): IterableIterator<IndexedEntity> {
    return this.entityById.values();
  }

  /** Ids of the entities of `kind`. */
  entitiesOfKind(kind: string): EntityId[] {
    return [...(this.byKind.get(kind) ?? [])];
  }

  /** Kinds present, with how many entities each has. */
  kindCounts(): Map<string, number> {
    return new Map([...this.byKind].map(([k, s]) => [k, s.size]));
  }

  /** The visible relation `id`, or `undefined`. */
  relation(id: string): IndexedRelation | undefined {
    const r = this.relationById.get(id);
    return r && this.isVisible(r) ? r : undefined;
  }

  /** Every visible relation. */
  *relations(): IterableIterator<IndexedRelation> {
    for (const r of this.relationById.values()) if (this.isVisible(r)) yield r;
  }

  /** Visible relations of `id` in `direction`, optionally of some types. */
  relationsOf(id: string, options: TraversalOptions = {}): IndexedRelation[] {
    const out: IndexedRelation[] = [];
    this.eachRelation(id, options, (r) => {
      out.push(r);
    });
    return out;
  }

  /** Ids of the entities one visible relation away from `id`. */
  neighbours(id: string, options: TraversalOptions = {}): EntityId[] {
    const seen = new Set<EntityId>();
    this.eachRelation(id, options, (_r, other) => {
      seen.add(other);
    });
    return [...seen];
  }

  /** Title search with prefix and fuzzy matching, best first. */
  search(query: string, options: TitleSearchOptions = {}): TitleSearchHit[] {
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    const hits = this.titleSearch().query(query, options, (id) => {
      const e = this.entityById.get(id);
      return e !== undefined && (!kinds || kinds.has(e.kind));
    });
    return hits.map(({ id, score }) => {
      const e = this.entityById.get(id) as MutableEntity;
      return { id: e.id, kind: e.kind, title: e.title, score };
    });
  }

  /** Entities within `depth` relations of `id` (including it) and the relations followed. */
  neighbourhood(id: string, depth: number, options: TraversalOptions = {}): Subgraph {
    if (!this.entityById.has(id)) return { entities: [], relations: [] };
    const seen = new Set<EntityId>([id as EntityId]);
    const relations = new Set<RelationId>();
    let frontier: string[] = [id];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const current of frontier) {
        this.eachRelation(current, options, (r, other) => {
          relations.add(r.id);
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        });
      }
      frontier = next;
    }
    return { entities: [...seen], relations: [...relations] };
  }

  /**
   * A shortest chain of entities from `from` to `to` (both included) over visible relations,
   * or `undefined` when none. Undirected unless `direction` says otherwise. A bidirectional
   * breadth-first search over the index, so type filters and hidden relations are honoured
   * without building a second graph.
   */
  shortestPath(from: string, to: string, options: TraversalOptions = {}): EntityId[] | undefined {
    if (!this.entityById.has(from) || !this.entityById.has(to)) return undefined;
    if (from === to) return [from as EntityId];
    const direction = options.direction ?? 'both';
    const reverse: Direction = direction === 'out' ? 'in' : direction === 'in' ? 'out' : 'both';
    const forwardParent = new Map<string, string | null>([[from, null]]);
    const backwardParent = new Map<string, string | null>([[to, null]]);
    let forward = [from];
    let backward = [to];
    const join = (meet: string): EntityId[] => {
      const path: string[] = [];
      for (let n: string | null | undefined = meet; n; n = forwardParent.get(n)) path.unshift(n);
      for (let n = backwardParent.get(meet); n; n = backwardParent.get(n)) path.push(n);
      return path as EntityId[];
    };
    while (forward.length > 0 && backward.length > 0) {
      // Expand the side with fewer relations to follow, not fewer entities: one hub on a
      // frontier can cost more than hundreds of ordinary entities.
      const expandForward = this.fanOut(forward, direction) <= this.fanOut(backward, reverse);
      const frontier = expandForward ? forward : backward;
      const mine = expandForward ? forwardParent : backwardParent;
      const theirs = expandForward ? backwardParent : forwardParent;
      const dir = expandForward ? direction : reverse;
      const next: string[] = [];
      let meet: string | undefined;
      for (const current of frontier) {
        this.eachRelation(current, { types: options.types, direction: dir }, (_r, other) => {
          if (meet !== undefined || mine.has(other)) return;
          mine.set(other, current);
          if (theirs.has(other)) meet = other;
          next.push(other);
        });
        if (meet !== undefined) return join(meet);
      }
      if (expandForward) forward = next;
      else backward = next;
    }
    return undefined;
  }

  /** The entities matching `filter` and the visible relations among them of the given types. */
  subgraph(filter: SubgraphFilter = {}): Subgraph {
    const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
    const types = filter.types ? new Set(filter.types) : undefined;
    const entities = new Set<EntityId>();
    for (const e of this.entityById.values()) {
      if (kinds && !kinds.has(e.kind)) continue;
      if (filter.entity && !filter.entity(e)) continue;
      entities.add(e.id);
    }
    const relations: RelationId[] = [];
    for (const id of entities) {
      for (const r of this.outgoing.get(id) ?? []) {
        if (types && !types.has(r.type)) continue;
        if (entities.has(r.to)) relations.push(r.id);
      }
    }
    return { entities: [...entities], relations };
  }

  /** Stops following the document. */
  dispose(): void {
    this.maps.entities.unobserveDeep(this.onEntities);
    this.maps.relations.unobserve(this.onRelations);
    this.doc.off('afterTransaction', this.afterTransaction);
    this.changes.dispose();
  }

  private eachRelation(
    id: string,
    options: TraversalOptions,
    visit: (relation: IndexedRelation, other: EntityId) => void,
  ): void {
    const direction = options.direction ?? 'both';
    const types = options.types;
    if (direction !== 'in') {
      for (const r of this.outgoing.get(id) ?? []) {
        if ((!types || types.includes(r.type)) && this.entityById.has(r.to)) visit(r, r.to);
      }
    }
    if (direction !== 'out') {
      for (const r of this.incoming.get(id) ?? []) {
        if ((!types || types.includes(r.type)) && this.entityById.has(r.from)) visit(r, r.from);
      }
    }
  }

  private fanOut(frontier: readonly string[], direction: Direction): number {
    let n = 0;
    for (const id of frontier) {
      if (direction !== 'in') n += this.outgoing.get(id)?.length ?? 0;
      if (direction !== 'out') n += this.incoming.get(id)?.length ?? 0;
    }
    return n;
  }

  private isVisible(r: IndexedRelation): boolean {
    return this.entityById.has(r.from) && this.entityById.has(r.to);
  }

  private readonly onEntities = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (this.bulkIfEmpty()) {
      for (const event of events) {
        const keys =
          event.target === this.maps.entities ? (event as Y.YMapEvent<unknown>).keysChanged : [];
        for (const key of keys) {
          const map: unknown = this.maps.entities.get(key);
          if (map !== undefined) this.putEntity(key, map);
        }
      }
      return;
    }
    for (const event of events) {
      if (event.target === this.maps.entities) {
        for (const [key, change] of event.changes.keys) {
          this.touchEntity(key);
          if (change.action === 'delete') this.dropEntity(key);
          else {
            const map: unknown = this.maps.entities.get(key);
            if (change.action === 'update') this.changedEntities.add(key);
            if (map !== undefined) this.putEntity(key, map);
          }
        }
      } else if (event.target instanceof Y.Map) {
        const id = event.path[0];
        const map = typeof id === 'string' ? this.maps.entities.get(id) : undefined;
        if (typeof id !== 'string' || !map) continue;
        this.touchEntity(id);
        this.changedEntities.add(id);
        this.putEntity(id, map);
      }
    }
  };

  private readonly onRelations = (event: Y.YMapEvent<StoredRelation>) => {
    // Relations are indexed after the entities (at the end of the transaction), so their ends
    // can share the entities' id strings.
    if (this.bulkIfEmpty()) {
      this.bulkRelationKeys.push(event.keysChanged);
      return;
    }
    for (const [key, change] of event.changes.keys) {
      this.touchRelation(key);
      if (change.action === 'delete') this.dropRelation(key);
      else if (change.action === 'add') this.putRelation(key);
      else this.changedRelations.add(key);
    }
  };

  private bulkIfEmpty(): boolean {
    if (this.bulk) return true;
    this.bulk =
      this.entityById.size === 0 &&
      this.relationById.size === 0 &&
      this.touchedEntities.size === 0 &&
      this.touchedRelations.size === 0;
    return this.bulk;
  }

  private finishBulk(): void {
    this.bulk = false;
    for (const keys of this.bulkRelationKeys) {
      for (const key of keys) if (this.maps.relations.has(key)) this.putRelation(key);
    }
    this.bulkRelationKeys = [];
    const event: IndexChangeEvent = {
      entities: { added: [...this.entityById.keys()] as EntityId[], changed: [], removed: [] },
      relations: { added: [], changed: [], removed: [] },
    };
    for (const r of this.relationById.values()) {
      if (this.isVisible(r)) event.relations.added.push(r.id);
    }
    this.visibleRelations = event.relations.added.length;
    if (event.entities.added.length + event.relations.added.length > 0) this.changes.fire(event);
  }

  private readonly afterTransaction = () => {
    if (this.bulk) {
      this.finishBulk();
      return;
    }
    if (this.touchedEntities.size === 0 && this.touchedRelations.size === 0) return;
    const event: IndexChangeEvent = {
      entities: { added: [], changed: [], removed: [] },
      relations: { added: [], changed: [], removed: [] },
    };
    for (const [id, was] of this.touchedEntities) {
      const is = this.entityById.has(id);
      if (is && !was) event.entities.added.push(id as EntityId);
      else if (!is && was) event.entities.removed.push(id as EntityId);
      else if (is && this.changedEntities.has(id)) event.entities.changed.push(id as EntityId);
    }
    for (const [id, was] of this.touchedRelations) {
      const r = this.relationById.get(id);
      const is = r !== undefined && this.isVisible(r);
      if (is && !was) event.relations.added.push(id as RelationId);
      else if (!is && was) event.relations.removed.push(id as RelationId);
      else if (is && this.changedRelations.has(id)) event.relations.changed.push(id as RelationId);
    }
    this.visibleRelations += event.relations.added.length - event.relations.removed.length;
    this.resetTouched();
    const { entities, relations } = event;
    const empty =
      entities.added.length + entities.changed.length + entities.removed.length === 0 &&
      relations.added.length + relations.changed.length + relations.removed.length === 0;
    if (!empty) this.changes.fire(event);
  };

  private resetTouched(): void {
    this.touchedEntities = new Map();
    this.touchedRelations = new Map();
    this.changedEntities = new Set();
    this.changedRelations = new Set();
  }

  // Records, on first touch in a transaction, whether an entity and its relations were visible.
  private touchEntity(id: string): void {
    if (this.touchedEntities.has(id)) return;
    this.touchedEntities.set(id, this.entityById.has(id));
    for (const r of this.outgoing.get(id) ?? []) this.touchRelation(r.id);
    for (const r of this.incoming.get(id) ?? []) this.touchRelation(r.id);
  }

  private touchRelation(id: string): void {
    if (this.touchedRelations.has(id)) return;
    const r = this.relationById.get(id);
    this.touchedRelations.set(id, r !== undefined && this.isVisible(r));
  }

  private putEntity(id: string, map: unknown): void {
    // Any client may have written the slot: what is not an entity map is skipped and reported.
    if (!(map instanceof Y.Map)) {
      this.dropEntity(id);
      this.invalid.add(id);
      return;
    }
    this.invalid.delete(id);
    const kind = map.get('kind');
    if (typeof kind !== 'string') {
      this.dropEntity(id);
      return;
    }
    const title = storedTitle(id, map);
    const existing = this.entityById.get(id);
    if (existing) {
      if (existing.kind !== kind) {
        this.byKind.get(existing.kind)?.delete(existing.id);
        existing.kind = kind;
        this.addToKind(existing);
      }
      if (existing.title !== title) {
        existing.title = title;
        this.titles?.set(id, title);
      }
      return;
    }
    const entity: MutableEntity = { id: id as EntityId, kind, title };
    this.entityById.set(id, entity);
    this.addToKind(entity);
    this.titles?.set(id, title);
  }

  private addToKind(entity: MutableEntity): void {
    let set = this.byKind.get(entity.kind);
    if (!set) {
      set = new Set();
      this.byKind.set(entity.kind, set);
    }
    set.add(entity.id);
  }

  private dropEntity(id: string): void {
    this.invalid.delete(id);
    const entity = this.entityById.get(id);
    if (!entity) return;
    this.entityById.delete(id);
    const set = this.byKind.get(entity.kind);
    set?.delete(entity.id);
    if (set?.size === 0) this.byKind.delete(entity.kind);
    this.titles?.delete(id);
  }

  private titleSearch(): TitleSearch {
    if (!this.titles) {
      this.titles = new TitleSearch();
      for (const e of this.entityById.values()) this.titles.set(e.id, e.title);
    }
    return this.titles;
  }

  private putRelation(key: string): void {
    if (this.relationById.has(key)) return;
    const ends = parseRelationId(key);
    if (!ends) return;
    // Share the entity's own id string: the parsed copies would cost memory and slower lookups.
    const from = this.entityById.get(ends.from)?.id ?? ends.from;
    const to = this.entityById.get(ends.to)?.id ?? ends.to;
    this.addRelation(key, from, ends.type, to);
  }

  private addRelation(key: string, from: EntityId, type: string, to: EntityId): void {
    const r: IndexedRelation = { id: key as RelationId, from, type, to };
    this.relationById.set(key, r);
    addTo(this.outgoing, from, r);
    addTo(this.incoming, to, r);
  }

  private dropRelation(key: string): void {
    const r = this.relationById.get(key);
    if (!r) return;
    this.relationById.delete(key);
    removeFrom(this.outgoing, r.from, r);
    removeFrom(this.incoming, r.to, r);
  }
}

function addTo(map: Map<string, IndexedRelation[]>, key: string, r: IndexedRelation): void {
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

function removeFrom(map: Map<string, IndexedRelation[]>, key: string, r: IndexedRelation): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(r);
  if (at < 0) return;
  if (list.length === 1) {
    map.delete(key);
    return;
  }
  // Order does not matter: move the last one into the gap.
  list[at] = list[list.length - 1] as IndexedRelation;
  list.pop();
}
