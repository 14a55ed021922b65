import type { EntityId } from '@repertoire/schema';
import MiniSearch from 'minisearch';

/** Options of a title search. */
export interface TitleSearchOptions {
  /** Only entities of these kinds. */
  kinds?: readonly string[];
  /** At most this many hits (default 20). */
  limit?: number;
  /** Edit distance allowed per term, as a fraction of its length (default 0.2; 0 for exact terms). */
  fuzzy?: number;
  /** Whether the last terms match as prefixes (default true, for type-ahead). */
  prefix?: boolean;
}

/** One search hit, best first. */
export interface TitleSearchHit {
  id: EntityId;
  kind: string;
  title: string;
  score: number;
}

interface TitleDoc {
  id: string;
  title: string;
}

/**
 * Prefix and fuzzy search over entity titles (MiniSearch), updated one title at a time. Removed
 * titles are discarded lazily, which MiniSearch vacuums in the background of later writes.
 */
export class TitleSearch {
  private readonly search = new MiniSearch<TitleDoc>({ fields: ['title'], storeFields: [] });

  /** Adds or replaces the title of `id`. */
  set(id: string, title: string): void {
    if (this.search.has(id)) this.search.discard(id);
    this.search.add({ id, title });
  }

  /** Forgets `id`. */
  delete(id: string): void {
    if (this.search.has(id)) this.search.discard(id);
  }

  /** Ids matching `query` with their scores, best first, filtered by `accept`. */
  query(
    query: string,
    options: TitleSearchOptions,
    accept: (id: string) => boolean,
  ): { id: string; score: number }[] {
    if (query.trim().length === 0) return [];
    const hits = this.search.search(query, {
      prefix: options.prefix ?? true,
      fuzzy: options.fuzzy ?? 0.2,
      combineWith: 'AND',
      filter: (r) => accept(r.id as string),
    });
    return hits.slice(0, options.limit ?? 20).map((h) => ({ id: h.id as string, score: h.score }));
  }
}
