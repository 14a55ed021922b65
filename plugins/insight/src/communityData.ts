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

/** Who the viewer is and the activity records they may read, as the server answered. */
export interface ViewerActivity {
  readonly memberId: string | undefined;
  readonly privileged: boolean;
  readonly records: readonly ActivityRecordInfo[];
}

/**
 * Asks the server (`activity.read`) for the viewer's member entity, their access and the records
 * they may read. A host without activity records (offline, headless) gives none and no privileges.
 */
export async function readViewerActivity(
  context: Pick<PluginContext, 'activity'>,
): Promise<ViewerActivity> {
  try {
    const [memberId, access] = await Promise.all([
      context.activity.member(),
      context.activity.access(),
    ]);
    return { memberId, privileged: access === 'all', records: await context.activity.records() };
  } catch {
    // No server to ask (offline or headless): the graph alone still tells most of the story.
    return { memberId: undefined, privileged: false, records: [] };
  }
}

/**
 * Reads everything the Community page needs through the plugin API: the graph and the viewer's
 * activity (`activity`, when the caller already has it: a graph change does not change who the
 * viewer is nor the edit sessions, so the page does not ask the server again for each one).
 * With `asOf` (ISO 8601), the graph as it was then (`graph.at`: the server's snapshots, so what
 * was deleted since comes back) and only the edits made by then; the viewer is who they are now.
 */
export async function readCommunity(
  context: Pick<PluginContext, 'graph' | 'activity' | 'workspace'>,
  asOf?: string,
  activity?: ViewerActivity,
): Promise<CommunitySnapshot> {
  const [{ entities, relations }, { memberId, privileged, records: all }] = await Promise.all([
    asOf
      ? context.graph.at(asOf)
      : Promise.all([context.graph.entities(), context.graph.relations()]).then(
          ([entities, relations]) => ({ entities, relations }),
        ),
    activity ?? readViewerActivity(context),
  ]);
  const until = asOf ? Date.parse(asOf) : Number.POSITIVE_INFINITY;
  const records = all.filter((r) => Date.parse(r.to) <= until);
  const memberOfAccount = new Map<string, string>();
  for (const r of records) if (r.memberId) memberOfAccount.set(r.userId, r.memberId);
  if (memberId) memberOfAccount.set(context.workspace.user.id, memberId);
  return {
    data: { entities, relations, activity: toActivityEntries(records) },
    memberOfAccount,
    viewer: { memberId, privileged },
  };
}
