import { type GraphState, graphStateFromUpdate } from '@repertoire/core';
import { isStewardRole, MEMBER_KIND } from '../stewards.ts';
import type { User } from '../store/accountStore.ts';
import { linkedMember, linkMember, memberLinks } from '../store/memberLinkStore.ts';
import { type ApiContext, documentState } from './apiContext.ts';

/** Who the caller may read activity of: everyone's, or only their own. */
export type ActivityAccess = 'all' | 'own';

const normalise = (email: string) => email.trim().toLowerCase();

/** The stored (or live) graph of a workspace, read through the core's tolerant reader. */
export const graphOf = async (api: ApiContext, workspaceId: string): Promise<GraphState> =>
  graphStateFromUpdate(await documentState(api, `${workspaceId}/graph`), api.services.kinds);

/** The entity `id` of `graph` when it is a member, else undefined. */
export const memberEntity = (graph: GraphState, id: string) => {
  const entity = graph.entities.get(id as never);
  return entity?.kind === MEMBER_KIND ? entity : undefined;
};

/**
 * The caller's member entity: their link, else (once, then kept) the unclaimed member entity
 * whose `email` field matches the account's email, normalised.
 */
export async function resolveMember(
  api: ApiContext,
  workspaceId: string,
  user: User,
  graph: GraphState,
): Promise<string | undefined> {
  const db = api.services.db;
  const linked = await linkedMember(db, workspaceId, user.id);
  if (linked && memberEntity(graph, linked)) return linked;
  const claimed = new Set((await memberLinks(db, workspaceId)).values());
  const email = normalise(user.email);
  for (const entity of graph.entities.values()) {
    const field = entity.fields.email;
    if (entity.kind !== MEMBER_KIND || typeof field !== 'string' || claimed.has(entity.id))
      continue;
    if (normalise(field) === email) {
      await linkMember(db, workspaceId, user.id, entity.id);
      return entity.id;
    }
  }
  return undefined;
}

/**
 * Everyone's activity for owners and for members whose member entity is a coordinator or
 * facilitator; only their own for everyone else (issue 16, "Who sees what"). Decided from the
 * session and the stored graph, never from what the client says.
 */
export function accessOf(
  role: string,
  member: string | undefined,
  graph: GraphState,
): ActivityAccess {
  if (role === 'owner') return 'all';
  return member && isStewardRole(memberEntity(graph, member)?.fields.role) ? 'all' : 'own';
}

/** {@link accessOf} for the signed-in `user` of `workspaceId`, whose workspace role is `role`. */
export async function activityAccess(
  api: ApiContext,
  workspaceId: string,
  user: User,
  role: string,
): Promise<ActivityAccess> {
  const graph = await graphOf(api, workspaceId);
  return accessOf(role, await resolveMember(api, workspaceId, user, graph), graph);
}
