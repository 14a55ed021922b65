import { type GraphState, graphStateFromUpdate } from '@repertoire/core';
import type { User } from '../store/accountStore.ts';
import { ApiError } from '../store/errors.ts';
import { linkedMember, linkMember, memberLinks } from '../store/memberLinkStore.ts';
import { type ApiContext, documentState, requireRole, requireUser } from './apiContext.ts';
import { readJson, sendJson } from './httpIO.ts';
import type { Router } from './router.ts';

const BODY_LIMIT = 16 * 1024;
/** Member roles (the member entity's `role` field) that see everyone's activity. */
const STEWARD_ROLES = new Set(['coordinator', 'facilitator']);

/** Who the caller may read activity of: everyone's, or only their own. */
export type ActivityAccess = 'all' | 'own';

const normalise = (email: string) => email.trim().toLowerCase();
const graphOf = (api: ApiContext, workspaceId: string): GraphState =>
  graphStateFromUpdate(documentState(api, `${workspaceId}/graph`));
const memberEntity = (graph: GraphState, id: string) => {
  const entity = graph.entities.get(id as never);
  return entity?.kind === 'member' ? entity : undefined;
};

/**
 * The caller's member entity: their link, else (once, then kept) the unclaimed member entity
 * whose `email` field matches the account's email, normalised.
 */
export function resolveMember(
  api: ApiContext,
  workspaceId: string,
  user: User,
  graph: GraphState,
): string | undefined {
  const db = api.services.db;
  const linked = linkedMember(db, workspaceId, user.id);
  if (linked && memberEntity(graph, linked)) return linked;
  const claimed = new Set(memberLinks(db, workspaceId).values());
  const email = normalise(user.email);
  for (const entity of graph.entities.values()) {
    const field = entity.fields.email;
    if (entity.kind !== 'member' || typeof field !== 'string' || claimed.has(entity.id)) continue;
    if (normalise(field) === email) {
      linkMember(db, workspaceId, user.id, entity.id);
      return entity.id;
    }
  }
  return undefined;
}

/**
 * Everyone's activity for owners and for members whose member entity is a coordinator or
 * facilitator; only their own for everyone else. Decided here, from the session and the stored
 * graph, never from what the client says.
 */
export function accessOf(
  role: string,
  member: string | undefined,
  graph: GraphState,
): ActivityAccess {
  if (role === 'owner') return 'all';
  const memberRole = member ? memberEntity(graph, member)?.fields.role : undefined;
  return typeof memberRole === 'string' && STEWARD_ROLES.has(memberRole) ? 'all' : 'own';
}

/**
 * Accounts as members, and the activity records behind participation (the plugin API's
 * `activity.read`):
 * - `GET /api/workspaces/:id/me/member`: `{ memberId, access }`, the caller's member entity
 *   (linked, or matched by email) and what activity they may read;
 * - `PUT /api/workspaces/:id/me/member` `{ memberId }`: "This is me", links the caller to an
 *   unclaimed member entity;
 * - `GET /api/workspaces/:id/member-activity?since=&until=`: activity records with the member
 *   each account is linked to; everyone's or only the caller's, by {@link accessOf}.
 */
export function addMemberActivityRoutes(router: Router, api: ApiContext): void {
  router.add('GET', '/api/workspaces/:id/me/member', async ({ request, response, params }) => {
    const user = requireUser(api, request);
    const id = params.id as string;
    const { role } = requireRole(api, id, user, 'viewer');
    const graph = graphOf(api, id);
    const memberId = resolveMember(api, id, user, graph);
    sendJson(response, 200, {
      memberId: memberId ?? null,
      access: accessOf(role, memberId, graph),
    });
  });

  router.add('PUT', '/api/workspaces/:id/me/member', async ({ request, response, params }) => {
    const user = requireUser(api, request);
    const id = params.id as string;
    const { role } = requireRole(api, id, user, 'viewer');
    const body = await readJson(request, BODY_LIMIT);
    const memberId = body.memberId;
    if (typeof memberId !== 'string' || memberId.length === 0)
      throw new ApiError(
        'invalid_input',
        'memberId: must be the id of a member entity',
        'memberId',
      );
    const graph = graphOf(api, id);
    if (!memberEntity(graph, memberId))
      throw new ApiError('not_found', 'no such member in this workspace', 'memberId');
    for (const [account, member] of memberLinks(api.services.db, id))
      if (member === memberId && account !== user.id)
        throw new ApiError('conflict', 'another account is already this member', 'memberId');
    linkMember(api.services.db, id, user.id, memberId);
    sendJson(response, 200, { memberId, access: accessOf(role, memberId, graph) });
  });

  router.add(
    'GET',
    '/api/workspaces/:id/member-activity',
    async ({ request, response, params, url }) => {
      const user = requireUser(api, request);
      const id = params.id as string;
      const { role } = requireRole(api, id, user, 'viewer');
      const filter: { since?: string; until?: string; user?: string } = {};
      for (const key of ['since', 'until'] as const) {
        const value = url.searchParams.get(key);
        if (value === null) continue;
        if (Number.isNaN(Date.parse(value)))
          throw new ApiError('invalid_input', `${key}: must be an ISO 8601 time`, key);
        filter[key] = value;
      }
      const graph = graphOf(api, id);
      const access = accessOf(role, resolveMember(api, id, user, graph), graph);
      if (access === 'own') filter.user = user.id;
      const links = memberLinks(api.services.db, id);
      const prefix = `${id}/doc/`;
      const records = api.services.activity.list(id, filter).map((r) => ({
        userId: r.userId,
        memberId: links.get(r.userId) ?? null,
        entityId: r.documentName.startsWith(prefix) ? r.documentName.slice(prefix.length) : null,
        documentName: r.documentName,
        from: r.from,
        to: r.to,
        updates: r.updates,
      }));
      sendJson(response, 200, { access, records });
    },
  );
}
