import type { Disposable } from '@repertoire/base';

/** One result a quick open provider offers (since 1.4). */
export interface QuickOpenResult {
  /** Unique within the provider; {@link QuickOpenProvider.open} receives it. */
  readonly id: string;
  /** What the member reads, e.g. an entity's title. */
  readonly label: string;
  /** Shown beside the label, e.g. the entity's kind. */
  readonly description?: string;
  /** A Lucide icon name. */
  readonly icon?: string;
}

/** Answers quick open (Ctrl/Cmd+P) for what the member types (since 1.4). */
export interface QuickOpenProvider {
  /** A heading shown above this provider's results. */
  readonly title: string;
  /** At most `limit` results for `query` (trimmed; empty when nothing is typed yet). */
  search(query: string, limit: number): QuickOpenResult[] | Promise<QuickOpenResult[]>;
  /** The member picked one of the results. */
  open(resultId: string): void | Promise<void>;
}

/** Quick open ("Go to…"): the workbench asks every registered provider (since 1.4). */
export interface QuickOpenApi {
  /**
   * Adds a provider under `id` (unique among all plugins; the host refuses a second one, naming
   * both). Needs no permission: it only answers what the member types.
   */
  registerProvider(id: string, provider: QuickOpenProvider): Disposable;
}
