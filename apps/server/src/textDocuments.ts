import {
  readDocumentText,
  writeMarkdownDocument,
  writeTextDocument,
} from '@repertoire/editor/headless';
import type { DocumentStore } from '@repertoire/server';
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

/**
 * Reads a workspace's co-edited documents as text (chips as `@Name` and `[[Title]]`), for
 * exports that carry a note's text: undefined for an entity with no stored document.
 */
export async function documentTextReader(
  documents: DocumentStore,
  workspaceId: string,
): Promise<(entityId: string) => string | undefined> {
  // Read ahead, once: the exporters ask for each entity's text synchronously.
  const prefix = `${workspaceId}/doc/`;
  const texts = new Map<string, string>();
  for (const name of await documents.names(prefix)) {
    const update = await documents.load(name);
    if (!update) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    texts.set(name.slice(prefix.length), readDocumentText(doc));
    doc.destroy();
  }
  return (entityId) => texts.get(entityId);
}
