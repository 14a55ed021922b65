import { type EntityId, parseRelationId, type RelationId } from '@repertoire/schema';
import type * as Y from 'yjs';
import type { StoredRelation } from './graphDoc.ts';

/**
 * Which relation keys touch each entity, kept up to date from the relations map's events, so that
 * deleting an entity finds its relations without scanning every relation.
 */
export class Incidence {
  private readonly byEntity = new Map<string, Set<RelationId>>();
  private readonly relations: Y.Map<StoredRelation>;
  private readonly observer = (event: Y.YMapEvent<StoredRelation>) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'add') this.add(key);
      else if (change.action === 'delete') this.remove(key);
    }
  };

  constructor(relations: Y.Map<StoredRelation>) {
    this.relations = relations;
    for (const key of relations.keys()) this.add(key);
    relations.observe(this.observer);
  }

  /** Keys of every stored relation with `id` at either end (dangling ones included). */
  of(id: EntityId): ReadonlySet<RelationId> {
    return this.byEntity.get(id) ?? EMPTY;
  }

  /** Stops following the relations map. */
  dispose(): void {
    this.relations.unobserve(this.observer);
  }

  private add(key: string): void {
    const ends = parseRelationId(key);
    if (!ends) return;
    for (const end of [ends.from, ends.to]) {
      let set = this.byEntity.get(end);
      if (!set) {
        set = new Set();
        this.byEntity.set(end, set);
      }
      set.add(key as RelationId);
    }
  }

  private remove(key: string): void {
    const ends = parseRelationId(key);
    if (!ends) return;
    for (const end of [ends.from, ends.to]) {
      const set = this.byEntity.get(end);
      set?.delete(key as RelationId);
      if (set?.size === 0) this.byEntity.delete(end);
    }
  }
}

const EMPTY: ReadonlySet<RelationId> = new Set();
