import type { Disposable } from './disposable.ts';
import type { Event } from './event.ts';

/**
 * The DOM element a custom view renders into: an `HTMLElement` in the page. The API carries no DOM
 * types (it also compiles for Worker plugins), so a plugin casts it: `element as HTMLElement`.
 */
export interface CustomViewElement {
  /** Always 1 (an element node). */
  readonly nodeType: number;
}

/** The member using this window, as a custom view shows them (cursors, presence). */
export interface CustomViewMember {
  /** The member's user id. */
  readonly id: string;
  /** Their display name. */
  readonly name: string;
  /** Their presence colour (CSS), the same on every screen and for every member. */
  readonly colour: string;
}

/**
 * A co-edited document's live content, connected through the window's sync session (the same
 * WebSocket as the graph, cached offline). Dispose it when the view unmounts; the connection
 * closes when nobody holds the document any more.
 */
export interface LiveDocument extends Disposable {
  /** The document's id (its entity id). */
  readonly id: string;
  /** The sync name, `<workspace>/doc/<id>`. */
  readonly name: string;
  /** The document's Yjs `Y.Doc` (typed loosely: the API does not depend on Yjs). */
  readonly doc: object;
  /**
   * Its `HocuspocusProvider` (typed loosely): awareness for cursors and presence, `synced`
   * events. The connection is shared with other documents, so never connect or disconnect it.
   */
  readonly provider: object;
  /** Resolves when the content can be shown (from the offline cache or the server). */
  readonly whenLoaded: Promise<void>;
  /**
   * Resolves after the first full sync with the server (at reconnect when opened offline). Derive
   * shared facts (mentions) from the content only after it: an empty offline cache loads at once.
   */
  readonly whenSynced: Promise<void>;
  /**
   * Records which entities the document mentions now (the full list), as `mentions` relations
   * from the document; idempotent, and a no-op for a viewer.
   */
  setMentions(entityIds: readonly string[]): void;
}

/** What a custom view receives when the workbench shows it. */
export interface CustomViewContext {
  /** The entity the view was opened for (a document view opened on a document), if any. */
  readonly entityId?: string;
  /** The member using this window. */
  readonly member: CustomViewMember;
  /** Whether the member may only read (a viewer); the view must not offer editing then. */
  readonly readOnly: boolean;
  /** The workbench's colour theme now. */
  readonly theme: 'light' | 'dark';
  /** Fires when the theme changes. */
  readonly onDidChangeTheme: Event<'light' | 'dark'>;
  /** Opens a document's live content; see {@link LiveDocument}. Rejects for a non-document. */
  openDocument(id: string): LiveDocument;
  /** Opens an entity's page (or, for a document, its editor) in the editor area. */
  openEntity(id: string): void;
}

/**
 * A view that renders its own DOM: only trusted in-page (built-in) plugins may register one; a
 * sandboxed plugin gets a clear error and should use a data view ({@link ViewProvider}) instead.
 */
export interface CustomViewProvider {
  /**
   * Renders the view into `element`, which the workbench owns; the returned Disposable must remove
   * everything the view put there. Called each time the view is shown.
   */
  mount(element: CustomViewElement, context: CustomViewContext): Disposable;
  /**
   * Marks an editor-area view as the editor of co-edited documents: the workbench then shows it
   * when a document is opened and on the page of every entity that has a document, with
   * `context.entityId` set to that entity.
   */
  readonly documentEditor?: boolean;
}
