import { type EntityId, type RelationId, ValidationError } from '@repertoire/schema';
import type { Workspace } from './workspace.ts';

/** The relation type of a document's @mentions and [[links]]. */
export const MENTIONS = 'mentions';

/** What {@link reconcileMentions} changed. */
export interface MentionsReconciliation {
  added: RelationId[];
  removed: RelationId[];
}

/**
 * Makes the graph's `mentions` relations from document `docId` match `targets` (the entity ids
 * its text @mentions or [[links]] now). Idempotent: running it again, or on several clients at
 * once with the same text, gives the same relations, because each relation's key is
 * `docId|mentions|target` and nothing is written when it already holds. Targets that do not
 * exist (or the document itself) are skipped; mentions made by hand are left alone.
 */
export function reconcileMentions(
  workspace: Workspace,
  docId: EntityId,
  targets: Iterable<EntityId>,
): MentionsReconciliation {
  if (!workspace.hasEntity(docId)) throw new ValidationError('docId', `no entity "${docId}"`);
  const wanted = new Set<EntityId>();
  for (const t of targets) if (t !== docId && workspace.hasEntity(t)) wanted.add(t);
  const result: MentionsReconciliation = { added: [], removed: [] };
  const current = workspace.relations({ from: docId, type: MENTIONS });
  const have = new Set(current.map((r) => r.to));
  workspace.transact(() => {
    for (const r of current) {
      if (wanted.has(r.to) || r.source.kind !== 'document' || r.source.docId !== docId) continue;
      workspace.unlink(r.id);
      result.removed.push(r.id);
    }
    for (const target of wanted) {
      if (have.has(target)) continue;
      result.added.push(workspace.link(docId, MENTIONS, target, { docId }).id);
    }
  });
  return result;
}
