import type { Disposable, Event } from '@repertoire/base';
import type { CustomViewProvider } from './customViews.ts';
import type { DeclarativeViewContent, FormSubmitResult, FormValues } from './declarativeViews.ts';
import type { JsonValue } from './json.ts';

/** A row of a tree view. */
export interface TreeItem {
  /** Stable id within the view. */
  id: string;
  /** The text shown. */
  label: string;
  /** Dimmer text after the label. */
  description?: string;
  /** Icon name. */
  icon?: string;
  /** The entity this row stands for: clicking opens it, the context menu is the entity's. */
  entityId?: string;
  /** A command to run on click, with serializable arguments. */
  command?: { id: string; args?: JsonValue[] };
  /** Child rows. */
  children?: TreeItem[];
}

/**
 * What a view shows, as serializable data the workbench renders, so views work the same from a
 * Worker as from the page.
 */
export type ViewContent =
  | { type: 'tree'; items: TreeItem[] }
  | { type: 'markdown'; markdown: string }
  | {
      type: 'table';
      columns: { key: string; label: string }[];
      rows: Record<string, JsonValue>[];
    }
  | DeclarativeViewContent;

/** Supplies a view's content. */
export interface ViewProvider {
  /** Computes the content; called when the view opens and after each `onDidChange`. */
  resolve(): ViewContent | Promise<ViewContent>;
  /** Fire to make the workbench call `resolve` again. */
  onDidChange?: Event<void>;
  /**
   * Receives a form view's values when the member submits it (since 1.4), already checked by the
   * host against the form's fields. Throw to show an error under the form (nothing is cleared);
   * return `{ message }` to confirm. Fire `onDidChange` to show new content afterwards.
   */
  submit?(values: FormValues): void | FormSubmitResult | Promise<void | FormSubmitResult>;
}

/** Views declared in `contributes.views`. */
export interface ViewsApi {
  /** Supplies the content of a declared view. Dispose to unregister. */
  registerViewProvider(viewId: string, provider: ViewProvider): Disposable;
  /**
   * Renders a declared view with the plugin's own DOM (an editor, a graph canvas). Only trusted
   * in-page plugins may: a sandboxed plugin's call throws. Dispose to unregister.
   */
  registerCustomView(viewId: string, provider: CustomViewProvider): Disposable;
}
