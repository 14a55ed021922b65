import { isStewardRole } from '../stewards.ts';
import { ApiError } from '../store/errors.ts';
import { linkMember, memberLinks } from '../store/memberLinkStore.ts';
import { accessOf, graphOf, memberEntity, resolveMember } from './activityAccess.ts';
import { type ApiContext, requireRole, requireUser } from './apiContext.ts';
import { readJson, sendJson } from './httpIO.ts';
import type { Router } from './router.ts';

const BODY_LIMIT = 16 * 1024;

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
    const user = await requireUser(api, request);
    const id = params.id as string;
    const { role } = await requireRole(api, id, user, 'viewer');
    const graph = await graphOf(api, id);
    const memberId = await resolveMember(api, id, user, graph);
    sendJson(response, 200, {
      memberId: memberId ?? null,
      access: accessOf(role, memberId, graph),
    });
  });

  router.add('PUT', '/api/workspaces/:id/me/member', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    const id = params.id as string;
    const { role } = await requireRole(api, id, user, 'viewer');
    const body = await readJson(request, BODY_LIMIT);
    const memberId = body.memberId;
    if (typeof memberId !== 'string' || memberId.length === 0)
      throw new ApiError(
        'invalid_input',
        'memberId: must be the id of a member entity',
        'memberId',
      );
    const graph = await graphOf(api, id);
    const entity = memberEntity(graph, memberId);
    if (!entity) throw new ApiError('not_found', 'no such member in this workspace', 'memberId');
    // Being a coordinator or facilitator opens everyone's activity, so nobody claims one by a
    // click; the member's email (which only an owner may set on them) links their account.
    if (role !== 'owner' && isStewardRole(entity.fields.role))
      throw new ApiError(
        'forbidden',
        `${entity.title} is a coordinator or facilitator; an owner links them to an account: ask one to put your email on their page`,
        'memberId',
      );
    for (const [account, member] of await memberLinks(api.services.db, id))
      if (member === memberId && account !== user.id)
        throw new ApiError('conflict', 'another account is already this member', 'memberId');
    await linkMember(api.services.db, id, user.id, memberId);
    sendJson(response, 200, { memberId, access: accessOf(role, memberId, graph) });
  });

  router.add(
    'GET',
    '/api/workspaces/:id/member-activity',
    async ({ request, response, params, url }) => {
      const user = await requireUser(api, request);
      const id = params.id as string;
      const { role } = await requireRole(api, id, user, 'viewer');
      const filter: { since?: string; until?: string; user?: string } = {};
      for (const key of ['since', 'until'] as const) {
        const value = url.searchParams.get(key);
        if (value === null) continue;
        if (Number.isNaN(Date.parse(value)))
          throw new ApiError('invalid_input', `${key}: must be an ISO 8601 time`, key);
        filter[key] = value;
      }
      const graph = await graphOf(api, id);
      const access = accessOf(role, await resolveMember(api, id, user, graph), graph);
      if (access === 'own') filter.user = user.id;
      const links = await memberLinks(api.services.db, id);
      const prefix = `${id}/doc/`;
      const records = (await api.services.activity.list(id, filter)).map((r) => ({
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
