import type { Event } from './event.ts';

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
 * Co-edited documents. Reading needs `documents.read`, creating `documents.write`.
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
  /** Opens the document in the editor area. */
  open(id: string): Promise<void>;
  /** Fires when a document is opened in the editor area. */
  readonly onDidOpen: Event<DocumentInfo>;
}
