import {
  type BindingV2,
  createBindingV2__EXPERIMENTAL,
  createUndoManager,
  type Provider,
  syncLexicalUpdateToYjsV2__EXPERIMENTAL,
  syncYjsChangesToLexicalV2__EXPERIMENTAL,
  syncYjsStateToLexicalV2__EXPERIMENTAL,
} from '@lexical/yjs';
import { $createParagraphNode, $getRoot, type LexicalEditor, SKIP_COLLAB_TAG } from 'lexical';
import { Awareness } from 'y-protocols/awareness';
import { type Doc, type Transaction, UndoManager, type XmlElement, type YEvent } from 'yjs';
import { protectOthersWork } from './undoPolicy.ts';

/**
 * The Yjs shared type a document's text lives under. The editor uses `@lexical/yjs`'s second
 * binding (one `XmlElement` per block, formatting as text attributes), whose undo and merge
 * behaviour passes the regression tests that the first binding fails (see headlessCollab.test.ts).
 */
export const DOCUMENT_ROOT_NAME = 'root-v2';

/** What {@link bindEditorToYDoc} returns. */
export interface YDocBinding {
  readonly binding: BindingV2;
  /** Per-member undo: tracks only this editor's own changes, never another member's. */
  readonly undoManager: UndoManager;
  /** Unbinds the editor from the document. */
  dispose(): void;
}

/**
 * Binds a (headless or mounted) Lexical editor to a document's Y.Doc the way Lexical's
 * collaboration plugin does, without React: Lexical updates go to Yjs, Yjs changes from anyone
 * else come back into Lexical. For exports and checks outside the page and for tests of the
 * binding itself. `bootstrap` seeds an empty document with one paragraph.
 */
export function bindEditorToYDoc(
  editor: LexicalEditor,
  doc: Doc,
  options: { id?: string; bootstrap?: boolean; awareness?: Awareness } = {},
): YDocBinding {
  const id = options.id ?? doc.guid;
  const ownAwareness = options.awareness === undefined;
  const awareness = options.awareness ?? new Awareness(doc);
  const provider = {
    awareness,
    connect: () => {},
    disconnect: () => {},
    on: () => {},
    off: () => {},
  } as unknown as Provider;
  const binding = createBindingV2__EXPERIMENTAL(editor, id, doc, new Map([[id, doc]]), {
    rootName: DOCUMENT_ROOT_NAME,
  });
  const root: XmlElement = binding.root;
  const onYjs = (events: YEvent<XmlElement>[], tx: Transaction) => {
    if (tx.origin === binding) return;
    syncYjsChangesToLexicalV2__EXPERIMENTAL(
      binding,
      provider,
      events as never,
      tx,
      tx.origin instanceof UndoManager,
    );
  };
  root.observeDeep(onYjs as never);
  const stopListening = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyLeaves, dirtyElements, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjsV2__EXPERIMENTAL(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  const undoManager = createUndoManager(binding, root);
  protectOthersWork(undoManager);
  if (root.length > 0) {
    // The Y.Doc already holds the document (synced or cached before binding).
    syncYjsStateToLexicalV2__EXPERIMENTAL(binding, provider);
  } else if (options.bootstrap) {
    binding.isBootstrapping = true;
    try {
      editor.update(() => $getRoot().clear().append($createParagraphNode()), { discrete: true });
    } finally {
      binding.isBootstrapping = false;
    }
  }
  return {
    binding,
    undoManager,
    dispose: () => {
      root.unobserveDeep(onYjs as never);
      stopListening();
      undoManager.destroy();
      // An awareness made here runs a timer; left running it keeps a Node process alive.
      if (ownAwareness) awareness.destroy();
    },
  };
}
