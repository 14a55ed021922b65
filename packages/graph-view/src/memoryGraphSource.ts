import type {
  Disposable,
  GraphChange,
  GraphEntity,
  GraphRelation,
  GraphSnapshot,
  GraphSource,
} from './graphSource.ts';

const none: readonly string[] = [];

/**
 * A graph source held in memory: for test pages, benchmarks, imports and past snapshots.
 * Relations whose ends are missing are kept but never reported, so no dangling relation is shown.
 */
export class MemoryGraphSource implements GraphSource {
  readonly #entities = new Map<string, GraphEntity>();
  readonly #relations = new Map<string, GraphRelation>();
  readonly #listeners = new Set<(change: GraphChange) => void>();

  constructor(snapshot?: GraphSnapshot) {
    for (const e of snapshot?.entities ?? []) this.#entities.set(e.id, e);
    for (const r of snapshot?.relations ?? []) this.#relations.set(r.id, r);
  }

  entities(): Iterable<GraphEntity> {
    return this.#entities.values();
  }

  *relations(): Iterable<GraphRelation> {
    for (const r of this.#relations.values()) if (this.#attached(r)) yield r;
  }

  getEntity(id: string): GraphEntity | undefined {
    return this.#entities.get(id);
  }

  getRelation(id: string): GraphRelation | undefined {
    const r = this.#relations.get(id);
    return r && this.#attached(r) ? r : undefined;
  }

  onDidChange(listener: (change: GraphChange) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  /** Adds or replaces entities and relations, then reports one change. */
  put(snapshot: Partial<GraphSnapshot>): void {
    const ea: string[] = [];
    const ec: string[] = [];
    const ra: string[] = [];
    const rc: string[] = [];
    for (const e of snapshot.entities ?? []) {
      (this.#entities.has(e.id) ? ec : ea).push(e.id);
      this.#entities.set(e.id, e);
    }
    for (const r of snapshot.relations ?? []) {
      (this.#relations.has(r.id) ? rc : ra).push(r.id);
      this.#relations.set(r.id, r);
    }
    this.#emit({
      entities: { added: ea, changed: ec, removed: none },
      relations: { added: ra, changed: rc, removed: none },
    });
  }

  /** Removes entities (and the relations touching them) and relations by id. */
  remove(ids: { entities?: readonly string[]; relations?: readonly string[] }): void {
    const er = (ids.entities ?? []).filter((id) => this.#entities.delete(id));
    const gone = new Set(er);
    const rr = (ids.relations ?? []).filter((id) => this.#relations.delete(id));
    for (const [id, r] of this.#relations)
      if (gone.has(r.from) || gone.has(r.to)) {
        this.#relations.delete(id);
        rr.push(id);
      }
    this.#emit({
      entities: { added: none, changed: none, removed: er },
      relations: { added: none, changed: none, removed: rr },
    });
  }

  /** Copies the current graph as plain data. */
  snapshot(): GraphSnapshot {
    return { entities: [...this.entities()], relations: [...this.relations()] };
  }

  #attached(r: GraphRelation): boolean {
    return this.#entities.has(r.from) && this.#entities.has(r.to);
  }

  #emit(change: GraphChange): void {
    for (const l of [...this.#listeners]) l(change);
  }
}
