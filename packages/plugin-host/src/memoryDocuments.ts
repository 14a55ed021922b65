import type { DocumentVersionInfo } from '@repertoire/plugin-api';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentVersionsBackend, LiveDocumentSource } from './services.ts';

/**
 * Live documents and their versions kept in memory, for a headless host (tests, scripts): each
 * document is a real `Y.Doc` with a real awareness, as the sync client would hold it, so a test
 * can edit it "as another member" and watch a plugin's binding follow.
 */
export class MemoryLiveDocuments {
  readonly #docs = new Map<string, { doc: Y.Doc; awareness: Awareness }>();
  readonly #versions = new Map<string, { info: DocumentVersionInfo; update: Uint8Array }[]>();
  readonly #mentions = new Map<string, readonly string[]>();
  #opened = 0;
  /** Whether the member may edit (false: a viewer). */
  canEdit = true;

  /**
   * @param isDocument Whether an id has a co-edited document (the workspace's registry).
   * @param user Who saves versions.
   */
  readonly #isDocument: (id: string) => boolean;
  readonly #user: string;

  constructor(isDocument: (id: string) => boolean = () => true, user = 'user') {
    this.#isDocument = isDocument;
    this.#user = user;
  }

  /** The shared document and awareness of `id` (created on first use). */
  document(id: string): { doc: Y.Doc; awareness: Awareness } {
    let held = this.#docs.get(id);
    if (!held) {
      const doc = new Y.Doc();
      held = { doc, awareness: new Awareness(doc) };
      this.#docs.set(id, held);
    }
    return held;
  }

  /** The mentions last recorded for a document. */
  mentions(id: string): readonly string[] {
    return this.#mentions.get(id) ?? [];
  }

  /** How many bindings are open now (for leak checks). */
  get openCount(): number {
    return this.#opened;
  }

  /** The host's `DocumentBackend.openLive`. */
  readonly openLive = (id: string): LiveDocumentSource => {
    if (!this.#isDocument(id)) throw new Error(`"${id}" has no co-edited document.`);
    const { doc, awareness } = this.document(id);
    this.#opened += 1;
    let released = false;
    return {
      doc,
      awareness,
      whenLoaded: Promise.resolve(),
      whenSynced: Promise.resolve(),
      canEdit: () => this.canEdit,
      setMentions: (entityIds) => {
        this.#mentions.set(id, [...entityIds]);
      },
      release: () => {
        if (released) return;
        released = true;
        this.#opened -= 1;
      },
    };
  };

  /** The host's `DocumentBackend.versions`. */
  readonly versions: DocumentVersionsBackend = {
    list: async (id) => (this.#versions.get(id) ?? []).map((v) => v.info),
    save: async (id, name) => {
      const list = this.#versions.get(id) ?? [];
      const info = {
        id: `v${list.length + 1}`,
        name,
        createdAt: new Date().toISOString(),
        createdBy: this.#user,
      };
      list.push({ info, update: Y.encodeStateAsUpdate(this.document(id).doc) });
      this.#versions.set(id, list);
      return info;
    },
    load: async (id, versionId) => {
      const found = this.#versions.get(id)?.find((v) => v.info.id === versionId);
      if (!found) throw new Error(`Document ${id} has no version ${versionId}.`);
      return found.update;
    },
  };
}
