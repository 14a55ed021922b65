import { graphMaps } from '@repertoire/core';
import * as Y from 'yjs';
import { STEWARD_ROLES } from '../stewards.ts';
import { linkedMember, memberLinks } from '../store/memberLinkStore.ts';
import type { SqlDatabase } from '../store/sqlDatabase.ts';
import type { SyncContext } from './syncContext.ts';

/**
 * Whether the sender of an update stewards the community: a workspace owner, or an account whose
 * member entity (its link, else the unclaimed member whose email matches) is a coordinator or
 * facilitator in the graph. Read from the server's own records and the graph as it stands, never
 * from what the update claims; the update cannot promote its own sender, because the role it
 * would write is read from the document before it.
 *
 * The account's links are read from the store first (asynchronously); the function it resolves
 * with reads the graph, synchronously, right when the update is checked.
 */
export async function stewardCheck(
  db: SqlDatabase,
  context: SyncContext,
): Promise<(doc: Y.Doc) => boolean> {
  if (context.role === 'owner') return () => true;
  if (context.role === 'viewer') return () => false;
  const linked = await linkedMember(db, context.workspaceId, context.user.id);
  const claimed = linked
    ? new Set<string>()
    : new Set((await memberLinks(db, context.workspaceId)).values());
  return (doc) => isStewardIn(doc, context, linked, claimed);
}

function isStewardIn(
  doc: Y.Doc,
  context: SyncContext,
  linked: string | undefined,
  claimed: ReadonlySet<string>,
): boolean {
  const { entities } = graphMaps(doc);
  const roleOf = (id: string | undefined) => {
    const entity = id ? entities.get(id) : undefined;
    if (!(entity instanceof Y.Map) || entity.get('kind') !== 'member') return undefined;
    const role = entity.get('f:role');
    return typeof role === 'string' ? role : undefined;
  };
  if (linked) return STEWARD_ROLES.has(roleOf(linked) ?? '');
  const email = context.user.email.trim().toLowerCase();
  for (const [id, entity] of entities.entries() as IterableIterator<[string, unknown]>) {
    if (claimed.has(id) || !(entity instanceof Y.Map) || entity.get('kind') !== 'member') continue;
    const field = entity.get('f:email');
    if (typeof field === 'string' && field.trim().toLowerCase() === email)
      return STEWARD_ROLES.has(roleOf(id) ?? '');
  }
  return false;
}
