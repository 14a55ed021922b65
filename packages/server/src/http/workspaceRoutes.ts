import { z } from 'zod';
import { ApiError } from '../store/errors.ts';
import { parseInput } from '../store/validate.ts';
import { activityAccess } from './activityAccess.ts';
import { type ApiContext, requireRole, requireUser } from './apiContext.ts';
import { readJson, sendJson } from './httpIO.ts';
import { invitationUrl } from './invitationRoutes.ts';
import type { Router } from './router.ts';

const BODY_LIMIT = 1024 * 1024;
const isoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 time');
/** `?since=&until=&document=&user=` of the activity route. */
const activityQuery = z.object({
  since: isoTime.optional(),
  until: isoTime.optional(),
  document: z.string().min(1).optional(),
  user: z.string().min(1).optional(),
});

/** Workspaces, members and invitations. */
export function addWorkspaceRoutes(router: Router, api: ApiContext): void {
  const { workspaces } = api.services;

  router.add('GET', '/api/workspaces', async ({ request, response }) => {
    const user = await requireUser(api, request);
    sendJson(response, 200, { workspaces: await workspaces.forUser(user.id) });
  });

  router.add('POST', '/api/workspaces', async ({ request, response }) => {
    const user = await requireUser(api, request);
    const body = await readJson(request, BODY_LIMIT);
    sendJson(response, 201, { workspace: await workspaces.create(body.name, user.id) });
  });

  router.add('GET', '/api/workspaces/:id', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    sendJson(response, 200, {
      workspace: await requireRole(api, params.id as string, user, 'viewer'),
    });
  });

  router.add('GET', '/api/workspaces/:id/members', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    await requireRole(api, params.id as string, user, 'viewer');
    sendJson(response, 200, { members: await workspaces.members(params.id as string) });
  });

  router.add(
    'PATCH',
    '/api/workspaces/:id/members/:userId',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      const id = params.id as string;
      await requireRole(api, id, user, 'owner');
      const body = await readJson(request, BODY_LIMIT);
      if (!(await workspaces.role(id, params.userId as string)))
        throw new ApiError('not_found', 'no such member');
      await workspaces.setRole(id, params.userId as string, body.role);
      const member = (await workspaces.members(id)).find((m) => m.userId === params.userId);
      sendJson(response, 200, { member });
    },
  );

  router.add(
    'DELETE',
    '/api/workspaces/:id/members/:userId',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      const id = params.id as string;
      await requireRole(api, id, user, user.id === params.userId ? 'viewer' : 'owner');
      if (!(await workspaces.role(id, params.userId as string)))
        throw new ApiError('not_found', 'no such member');
      await workspaces.removeMember(id, params.userId as string);
      response.writeHead(204).end();
    },
  );

  router.add('POST', '/api/workspaces/:id/invitations', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    await requireRole(api, params.id as string, user, 'owner');
    const body = await readJson(request, BODY_LIMIT);
    const invitation = await workspaces.invite(params.id as string, user.id, body);
    sendJson(response, 201, {
      invitation: {
        token: invitation.token,
        url: invitationUrl(api, request, invitation.token),
        role: invitation.role,
        expiresAt: invitation.expiresAt,
        workspaceId: invitation.workspaceId,
        workspaceName: invitation.workspaceName,
      },
    });
  });

  router.add('GET', '/api/invitations/:token', async ({ response, params }) => {
    const invitation = await workspaces.invitation(params.token as string);
    sendJson(response, 200, {
      invitation: {
        workspaceName: invitation.workspaceName,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      },
    });
  });

  router.add('POST', '/api/invitations/:token/accept', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    sendJson(response, 200, {
      workspace: await workspaces.accept(params.token as string, user.id),
    });
  });

  // The workspace's one record of which plugins are on, who turned them on or off, and which an
  // owner locked; the web app's plugin host follows it (docs/plugins.md, "Enabling plugins").
  router.add('GET', '/api/workspaces/:id/plugins', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    const id = params.id as string;
    await requireRole(api, id, user, 'viewer');
    const names = new Map((await workspaces.members(id)).map((m) => [m.userId, m.name]));
    sendJson(response, 200, {
      enabled: await workspaces.enabledPlugins(id),
      plugins: (await workspaces.pluginStates(id)).map((s) => ({
        ...s,
        changedByName: names.get(s.changedBy) ?? null,
      })),
    });
  });

  router.add('PUT', '/api/workspaces/:id/plugins', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    await requireRole(api, params.id as string, user, 'owner');
    const body = await readJson(request, BODY_LIMIT);
    sendJson(response, 200, {
      enabled: await workspaces.setEnabledPlugins(
        params.id as string,
        body.enabled ?? null,
        user.id,
      ),
    });
  });

  router.add(
    'PUT',
    '/api/workspaces/:id/plugins/:pluginId',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      const id = params.id as string;
      const { role } = await requireRole(api, id, user, 'viewer');
      const body = await readJson(request, BODY_LIMIT);
      const plugin = await workspaces.changePlugin(id, params.pluginId, body, {
        userId: user.id,
        role,
      });
      sendJson(response, 200, { plugin: { ...plugin, changedByName: user.name } });
    },
  );

  router.add('GET', '/api/workspaces/:id/activity', async ({ request, response, params, url }) => {
    const user = await requireUser(api, request);
    const id = params.id as string;
    const { role } = await requireRole(api, id, user, 'viewer');
    const query = parseInput(activityQuery, Object.fromEntries(url.searchParams));
    const access = await activityAccess(api, id, user, role);
    if (access === 'own' && query.user !== undefined && query.user !== user.id)
      throw new ApiError(
        'forbidden',
        "only owners, coordinators and facilitators see other members' activity; you see your own",
        'user',
      );
    // Totals name nobody and follow only the time window, so they say how active the workspace
    // was without singling out who worked on which document.
    const window = {
      ...(query.since ? { since: query.since } : {}),
      ...(query.until ? { until: query.until } : {}),
    };
    sendJson(response, 200, {
      access,
      activity: await api.services.activity.list(
        id,
        access === 'own' ? { ...query, user: user.id } : query,
      ),
      totals: await api.services.activity.totals(id, window),
    });
  });
}
