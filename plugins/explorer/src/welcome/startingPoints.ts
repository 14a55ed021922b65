import {
  compareEntities,
  type EntityInfo,
  type MemberRole,
  type PluginContext,
} from '@repertoire/plugin-api';

/** What a newcomer's page says and points to, read through the plugin API. */
export interface JoinedFacts {
  /** The community's name. */
  readonly community: string;
  /** The new member's name. */
  readonly member: string;
  /** Their role, when the members list could be read. */
  readonly role: MemberRole | undefined;
  /** How many members the community's graph lists. */
  readonly members: number;
  /** The latest meeting, to read first. */
  readonly latestMeeting: EntityInfo | undefined;
  /** The most connected entry (not the latest meeting), to see what holds the community together. */
  readonly mostConnected: EntityInfo | undefined;
  /** Whether the Members view's command exists (its plugin is on). */
  readonly canShowMembers: boolean;
}

/** What each role may do, in the words the newcomer reads. */
export const ROLE_SAYS: Readonly<Record<MemberRole, string>> = {
  owner: 'As an owner you can change everything, invite people and manage plugins.',
  editor: 'As an editor you can add to everything: pages, links, documents and meeting notes.',
  viewer: 'As a viewer you can read everything; ask an owner if you want to add to it.',
};

/** Only a sample of a large workspace is scored, so the page opens fast. */
const SAMPLE = 300;

/** The entry with the most relations among the first {@link SAMPLE} entities. */
async function mostConnected(
  context: PluginContext,
  entities: readonly EntityInfo[],
): Promise<EntityInfo | undefined> {
  const sample = entities.slice(0, SAMPLE);
  const degrees = await Promise.all(
    sample.map(async (e) => (await context.graph.relations({ entity: e.id })).length),
  );
  let best: EntityInfo | undefined;
  let most = -1;
  for (const [i, entity] of sample.entries())
    if ((degrees[i] ?? 0) > most) [best, most] = [entity, degrees[i] ?? 0];
  return best;
}

/**
 * Reads what the "You joined" page shows: who the member is here (their role, from the members
 * API), how big the community is, its latest meeting and its most connected entry.
 */
export async function joinedFacts(context: PluginContext): Promise<JoinedFacts> {
  const [entities, meetings, you, commands] = await Promise.all([
    context.graph.entities(),
    context.graph.entities({ kind: 'meeting' }),
    // Without the members list (offline, no server) the page leaves the role out.
    context.members.list().then(
      (list) => list.find((m) => m.you),
      () => undefined,
    ),
    context.commands.getCommands(),
  ]);
  const latestMeeting = [...meetings].sort(compareEntities)[0];
  const connected = await mostConnected(context, entities);
  return {
    community: context.workspace.name ?? 'the community',
    member: context.workspace.user.name,
    role: you?.role,
    members: entities.filter((e) => e.kind === 'member').length,
    latestMeeting,
    mostConnected: connected?.id === latestMeeting?.id ? undefined : connected,
    canShowMembers: commands.some((c) => c.id === 'members.show'),
  };
}
