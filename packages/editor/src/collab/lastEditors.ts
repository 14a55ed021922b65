import { COLLABORATION_TAG, HISTORIC_TAG, type LexicalEditor, SKIP_COLLAB_TAG } from 'lexical';
import type { Doc, Map as YMap } from 'yjs';
import type { EditorMember } from '../entityDirectory.ts';

/** The Y.Map of the document's Y.Doc that records who edited it last; beside the text, not in it. */
export const LAST_EDITORS_MAP = 'lastEditors';

/** A member who edited the document, and when they last did. */
export interface LastEditor {
  memberId: string;
  name: string;
  colour: string;
  /** ISO time of their last recorded edit (their own clock). */
  at: string;
}

/** Members who edited the document, most recent first. */
export function lastEditors(doc: Doc): LastEditor[] {
  const map = doc.getMap<unknown>(LAST_EDITORS_MAP);
  const list: LastEditor[] = [];
  for (const [memberId, value] of map.entries()) {
    if (!value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    if (typeof v.name !== 'string' || typeof v.at !== 'string') continue;
    list.push({
      memberId,
      name: v.name,
      colour: typeof v.colour === 'string' ? v.colour : '#888888',
      at: v.at,
    });
  }
  return list.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Records `member` in the document's last editors whenever they change its text here (not for
 * edits arriving from others, which their own editors record). Written at most once per
 * `minIntervalMs` per member so typing does not add a map write per keystroke.
 */
export function registerLastEditors(
  editor: LexicalEditor,
  doc: Doc,
  member: EditorMember,
  options: { minIntervalMs?: number; now?: () => Date } = {},
): () => void {
  const minInterval = options.minIntervalMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const map: YMap<unknown> = doc.getMap(LAST_EDITORS_MAP);
  let lastWrite = Number.NEGATIVE_INFINITY;
  return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags, prevEditorState }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    if (tags.has(COLLABORATION_TAG) || tags.has(HISTORIC_TAG) || tags.has(SKIP_COLLAB_TAG)) return;
    // The first update fills an empty editor from the document: nobody edited anything yet.
    if (prevEditorState.isEmpty()) return;
    const at = now();
    if (at.getTime() - lastWrite < minInterval) return;
    lastWrite = at.getTime();
    map.set(member.id, { name: member.name, colour: member.colour, at: at.toISOString() });
  });
}
