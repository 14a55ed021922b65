/** One result in quick open (Ctrl/Cmd+P). */
export interface QuickOpenItem {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly icon?: string;
  /** What happens when it is picked. */
  readonly run: () => void;
}

/**
 * Supplies quick open results for a query, e.g. the community's entities by title; plugins'
 * providers (`quickOpen.registerProvider`) answer asynchronously.
 */
export interface QuickOpenProvider {
  readonly id: string;
  /** A heading shown above this provider's results. */
  readonly title: string;
  search(
    query: string,
    limit: number,
  ): readonly QuickOpenItem[] | Promise<readonly QuickOpenItem[]>;
}
