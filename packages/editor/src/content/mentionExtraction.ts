import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { type Doc, XmlElement, XmlText } from 'yjs';
import { DOCUMENT_ROOT_NAME } from '../collab/headlessCollab.ts';
import { $isMentionNode, MentionNode } from '../nodes/MentionNode.ts';

/** One entity a document refers to, as the graph's `mentions` relations need it. */
export interface MentionTarget {
  entityId: string;
  kind: string;
}

function sortUnique(targets: Iterable<MentionTarget>): MentionTarget[] {
  const byId = new Map<string, MentionTarget>();
  for (const t of targets) if (t.entityId && !byId.has(t.entityId)) byId.set(t.entityId, t);
  return [...byId.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
}

/**
 * Every entity the editor's document mentions or links, once each, sorted by id (so two reads of
 * the same text compare equal). Must run inside an editor read or update.
 */
export function $extractMentions(): MentionTarget[] {
  const found: MentionTarget[] = [];
  const visit = (node: LexicalNode) => {
    if ($isMentionNode(node)) found.push({ entityId: node.getEntityId(), kind: node.getKind() });
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return sortUnique(found);
}

const MENTION_TYPE = MentionNode.getType();

/**
 * The same list read straight from a document's Y.Doc as `@lexical/yjs` stores it (blocks and
 * chips as `XmlElement`s named by node type, chip properties as attributes), without an editor:
 * what a server or the graph side needs to reconcile a document nobody has open, e.g. after an
 * offline member's edits merge.
 */
export function mentionsInYDoc(doc: Doc, rootName = DOCUMENT_ROOT_NAME): MentionTarget[] {
  const found: MentionTarget[] = [];
  const visit = (type: unknown) => {
    if (type instanceof XmlElement) {
      if (type.nodeName === MENTION_TYPE) {
        const entityId = type.getAttribute('__entityId');
        const kind = type.getAttribute('__kind');
        if (typeof entityId === 'string')
          found.push({ entityId, kind: typeof kind === 'string' ? kind : '' });
        return;
      }
      for (const child of type.toArray()) visit(child);
    } else if (type instanceof XmlText) {
      for (const op of type.toDelta() as { insert: unknown }[]) visit(op.insert);
    }
  };
  visit(doc.get(rootName, XmlElement));
  return sortUnique(found);
}

/** Whether two sorted target lists are the same. */
export function sameMentions(a: readonly MentionTarget[], b: readonly MentionTarget[]): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => t.entityId === b[i]?.entityId && t.kind === b[i]?.kind)
  );
}
