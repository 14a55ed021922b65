import type { JsonObject, PluginContext } from '@repertoire/plugin-api';
import { readCommunity } from './communityData.ts';
import type { InsightComputer } from './insightRequest.ts';
import { readInsightSettings } from './insightSettings.ts';

/**
 * The member-to-member network for the graph's People mode (`insight.peopleNetwork`): the same
 * ties, Louvain communities and brokers as the Community page, computed off the main thread and
 * cut to what this member may see, as plain JSON any plugin can draw.
 */
export async function peopleNetwork(
  context: Pick<PluginContext, 'graph' | 'activity' | 'workspace' | 'settings'>,
  computer: InsightComputer,
  now: string = new Date().toISOString(),
): Promise<JsonObject> {
  const [snapshot, settings] = await Promise.all([
    readCommunity(context),
    readInsightSettings(context.settings),
  ]);
  const report = await computer.compute(snapshot, settings, now);
  return {
    kind: 'member',
    ties: report.ties.map(({ a, b, weight }) => ({ a, b, weight })),
    communities: report.communities
      .filter((c) => c.members.length > 0)
      .map((c) => ({ name: c.name, members: [...c.members] })),
    brokers: report.brokers.map((b) => ({
      memberId: b.memberId,
      betweenness: b.betweenness,
      explanation: b.explanation,
    })),
  };
}
