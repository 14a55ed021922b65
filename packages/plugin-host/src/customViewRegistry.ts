import {
  type CustomViewProvider,
  type Disposable,
  Emitter,
  editorMatch,
  toDisposable,
} from '@repertoire/plugin-api';
import { DuplicateContributionError, pluginContributor } from './duplicates.ts';

/** A custom view as the workbench finds it: the view, its plugin and its provider. */
export interface CustomViewEntry {
  /** The declared view id. */
  readonly viewId: string;
  /** The plugin that renders it. */
  readonly pluginId: string;
  /** Mounts the view into the workbench's element. */
  readonly provider: CustomViewProvider;
}

/**
 * Views that trusted in-page plugins render with their own DOM, by view id. The workbench mounts
 * them; the host only keeps them, so a disabled plugin's views disappear with it.
 */
export class CustomViewRegistry {
  readonly #entries = new Map<string, CustomViewEntry>();
  readonly #onDidChange = new Emitter<string>();
  /** Fires with a view id when its custom view is registered or removed. */
  readonly onDidChange = this.#onDidChange.event;

  /** Registers a plugin's custom view; one per view. */
  register(viewId: string, pluginId: string, provider: CustomViewProvider): Disposable {
    const existing = this.#entries.get(viewId);
    if (existing)
      throw new DuplicateContributionError(
        'a custom view for',
        viewId,
        pluginContributor(existing.pluginId),
        pluginContributor(pluginId),
      );
    const entry = { viewId, pluginId, provider };
    this.#entries.set(viewId, entry);
    this.#onDidChange.fire(viewId);
    return toDisposable(() => {
      if (this.#entries.get(viewId) !== entry) return;
      this.#entries.delete(viewId);
      this.#onDidChange.fire(viewId);
    });
  }

  /** The custom view of a view id, if one is registered. */
  get(viewId: string): CustomViewEntry | undefined {
    return this.#entries.get(viewId);
  }

  /** The registered view that edits co-edited documents, if any. */
  documentEditor(): CustomViewEntry | undefined {
    for (const entry of this.#entries.values())
      if (entry.provider.documentEditor || entry.provider.editorFor?.documents) return entry;
    return undefined;
  }

  /**
   * The registered view that edits entities of `kind` (its page): one naming the kind before one
   * for every kind, the first registered among equals.
   */
  entityEditor(kind: string): CustomViewEntry | undefined {
    let best: CustomViewEntry | undefined;
    let score = 0;
    for (const entry of this.#entries.values()) {
      const match = editorMatch(entry.provider.editorFor, kind);
      if (match > score) [best, score] = [entry, match];
    }
    return best;
  }

  /** How many custom views are registered (for leak checks). */
  get size(): number {
    return this.#entries.size;
  }
}
