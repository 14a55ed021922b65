import { randomUUID } from 'node:crypto';
import { graphStateFromUpdate } from '@repertoire/core';
import { meetingsCalendar } from '@repertoire/plugin-planning';
import {
  ApiError,
  documentState,
  type HttpRoutes,
  publicBase,
  requireRole,
  requireUser,
  sendJson,
} from '@repertoire/server';
import { FeedStore } from './feedStore.ts';
import { FeedTokens } from './feedTokens.ts';

/** How long a feed link works: a school year and a little more. */
export const FEED_LIFETIME_DAYS = 400;
/** Links one member may hold per workspace, so a script cannot fill the store. */
const MAX_FEEDS_PER_MEMBER = 20;

/** Options of {@link calendarFeedRoutes}; tests shorten the lifetime. */
export interface CalendarFeedOptions {
  /** Milliseconds a new link works. */
  lifetimeMs?: number;
}

/**
 * The year plan's calendar feeds:
 * - `POST /api/workspaces/:id/calendar-feeds`: a new link for the signed-in member (any role);
 *   `{ feed: { id, url, createdAt, expiresAt } }`, the URL shown only now;
 * - `GET /api/workspaces/:id/calendar-feeds`: the member's links that still work;
 * - `DELETE /api/workspaces/:id/calendar-feeds/:feed`: revokes one of them;
 * - `GET /api/calendar-feed/:token(.ics)`: the meetings as iCalendar, for calendar apps, which
 *   send no session: the signed token is the key. It is refused once expired, revoked, forged,
 *   or when its member has left the workspace.
 */
export function calendarFeedRoutes(options: CalendarFeedOptions = {}): HttpRoutes {
  const lifetimeMs = options.lifetimeMs ?? FEED_LIFETIME_DAYS * 86_400_000;
  return (router, api) => {
    const feeds = new FeedStore(api.services);
    const tokens = new FeedTokens(api.services);
    const shown = (r: { id: string; createdAt: string; expiresAt: string }) => ({
      id: r.id,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
    });
    const live = async (workspaceId: string, userId: string) =>
      (await feeds.list(workspaceId, userId)).filter((r) => Date.parse(r.expiresAt) > Date.now());

    router.add(
      'POST',
      '/api/workspaces/:id/calendar-feeds',
      async ({ request, response, params }) => {
        const user = await requireUser(api, request);
        const workspaceId = params.id as string;
        await requireRole(api, workspaceId, user, 'viewer');
        if ((await live(workspaceId, user.id)).length >= MAX_FEEDS_PER_MEMBER)
          throw new ApiError(
            'conflict',
            `you already have ${MAX_FEEDS_PER_MEMBER} calendar links here; revoke one first`,
          );
        const now = new Date();
        const expires = new Date(now.getTime() + lifetimeMs);
        const record = {
          id: randomUUID(),
          workspaceId,
          userId: user.id,
          createdAt: now.toISOString(),
          expiresAt: expires.toISOString(),
        };
        const token = await tokens.sign(
          { feedId: record.id, workspaceId, userId: user.id },
          expires,
        );
        await feeds.add(record);
        sendJson(response, 201, {
          feed: {
            ...shown(record),
            url: `${publicBase(api, request)}/api/calendar-feed/${token}.ics`,
          },
        });
      },
    );

    router.add(
      'GET',
      '/api/workspaces/:id/calendar-feeds',
      async ({ request, response, params }) => {
        const user = await requireUser(api, request);
        const workspaceId = params.id as string;
        await requireRole(api, workspaceId, user, 'viewer');
        sendJson(response, 200, { feeds: (await live(workspaceId, user.id)).map(shown) });
      },
    );

    router.add(
      'DELETE',
      '/api/workspaces/:id/calendar-feeds/:feed',
      async ({ request, response, params }) => {
        const user = await requireUser(api, request);
        const workspaceId = params.id as string;
        await requireRole(api, workspaceId, user, 'viewer');
        const record = await feeds.get(workspaceId, params.feed as string);
        // Someone else's link is as unknown to the caller as one never made.
        if (!record || record.userId !== user.id)
          throw new ApiError('not_found', 'you have no calendar link with that id here', 'feed');
        await feeds.remove(workspaceId, record.id);
        sendJson(response, 200, { revoked: record.id });
      },
    );

    router.add('GET', '/api/calendar-feed/:token', async ({ response, params }) => {
      const token = (params.token as string).replace(/\.ics$/, '');
      const claims = await tokens.verify(token);
      if (claims === 'expired')
        throw new ApiError(
          'forbidden',
          'this calendar link has expired: make a new one in Repertoire (Year plan: Get a calendar feed link)',
        );
      const record =
        claims === 'invalid' ? undefined : await feeds.get(claims.workspaceId, claims.feedId);
      if (
        claims === 'invalid' ||
        !record ||
        record.userId !== claims.userId ||
        !(await api.services.workspaces.summary(claims.workspaceId, claims.userId))
      )
        throw new ApiError(
          'forbidden',
          'this calendar link is not valid: it was revoked, or was never made here',
        );
      const graph = graphStateFromUpdate(
        await documentState(api, `${claims.workspaceId}/graph`),
        api.services.kinds,
      );
      const entities = [...graph.entities.values()];
      const community =
        entities.find((e) => e.kind === 'community' && e.id === 'community') ??
        entities.find((e) => e.kind === 'community');
      const ics = meetingsCalendar(
        entities.filter((e) => e.kind === 'meeting'),
        {
          name:
            community?.title ??
            (await api.services.workspaces.name(claims.workspaceId)) ??
            'Meetings',
          workspaceId: claims.workspaceId,
          meetingTime: community?.fields.meetingTime,
          durationMinutes: community?.fields.durationMinutes,
        },
      );
      response.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="meetings.ics"',
        // A link is a key: keep the calendar out of shared caches.
        'cache-control': 'private, no-store',
      });
      response.end(ics);
    });
  };
}
