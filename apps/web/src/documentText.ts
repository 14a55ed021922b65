import { documentDocName } from '@repertoire/core';
import type { EntityId } from '@repertoire/schema';
import type { WorkspaceSession } from '@repertoire/workbench';
import * as Y from 'yjs';

interface SerializedNode {
  type?: string;
  text?: string;
  /** A mention chip's label, and how it was typed (`@` or `[[`). */
  label?: string;
  trigger?: string;
  children?: SerializedNode[];
}

/** Plain text of a serialized Lexical state: one line per block, mentions as their text. */
export function plainText(root: SerializedNode): string {
  const inline = (node: SerializedNode): string => {
    if (node.text !== undefined) return node.text;
    if (node.type === 'linebreak') return '\n';
    if (node.type === 'entity-mention' && node.label)
      return node.trigger === 'mention' ? `@${node.label}` : node.label;
    return (node.children ?? []).map(inline).join('');
  };
  const blocks: string[] = [];
  const visit = (node: SerializedNode) => {
    const children = node.children ?? [];
    // A block holds inline children (text); containers (lists, tables) hold blocks.
    if (children.length > 0 && children.every((c) => c.children === undefined))
      blocks.push(children.map(inline).join(''));
    else if (children.length === 0 && node.type !== 'root') blocks.push('');
    else for (const c of children) visit(c);
  };
  visit(root);
  return blocks.join('\n');
}

/**
 * A document's text for plugins (`documents.getText`): its Y.Doc opened on the session's
 * connection (or the offline cache), read by the editor's headless binding, loaded lazily so the
 * first page stays light.
 */
export async function documentText(session: WorkspaceSession, id: string): Promise<string> {
  const synced = session.sync.open(documentDocName(session.summary.id, id as EntityId));
  try {
    await synced.whenLoaded;
    const { versionEditorState } = await import('@repertoire/editor');
    const state = versionEditorState(Y.encodeStateAsUpdate(synced.doc));
    return plainText(state.root as SerializedNode);
  } finally {
    synced.release();
  }
}
