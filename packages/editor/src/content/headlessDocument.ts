import { $getRoot, type LexicalEditor } from 'lexical';
import type { Doc } from 'yjs';
import { bindEditorToYDoc } from '../collab/headlessCollab.ts';
import { createDocumentEditor } from '../headlessEditor.ts';
import { $replaceWithMarkdown, $replaceWithText } from './markdownDocument.ts';
import { type MentionTarget, mentionsInYDoc } from './mentionExtraction.ts';

/**
 * Writes into `doc` (a document's Y.Doc, empty or not) through a headless editor bound to it as
 * the live editor binds, so what lands in the Y.Doc is exactly what a member's editor would have
 * written, and a browser opens it unchanged. `build` runs inside one editor update. Returns what
 * the document now mentions, for `reconcileMentions`.
 */
export function writeDocument(doc: Doc, build: (editor: LexicalEditor) => void): MentionTarget[] {
  const editor = createDocumentEditor();
  const binding = bindEditorToYDoc(editor, doc);
  try {
    editor.update(() => build(editor), { discrete: true });
  } finally {
    binding.dispose();
  }
  return mentionsInYDoc(doc);
}

/**
 * Replaces `doc`'s content with `markdown` (the Markdown the editor exports: GFM tables, task
 * lists, `[@Name](repertoire:member/<id>)` and `[[[Title]]](repertoire:practice/<id>)` chips).
 * Returns what the document now mentions.
 */
export function writeMarkdownDocument(doc: Doc, markdown: string): MentionTarget[] {
  return writeDocument(doc, () => $replaceWithMarkdown(markdown));
}

/** Replaces `doc`'s content with plain text (paragraphs at blank lines, nothing read as Markdown). */
export function writeTextDocument(doc: Doc, text: string): MentionTarget[] {
  return writeDocument(doc, () => $replaceWithText(text));
}

/**
 * The plain text of a document's Y.Doc as the editor shows it (blocks separated by blank lines,
 * chips as `@Name` and `[[Title]]`), read through a headless editor: for word counts, search and
 * checks on the server.
 */
export function readDocumentText(doc: Doc): string {
  const editor = createDocumentEditor();
  const binding = bindEditorToYDoc(editor, doc);
  try {
    return editor.read(() => $getRoot().getTextContent());
  } finally {
    binding.dispose();
  }
}
