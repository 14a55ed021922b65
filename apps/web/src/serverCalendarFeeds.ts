import type { CalendarFeedInfo } from '@repertoire/plugin-api';
import type { CalendarFeedBackend } from '@repertoire/plugin-host';
import { serverCall as call } from './serverCall.ts';

const enc = encodeURIComponent;

/**
 * The plugin API's `calendarFeeds` over the server (`/api/workspaces/:id/calendar-feeds`): the
 * server signs each link and decides whose links this session may see and revoke.
 */
export function serverCalendarFeeds(workspaceId: string): CalendarFeedBackend {
  const base = `/api/workspaces/${enc(workspaceId)}/calendar-feeds`;
  return {
    create: async () => (await call<{ feed: CalendarFeedInfo }>('POST', base)).feed,
    list: async () => (await call<{ feeds: CalendarFeedInfo[] }>('GET', base)).feeds,
    revoke: async (id) => {
      await call('DELETE', `${base}/${enc(id)}`);
    },
  };
}
