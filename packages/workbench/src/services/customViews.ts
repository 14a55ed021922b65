import type { CustomViewEditorFor } from '@repertoire/plugin-api';
import type { Disposable } from './disposable.ts';

/** Where a custom view is mounted: on an entity or none, in its own place or inside another view. */
export interface CustomViewTarget {
  /** The entity the view shows, if any. */
  readonly entityId?: string;
  /** True when another view embeds it (the document editor inside an entity page). */
  readonly embedded?: boolean;
}

/**
 * A view that renders its own DOM (a plugin's editor or graph canvas), keyed by view id. The
 * workbench mounts it wherever the view is shown: a side bar, a tab, or an entity's page.
 */
export interface CustomView {
  /** The view id it renders. */
  readonly id: string;
  /** Whether it edits co-edited documents (shown for `doc:<id>` tabs and on documents' pages). */
  readonly documentEditor?: boolean;
  /** What else it is the editor of: entity pages of all or some kinds (see the plugin API). */
  readonly editorFor?: CustomViewEditorFor;
  /** Whether it is the editor area's welcome, shown when no tab is open (API 1.5). */
  readonly welcome?: boolean;
  /**
   * Renders into `element` for `target`: the entity it shows, if any, and whether another view
   * embeds it (a document inside an entity page). Dispose to remove it.
   */
  mount(element: HTMLElement, target: CustomViewTarget): Disposable;
}
