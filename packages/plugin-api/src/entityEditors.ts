import type { Event } from '@repertoire/base';

/**
 * What an editor-area custom view is the editor of (since 1.4): the workbench shows it, with
 * `context.entityId` set, wherever one of these is opened. `window.openEntity(id)` (and a click
 * on an entity anywhere) opens the view that edits that entity's kind.
 */
export interface CustomViewEditorFor {
  /**
   * Entity pages: `'*'` for every kind, or the kinds named (`['meeting']`). A view naming the
   * entity's kind wins over one for every kind; among equals the first registered wins.
   */
  readonly entities?: '*' | readonly string[];
  /**
   * Co-edited documents: the view shows an entity's document in its own tab and inside entity
   * pages ({@link CustomViewContext.mountDocumentEditor}). What `documentEditor: true` means.
   */
  readonly documents?: boolean;
  /**
   * The editor area's welcome (since 1.5): the view fills the editor area, opened on no entity,
   * whenever no tab is open, where VS Code shows its start page. The first registered wins; with
   * none the area stays blank.
   */
  readonly welcome?: boolean;
}

/**
 * The workbench's editor tabs, as far as entities go (since 1.4). Reading which entity is open
 * needs `graph.read`.
 */
export interface EditorsApi {
  /** The entity whose page or document is in the active tab, or undefined (a view, no tab). */
  activeEntity(): Promise<string | undefined>;
  /** Fires with the active tab's entity (or undefined) whenever the active tab changes. */
  readonly onDidChangeActiveEntity: Event<string | undefined>;
  /** Closes every tab showing this entity (its page, its document), e.g. after deleting it. */
  closeEntity(id: string): Promise<void>;
}

/** Matches an entity kind against what a view edits; higher is a better match, 0 none (since 1.4). */
export function editorMatch(editorFor: CustomViewEditorFor | undefined, kind: string): number {
  const entities = editorFor?.entities;
  if (entities === '*') return 1;
  return entities?.includes(kind) ? 2 : 0;
}
