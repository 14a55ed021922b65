import {
  compareEntities,
  type Disposable,
  Emitter,
  type EntityInfo,
  type EntityKindInfo,
  type Event,
  type GraphApi,
  type GraphChange,
} from '@repertoire/plugin-api';

/** One kind's entities, in list order (meetings newest first, titles in natural order). */
export interface KindGroup {
  readonly kind: string;
  /** The kind's definition, or undefined when the plugin that contributes it is off. */
  readonly definition: EntityKindInfo | undefined;
  readonly entities: readonly EntityInfo[];
}

/**
 * The community's entities grouped by kind, kept current from the graph's change events through
 * the plugin API: a change re-reads only the entities it names and re-sorts only their kinds.
 */
export class EntityList implements Disposable {
  readonly #graph: GraphApi;
  readonly #byId = new Map<string, EntityInfo>();
  readonly #groups = new Map<string, EntityInfo[]>();
  #kinds: EntityKindInfo[] = [];
  #version = 0;
  readonly #onDidChange = new Emitter<void>();
  #subscription: Disposable | undefined;
  /** Changes apply one after another, so a slow read never overtakes a later change. */
  #queue: Promise<void> = Promise.resolve();

  /** Fires after the list changed. */
  readonly onDidChange: Event<void> = this.#onDidChange.event;

  private constructor(graph: GraphApi) {
    this.#graph = graph;
  }

  /** Reads the graph once and follows it from then on. */
  static async load(graph: GraphApi): Promise<EntityList> {
    const list = new EntityList(graph);
    list.#subscription = graph.onDidChange((change) => {
      list.#queue = list.#queue.then(() => list.#apply(change)).catch(() => undefined);
    });
    const [kinds, entities] = await Promise.all([graph.entityKinds(), graph.entities()]);
    list.#kinds = kinds;
    for (const e of entities) list.#byId.set(e.id, e);
    for (const kind of new Set(entities.map((e) => e.kind))) list.#regroup(kind);
    return list;
  }

  /** Increments on every change: what a React view compares. */
  get version(): number {
    return this.#version;
  }

  /** How many entities there are. */
  size(): number {
    return this.#byId.size;
  }

  /** An entity by id. */
  get(id: string): EntityInfo | undefined {
    return this.#byId.get(id);
  }

  /** The registered kinds, in the order their plugins declared them. */
  kinds(): readonly EntityKindInfo[] {
    return this.#kinds;
  }

  /** Every kind with a definition or entities, in the definitions' order. */
  groups(): KindGroup[] {
    const kinds = [...new Set([...this.#kinds.map((k) => k.kind), ...this.#groups.keys()])];
    return kinds.map((kind) => ({
      kind,
      definition: this.#kinds.find((k) => k.kind === kind),
      entities: this.#groups.get(kind) ?? [],
    }));
  }

  /** Waits until every change seen so far is in the list (for tests and flows). */
  settled(): Promise<void> {
    return this.#queue;
  }

  /** Stops following the graph. */
  dispose(): void {
    this.#subscription?.dispose();
    this.#onDidChange.dispose();
  }

  async #apply(change: GraphChange): Promise<void> {
    const touched = new Set<string>();
    for (const id of change.entitiesRemoved) {
      const gone = this.#byId.get(id);
      if (gone) touched.add(gone.kind);
      this.#byId.delete(id);
    }
    const ids = [...new Set([...change.entitiesAdded, ...change.entitiesUpdated])];
    const [fresh, kinds] = await Promise.all([
      this.#read(ids),
      // Kinds come and go with plugins; the list is short, so it is read again.
      this.#graph.entityKinds(),
    ]);
    for (const id of ids) {
      const before = this.#byId.get(id);
      if (before) touched.add(before.kind);
    }
    for (const e of fresh) {
      this.#byId.set(e.id, e);
      touched.add(e.kind);
    }
    const kindsChanged = kinds.map((k) => k.kind).join() !== this.#kinds.map((k) => k.kind).join();
    this.#kinds = kinds;
    if (touched.size === 0 && !kindsChanged && ids.length === 0) return;
    for (const kind of touched) this.#regroup(kind);
    this.#version++;
    this.#onDidChange.fire();
  }

  /**
   * The entities with these ids: one by one for the few a member's edit touches (a lookup each),
   * in one query for the many of a load or an import.
   */
  async #read(ids: readonly string[]): Promise<EntityInfo[]> {
    if (ids.length === 0) return [];
    if (ids.length > 32) return this.#graph.entities({ ids: [...ids] });
    const found = await Promise.all(ids.map((id) => this.#graph.getEntity(id)));
    return found.filter((e): e is EntityInfo => e !== undefined);
  }

  #regroup(kind: string): void {
    const list = [...this.#byId.values()].filter((e) => e.kind === kind).sort(compareEntities);
    if (list.length) this.#groups.set(kind, list);
    else this.#groups.delete(kind);
  }
}
