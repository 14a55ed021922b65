import type { IncomingMessage } from 'node:http';
import { type ApiContext, publicBase, requireRole, requireUser } from './apiContext.ts';
import { sendJson } from './httpIO.ts';
import type { Router } from './router.ts';

/** The link a member opens to accept an invitation. */
export function invitationUrl(api: ApiContext, request: IncomingMessage, token: string): string {
  return `${publicBase(api, request)}/invite/${token}`;
}

/** An owner lists a workspace's usable invitation links and revokes them. */
export function addInvitationRoutes(router: Router, api: ApiContext): void {
  const { workspaces } = api.services;

  router.add('GET', '/api/workspaces/:id/invitations', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    const id = params.id as string;
    await requireRole(api, id, user, 'owner');
    sendJson(response, 200, {
      invitations: (await workspaces.invitations(id)).map((invitation) => ({
        token: invitation.token,
        url: invitationUrl(api, request, invitation.token),
        role: invitation.role,
        expiresAt: invitation.expiresAt,
        usesLeft: invitation.usesLeft,
        createdBy: invitation.createdBy,
      })),
    });
  });

  router.add(
    'DELETE',
    '/api/workspaces/:id/invitations/:token',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      const id = params.id as string;
      await requireRole(api, id, user, 'owner');
      await workspaces.revokeInvitation(id, params.token as string);
      api.services.logger.info({ workspaceId: id, userId: user.id }, 'invitation revoked');
      response.writeHead(204).end();
    },
  );
}
