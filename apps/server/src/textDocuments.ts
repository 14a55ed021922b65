import { writeMarkdownDocument, writeTextDocument } from '@repertoire/editor/headless';
import * as Y from 'yjs';

/**
 * A Markdown or plain-text document of an import, as the Yjs update of a real editor document:
 * written by the headless editor through the live editor's binding, so the browser opens it as
 * if a member had typed it.
 */
export function importTextDocument(format: 'markdown' | 'text', source: string): Uint8Array {
  const doc = new Y.Doc();
  if (format === 'markdown') writeMarkdownDocument(doc, source);
  else writeTextDocument(doc, source);
  return Y.encodeStateAsUpdate(doc);
}
