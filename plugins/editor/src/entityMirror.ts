import type { CreatableKind, EntityDirectory, EntityHit } from '@repertoire/editor';
import type { Disposable, GraphApi } from '@repertoire/plugin-api';

/** Kinds `[[New title]]` may create, when their plugins are enabled. */
const CREATABLE = ['practice', 'problem', 'artifact'];

const score = (title: string, query: string): number => {
  const t = title.toLowerCase();
  const q = query.toLowerCase();
  const at = t.indexOf(q);
  if (at === 0) return 3;
  if (at > 0) return t[at - 1] === ' ' ? 2 : 1;
  // Letters in order (“lw” finds “Learning walks”).
  let i = 0;
  for (const c of t) if (c === q[i]) i++;
  return i === q.length ? 0.5 : 0;
};

/**
 * The editor's {@link EntityDirectory} over the plugin API: a small in-memory copy of every
 * entity's id, kind and title, kept current from the graph's change events, so the `@` and `[[`
 * typeahead and the chips answer synchronously as the editor needs.
 */
export class EntityMirror implements EntityDirectory, Disposable {
  readonly #graph: GraphApi;
  readonly #entities = new Map<string, EntityHit>();
  readonly #listeners = new Set<() => void>();
  readonly #subscription: Disposable;
  #creatable: CreatableKind[] = [];
  #open: ((id: string) => void) | undefined;
  /** Resolves once the first copy has loaded. */
  readonly whenLoaded: Promise<void>;

  constructor(graph: GraphApi) {
    this.#graph = graph;
    // The change deltas carry the new values: the mirror never reads the graph again.
    this.#subscription = graph.onDidChange((change) => {
      for (const id of change.entitiesRemoved) this.#entities.delete(id);
      for (const e of change.entities)
        this.#entities.set(e.id, { id: e.id, kind: e.kind, title: e.title });
      if (change.entitiesRemoved.length + change.entities.length > 0) this.#fire();
    });
    this.whenLoaded = Promise.all([graph.entities(), graph.entityKinds()]).then(
      ([entities, kinds]) => {
        for (const e of entities)
          this.#entities.set(e.id, { id: e.id, kind: e.kind, title: e.title });
        this.#creatable = kinds
          .filter((k) => CREATABLE.includes(k.kind))
          .map((k) => ({ kind: k.kind, label: k.label.toLowerCase() }));
        this.#fire();
      },
    );
  }

  /** Sets what clicking a chip does (the workbench opens the entity). */
  setOpener(open: ((id: string) => void) | undefined): void {
    this.#open = open;
  }

  search(query: string, options?: { kinds?: readonly string[]; limit?: number }): EntityHit[] {
    const q = query.trim();
    const hits: [EntityHit, number][] = [];
    for (const e of this.#entities.values()) {
      if (options?.kinds && !options.kinds.includes(e.kind)) continue;
      const s = q === '' ? 1 : score(e.title, q);
      if (s > 0) hits.push([e, s]);
    }
    hits.sort((a, b) => b[1] - a[1] || a[0].title.localeCompare(b[0].title));
    return hits.slice(0, options?.limit ?? 20).map(([e]) => e);
  }

  get(id: string): EntityHit | undefined {
    return this.#entities.get(id);
  }

  onDidChange(listener: () => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  creatableKinds(): readonly CreatableKind[] {
    return this.#creatable;
  }

  async create(kind: string, title: string): Promise<EntityHit> {
    const result = await this.#graph.transact((tx) => tx.createEntity({ kind, title }));
    const id = result.created[0];
    if (!id) throw new Error(`Creating the ${kind} “${title}” failed.`);
    const hit = { id, kind, title };
    this.#entities.set(id, hit);
    this.#fire();
    return hit;
  }

  open(id: string): void {
    this.#open?.(id);
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#listeners.clear();
  }

  #fire(): void {
    for (const l of [...this.#listeners]) l();
  }
}
