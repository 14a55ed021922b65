import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { createDocumentEditor } from '../headlessEditor.ts';
import { bindEditorToYDoc, type YDocBinding } from './headlessCollab.ts';

/** One member's side in a test: their Y.Doc, their editor and its binding. */
export interface TestMember {
  doc: Y.Doc;
  editor: LexicalEditor;
  collab: YDocBinding;
  text(): string;
  /** Types at the end of the paragraph at `index` (default: the last one). */
  type(text: string, index?: number): void;
}

/**
 * Real Yjs documents joined like a server joins them: every update of one is applied to the
 * others, unless the member is offline; `reconnect` exchanges what was missed with state vectors,
 * as the sync protocol does. Test helper, not exported from the package.
 */
export function createRoom(count: number): {
  members: TestMember[];
  setOnline(index: number, online: boolean): void;
  dispose(): void;
} {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const online = docs.map(() => true);
  // Lexical applies remote changes in a deferred update; commit it before anyone types again, as
  // a browser does between two key presses, so a local edit is never batched with a remote one.
  const flushers: (() => void)[] = [];
  const flush = (i: number) => flushers[i]?.();
  const relay = (from: number) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'relay' || !online[from]) return;
    docs.forEach((doc, i) => {
      if (i !== from && online[i]) {
        Y.applyUpdate(doc, update, 'relay');
        flush(i);
      }
    });
  };
  docs.forEach((doc, i) => {
    doc.on('update', relay(i));
  });
  const members = docs.map((doc, i): TestMember => {
    const editor = createDocumentEditor();
    const collab = bindEditorToYDoc(editor, doc, { id: 'doc', bootstrap: i === 0 });
    flushers[i] = () => editor.read(() => {});
    return {
      doc,
      editor,
      collab,
      text: () => editor.read(() => $getRoot().getTextContent()),
      type: (text, index) => {
        editor.update(
          () => {
            const root = $getRoot();
            const block = index === undefined ? root.getLastChild() : root.getChildAtIndex(index);
            if (!block) throw new Error('type: no paragraph to type into');
            block.selectEnd();
            const selection = $getSelection();
            if ($isRangeSelection(selection)) selection.insertText(text);
          },
          { discrete: true },
        );
      },
    };
  });
  return {
    members,
    setOnline(index, isOnline) {
      online[index] = isOnline;
      if (!isOnline) return;
      const doc = docs[index]!;
      docs.forEach((other, i) => {
        if (i === index || !online[i]) return;
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), 'relay');
        flush(i);
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'relay');
        flush(index);
      });
    },
    dispose() {
      for (const m of members) m.collab.dispose();
      for (const d of docs) d.destroy();
    },
  };
}
