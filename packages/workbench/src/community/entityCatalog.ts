import type { Workspace } from '@repertoire/core';
import { compareEntities, naturalCompare } from '@repertoire/plugin-api';
import type { Entity, EntityKindDefinition } from '@repertoire/schema';
import { type Disposable, toDisposable } from '../services/disposable.ts';

/** Entities grouped by kind in list order (dated kinds newest first, then by title), for lists; kept current from change events. */
export interface KindGroup {
  readonly kind: string;
  readonly definition: EntityKindDefinition | undefined;
  readonly entities: readonly Entity[];
}

// Natural order ("Meeting 2" before "Meeting 10"); meetings and other dated kinds newest first.
const byTitle = (a: Entity, b: Entity) => naturalCompare(a.title, b.title);
const inListOrder = (a: Entity, b: Entity) => compareEntities(a, b);

/**
 * A read model of the workspace for the UI: entities grouped by kind, re-sorted only for the kinds
 * a change touched, with a version number that React subscribes to.
 */
export class EntityCatalog {
  readonly workspace: Workspace;
  #groups = new Map<string, Entity[]>();
  #version = 0;
  readonly #listeners = new Set<() => void>();
  readonly #subscription: Disposable;

  constructor(workspace: Workspace) {
    this.workspace = workspace;
    this.#rebuild();
    const onChange = workspace.onDidChange((event) => {
      const touched = new Set<string>();
      for (const id of [...event.entities.added, ...event.entities.updated]) {
        const e = workspace.getEntity(id);
        if (e) touched.add(e.kind);
      }
      if (event.entities.removed.length > 0 || event.entities.updated.length > 0) {
        // A removed (or re-kinded) entity: find which groups held it.
        const gone = new Set<string>([...event.entities.removed, ...event.entities.updated]);
        for (const [kind, list] of this.#groups)
          if (list.some((e) => gone.has(e.id))) touched.add(kind);
      }
      if (touched.size === 0 && event.relations.added.length + event.relations.removed.length === 0)
        return;
      for (const kind of touched) {
        const list = workspace.entities(kind).sort(inListOrder);
        if (list.length) this.#groups.set(kind, list);
        else this.#groups.delete(kind);
      }
      this.#bump();
    });
    const onKinds = workspace.kinds.onDidChange(() => this.#bump());
    this.#subscription = toDisposable(() => {
      onChange.dispose();
      onKinds.dispose();
    });
  }

  /** Increments on every change; the snapshot React compares. */
  get version(): number {
    return this.#version;
  }

  /** Calls `listener` after every change. */
  onDidChange(listener: () => void): Disposable {
    this.#listeners.add(listener);
    return toDisposable(() => this.#listeners.delete(listener));
  }

  /** Every kind with entities or a registered definition, in the definitions' order. */
  groups(): KindGroup[] {
    const defs = this.workspace.kinds.entityKinds();
    const kinds = [...new Set([...defs.map((d) => d.kind), ...this.#groups.keys()])];
    return kinds.map((kind) => ({
      kind,
      definition: defs.find((d) => d.kind === kind),
      entities: this.#groups.get(kind) ?? [],
    }));
  }

  /** How many entities the workspace holds. */
  size(): number {
    let n = 0;
    for (const list of this.#groups.values()) n += list.length;
    return n;
  }

  /** Entities whose title fuzzily matches `query`, best first. */
  search(query: string, limit: number): Entity[] {
    const q = query.toLowerCase();
    const scored: { e: Entity; s: number }[] = [];
    for (const list of this.#groups.values())
      for (const e of list) {
        const s = fuzzyScore(e.title.toLowerCase(), q);
        if (s > 0) scored.push({ e, s });
      }
    scored.sort((a, b) => b.s - a.s || byTitle(a.e, b.e));
    return scored.slice(0, limit).map((x) => x.e);
  }

  /** Stops following the workspace. */
  dispose(): void {
    this.#subscription.dispose();
  }

  #rebuild(): void {
    const groups = new Map<string, Entity[]>();
    for (const e of this.workspace.entities()) {
      const list = groups.get(e.kind) ?? [];
      list.push(e);
      groups.set(e.kind, list);
    }
    for (const list of groups.values()) list.sort(inListOrder);
    this.#groups = groups;
  }

  #bump(): void {
    this.#version++;
    for (const l of [...this.#listeners]) l();
  }
}

/**
 * Scores how well `query` matches `text` as a subsequence: 0 when it does not; higher for a
 * prefix, word starts and consecutive letters (what people expect from Ctrl+P).
 */
export function fuzzyScore(text: string, query: string): number {
  if (!query) return 1;
  if (text.startsWith(query)) return 1000 - text.length;
  const at = text.indexOf(query);
  if (at >= 0) return 500 - at - text.length / 100;
  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of query) {
    const found = text.indexOf(ch, ti);
    if (found < 0) return 0;
    run = found === ti ? run + 1 : 0;
    const wordStart = found === 0 || text[found - 1] === ' ' || text[found - 1] === '-';
    score += 1 + run * 2 + (wordStart ? 3 : 0);
    ti = found + 1;
  }
  return score;
}
