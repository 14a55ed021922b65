import type { Disposable, Event } from '@repertoire/base';
import type { JsonObject } from './json.ts';

/** A co-edited document, as plugins see it. Its content is a collaborative rich-text document. */
export interface DocumentInfo {
  /** The document's id (its entity id in the graph). */
  readonly id: string;
  /** The document's title. */
  readonly title: string;
  /** The entity that owns the document (an artifact, a meeting's notes), if any. */
  readonly ownerId?: string;
}

/** Options to create a document. */
export interface NewDocument {
  /** The title. */
  title: string;
  /** An entity that owns it, e.g. the artifact or meeting it belongs to. */
  ownerId?: string;
  /** Initial plain text, one paragraph per line. */
  text?: string;
}

/**
 * A co-edited document's live content, bound by the host: the host keeps the connection and the
 * document itself, and the plugin keeps its own copy in step through Yjs updates (binary,
 * serializable, so the same binding works in the page and in the sandbox). Build a `Y.Doc` from
 * it like this:
 *
 * ```ts
 * const live = await context.documents.openLive(id);
 * const doc = new Y.Doc();
 * live.onDidUpdate((update) => Y.applyUpdate(doc, update, live)); // subscribe first,
 * Y.applyUpdate(doc, await live.state(), live); // then read: updates apply idempotently
 * doc.on('update', (update, origin) => origin !== live && void live.update(update));
 * ```
 *
 * Reading needs `documents.read`; {@link LiveDocument.update}, {@link LiveDocument.setPresence}
 * and {@link LiveDocument.setMentions} need `documents.write` and a member who may edit. Dispose
 * it when done; the host closes the connection when nobody holds the document any more.
 */
export interface LiveDocument extends Disposable {
  /** The document's id (its entity id). */
  readonly id: string;
  /**
   * Whether {@link LiveDocument.update} can succeed: the plugin has `documents.write` and the
   * member is not a viewer. A view should not offer editing when false.
   */
  readonly writable: boolean;
  /** Resolves when the content can be shown (from the offline cache or the server). */
  readonly whenLoaded: Promise<void>;
  /**
   * Resolves after the first full sync with the server (at reconnect when opened offline). Derive
   * shared facts (mentions) from the content only after it: an empty offline cache loads at once.
   */
  readonly whenSynced: Promise<void>;
  /** The whole document now, as one Yjs update. */
  state(): Promise<Uint8Array>;
  /** Fires with each change made elsewhere (another member, another view), as a Yjs update. */
  readonly onDidUpdate: Event<Uint8Array>;
  /**
   * Applies a change the plugin made to its copy (a Yjs update) to the shared document. Rejects,
   * changing nothing, without `documents.write`, for a viewer, after dispose, or for bytes that
   * are not a Yjs update.
   */
  update(update: Uint8Array): Promise<void>;
  /**
   * Where the other members are in the document (cursors, names), as a `y-protocols` awareness
   * update to apply to the copy's awareness; the member's own state is never included.
   */
  presence(): Promise<Uint8Array>;
  /** Fires when another member's presence changes, with an awareness update. */
  readonly onDidChangePresence: Event<Uint8Array>;
  /**
   * Publishes this member's presence (the copy's awareness local state: cursor, name, colour),
   * or `null` to leave. Silently ignored when the document is not writable.
   */
  setPresence(state: JsonObject | null): void;
  /**
   * Records which entities the document mentions now (the full list), as `mentions` relations
   * from the document; idempotent. Rejects when the document is not writable.
   */
  setMentions(entityIds: readonly string[]): Promise<void>;
}

/** A named version of a document, as the server's history keeps it. */
export interface DocumentVersionInfo {
  /** The version's id. */
  readonly id: string;
  /** The name it was saved under. */
  readonly name: string;
  /** When it was saved (ISO 8601). */
  readonly createdAt: string;
  /** Id of the member who saved it. */
  readonly createdBy: string;
}

/**
 * Co-edited documents. Reading (listing, text, live content, versions) needs `documents.read`;
 * creating, changing and saving versions `documents.write`.
 */
export interface DocumentsApi {
  /** Every document of the workspace. */
  list(): Promise<DocumentInfo[]>;
  /**
   * Creates a document and returns it: with `ownerId`, the owner entity gets the document (an
   * artifact's text, a meeting's notes); without, a new artifact owning it is created.
   */
  create(options: NewDocument): Promise<DocumentInfo>;
  /** The document's text as plain text, paragraphs separated by newlines. */
  getText(id: string): Promise<string>;
  /**
   * Binds the document's live content (see {@link LiveDocument}); resolves once it has loaded.
   * Rejects for an entity without a document, and where no live documents are available.
   */
  openLive(id: string): Promise<LiveDocument>;
  /** The document's named versions, oldest first. Needs `documents.read`. */
  versions(id: string): Promise<DocumentVersionInfo[]>;
  /** Saves the document as it is now as a named version. Needs `documents.write`. */
  saveVersion(id: string, name: string): Promise<DocumentVersionInfo>;
  /** The document as it was at a version, as one Yjs update. Needs `documents.read`. */
  loadVersion(id: string, versionId: string): Promise<Uint8Array>;
  /** Opens the document in the editor area. */
  open(id: string): Promise<void>;
  /** Fires when a document is opened in the editor area. */
  readonly onDidOpen: Event<DocumentInfo>;
}
