import { $generateHtmlFromNodes } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $parseSerializedNode,
  type LexicalEditor,
  type SerializedEditorState,
} from 'lexical';
import * as Y from 'yjs';
import { createDocumentEditor } from '../headlessEditor.ts';
import { bindEditorToYDoc } from './headlessCollab.ts';

/** A named version of a document, as the server's history keeps it. */
export interface DocumentVersionInfo {
  id: string;
  name: string;
  /** ISO time it was saved. */
  createdAt: string;
  /** Id of the member who saved it. */
  createdBy: string;
}

/**
 * Where a document's named versions live (the server's `/documents/:docId/versions` routes, or a
 * test's memory). Defined here so the editor needs no server client.
 */
export interface DocumentVersions {
  /** The versions, oldest first. */
  list(): Promise<readonly DocumentVersionInfo[]>;
  /** Saves the document as it is now under `name`. */
  save(name: string): Promise<DocumentVersionInfo>;
  /** The document's Y.Doc at that version, as one Yjs update. */
  load(id: string): Promise<Uint8Array>;
}

/** The editor state a version's Yjs update holds, read with a headless editor. */
export function versionEditorState(update: Uint8Array): SerializedEditorState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    const editor = createDocumentEditor();
    const binding = bindEditorToYDoc(editor, doc);
    const state = editor.getEditorState().toJSON();
    binding.dispose();
    return state;
  } finally {
    doc.destroy();
  }
}

/** A version as HTML, for viewing it beside the live document. Needs a DOM. */
export function versionHtml(update: Uint8Array): string {
  const editor = createDocumentEditor();
  editor.setEditorState(editor.parseEditorState(versionEditorState(update)));
  let html = '';
  editor.update(
    () => {
      html = $generateHtmlFromNodes(editor, null);
    },
    { discrete: true },
  );
  return html;
}

/**
 * Makes the live document read as the version did. It is an ordinary edit by this member: it
 * reaches everyone like typing does, and the member can undo it; history is never rewritten.
 */
export function restoreVersion(editor: LexicalEditor, update: Uint8Array): void {
  const state = versionEditorState(update);
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (const child of state.root.children) root.append($parseSerializedNode(child));
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
      root.selectEnd();
    },
    { discrete: true },
  );
}
