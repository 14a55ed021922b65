import type { ActivityEntry, CommunityData, Viewer } from '@repertoire/insight';
import type { ActivityRecordInfo, PluginContext } from '@repertoire/plugin-api';

/** What the Community page computes from, and who is looking. */
export interface CommunitySnapshot {
  /** The graph and the activity records this window may read. */
  readonly data: CommunityData;
  /** Which member entity each account is, as far as this window knows. */
  readonly memberOfAccount: ReadonlyMap<string, string>;
  /** The viewer: their member entity and whether they see individual figures. */
  readonly viewer: Viewer;
}

/** Activity records as the insight computations take them: edits of members' documents. */
export function toActivityEntries(records: readonly ActivityRecordInfo[]): ActivityEntry[] {
  return records.flatMap((r) =>
    r.memberId && r.entityId
      ? [{ memberId: r.memberId, entityId: r.entityId, at: r.to, updates: r.updates }]
      : [],
  );
}

/**
 * Reads everything the Community page needs through the plugin API: the graph, and (with
 * `activity.read`) the viewer's member entity, their access and the records they may read. A
 * host without activity records (offline, headless) gives an empty activity and no privileges.
 */
export async function readCommunity(
  context: Pick<PluginContext, 'graph' | 'activity' | 'workspace'>,
): Promise<CommunitySnapshot> {
  const [entities, relations] = await Promise.all([
    context.graph.entities(),
    context.graph.relations(),
  ]);
  let memberId: string | undefined;
  let privileged = false;
  let records: ActivityRecordInfo[] = [];
  try {
    const [member, access] = await Promise.all([
      context.activity.member(),
      context.activity.access(),
    ]);
    memberId = member;
    privileged = access === 'all';
    records = await context.activity.records();
  } catch {
    // No server to ask (offline or headless): the graph alone still tells most of the story.
  }
  const memberOfAccount = new Map<string, string>();
  for (const r of records) if (r.memberId) memberOfAccount.set(r.userId, r.memberId);
  if (memberId) memberOfAccount.set(context.workspace.user.id, memberId);
  return {
    data: { entities, relations, activity: toActivityEntries(records) },
    memberOfAccount,
    viewer: { memberId, privileged },
  };
}
