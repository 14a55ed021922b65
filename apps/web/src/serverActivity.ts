import type { ActivityAccess, ActivityRecordInfo } from '@repertoire/plugin-api';
import type { ActivityBackend } from '@repertoire/plugin-host';
import { serverCall as call } from './serverCall.ts';

const enc = encodeURIComponent;

/**
 * The plugin API's `activity` over the server (`/api/workspaces/:id/me/member` and
 * `/member-activity`): the server decides whose records this session may read.
 */
export function serverActivity(workspaceId: string): ActivityBackend {
  const base = `/api/workspaces/${enc(workspaceId)}`;
  const me = () =>
    call<{ memberId: string | null; access: ActivityAccess }>('GET', `${base}/me/member`);
  return {
    member: async () => (await me()).memberId ?? undefined,
    claimMember: async (memberId) => {
      await call('PUT', `${base}/me/member`, { memberId });
    },
    access: async () => (await me()).access,
    records: async (query) => {
      const params = new URLSearchParams();
      if (query.since) params.set('since', query.since);
      if (query.until) params.set('until', query.until);
      const q = params.size > 0 ? `?${params}` : '';
      return (await call<{ records: ActivityRecordInfo[] }>('GET', `${base}/member-activity${q}`))
        .records;
    },
  };
}
