import type { LexicalEditor } from 'lexical';
import { $extractMentions, type MentionTarget, sameMentions } from './mentionExtraction.ts';

/**
 * Receives the full, current list of entities a document mentions, whenever it changes. The
 * workbench plugin passes `(targets) => reconcileMentions(workspace, docId, targets)` (core), which
 * is idempotent, so a repeated call does no harm.
 */
export type MentionSink = (targets: MentionTarget[]) => void;

/**
 * Calls `sink` with the document's mentions once now and then whenever they change — for local
 * typing and for edits that arrive from other members or from an offline merge, since all of them
 * reach the editor as updates. Returns the cleanup, Lexical style.
 */
export function registerMentionReconciler(editor: LexicalEditor, sink: MentionSink): () => void {
  let last: MentionTarget[] | undefined;
  const check = () => {
    const next = editor.getEditorState().read($extractMentions);
    if (last && sameMentions(last, next)) return;
    last = next;
    sink(next);
  };
  check();
  return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    // Selection-only updates cannot change what is mentioned.
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    check();
  });
}
