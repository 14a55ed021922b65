import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import { registerSafeLinks } from './content/safeLinks.ts';
import { EDITOR_NODES } from './nodes/editorNodes.ts';

/**
 * A Lexical editor with every Repertoire node and no DOM view: for exports, imports and checks
 * outside the page (bind it to a document with `bindEditorToYDoc`).
 */
export function createDocumentEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'repertoire',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
  // Lives as long as the editor, like the editor's own listeners.
  registerSafeLinks(editor);
  return editor;
}
