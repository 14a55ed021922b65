import type { CalendarFeedInfo } from '@repertoire/plugin-api';
import type { CalendarFeedBackend } from '@repertoire/plugin-host';

const enc = encodeURIComponent;

async function call<T>(method: string, path: string): Promise<T> {
  const response = await fetch(path, { method, credentials: 'same-origin' });
  const data = (await response.json().catch(() => undefined)) as
    | (T & { error?: { message?: string } })
    | undefined;
  if (!response.ok)
    throw new Error(data?.error?.message ?? `${method} ${path}: ${response.status}`);
  return data as T;
}

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
