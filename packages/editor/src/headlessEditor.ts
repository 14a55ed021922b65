import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import { EDITOR_NODES } from './nodes/editorNodes.ts';

/**
 * A Lexical editor with every Repertoire node and no DOM view: for exports, imports and checks
 * outside the page (bind it to a document with `bindEditorToYDoc`).
 */
export function createDocumentEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'repertoire',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
}
