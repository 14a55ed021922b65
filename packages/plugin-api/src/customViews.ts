import type { Disposable, Event } from '@repertoire/base';
import type { CustomViewEditorFor } from './entityEditors.ts';

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
  /** Opens an entity's page (or, for a document, its editor) in the editor area. */
  openEntity(id: string): void;
  /**
   * Opens a declared editor-area view in its tab (since 1.3): a home section's "open the full
   * page" button, say. An unknown view id opens a tab that says so.
   */
  openView(viewId: string): void;
  /**
   * Mounts into `element` the sections plugins contribute to the community's home page (views
   * declared with `location: "home"`, since 1.3), in their `order`, each in its own element
   * marked `data-home-section="<view id>"`; a section appears or leaves as its plugin is enabled
   * or disabled. Only the view that is the home page calls it. Dispose to remove them all.
   */
  mountHomeSections(element: CustomViewElement): Disposable;
  /**
   * Why the member may only read, in words to show them (a viewer's role, a lost connection),
   * when `readOnly` is true (since 1.4).
   */
  readonly readOnlyReason?: string;
  /**
   * Mounts into `element` the editor of an entity's co-edited document (the view registered with
   * `editorFor: { documents: true }`), as an entity page embeds its document (since 1.4). Shows a
   * note saying which plugin to enable when no document editor is. Dispose to remove it.
   */
  mountDocumentEditor(element: CustomViewElement, entityId: string): Disposable;
  /**
   * The other members looking at the same entity as this view now (its page or its document), in
   * other windows (since 1.4); empty for a view opened on no entity. Here a member's `id` names
   * their window, since one member may look from two.
   */
  peers(): readonly CustomViewMember[];
  /** Fires when {@link CustomViewContext.peers} changes (since 1.4). */
  readonly onDidChangePeers: Event<readonly CustomViewMember[]>;
  /**
   * True when another view embeds this one (since 1.5): the document editor inside an entity
   * page, through {@link CustomViewContext.mountDocumentEditor}. An embedded view leaves out what
   * its own tab shows around it (a title, the read-only banner); the embedding page shows those.
   */
  readonly embedded?: boolean;
}

/**
 * A view that renders its own DOM: only trusted in-page (built-in) plugins may register one; a
 * sandboxed plugin gets a clear error and should use a data view ({@link ViewProvider}) instead.
 * It is a container: it gets its element and a {@link CustomViewContext} of plain data, and does
 * everything else (documents, the graph) through the plugin's own API object, with its permissions.
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
  /**
   * What this editor-area view is the editor of (since 1.4): entity pages of every kind or of the
   * kinds named, co-edited documents (their own tab, and embedded in pages), or both; since 1.5
   * also the empty editor area (`welcome`). `documentEditor: true` is short for
   * `editorFor: { documents: true }`.
   */
  readonly editorFor?: CustomViewEditorFor;
}
