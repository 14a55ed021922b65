import type { CustomViewEditorFor } from '@repertoire/plugin-api';
import type { Disposable } from './disposable.ts';

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
  /** Renders into `element` for `target` (the entity it shows, if any); dispose to remove it. */
  mount(element: HTMLElement, target: { readonly entityId?: string }): Disposable;
}
