import { lazyCustomView, type PluginContext } from '@repertoire/plugin-api';
import type { InsightComputer } from './insightRequest.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { type CommunitySnapshot, readCommunity, toActivityEntries } from './communityData.ts';
export { readInsightSettings } from './insightSettings.ts';

/**
 * Activates community insight: the Community page (participation over time, attendance, who is
 * drifting or isolated, brokers, repertoire gaps), computed in a Worker from the graph and the
 * activity records this window may read; and the member-to-member network for the graph's People
 * mode (`insight.peopleNetwork`). The page (React, Chart.js) and the computation's code are
 * fetched when first used.
 */
export function activate(context: PluginContext): void {
  // Its own Worker: the Community page's supersedes older requests, which would cancel this one.
  let computer: InsightComputer | undefined;
  context.subscriptions.push(
    { dispose: () => computer?.dispose() },
    // Optionally as it was at an instant (ISO 8601), the graph's time bar's date.
    context.commands.registerCommand('insight.peopleNetwork', async (at) => {
      if (at !== undefined && (typeof at !== 'string' || Number.isNaN(Date.parse(at))))
        throw new Error('insight.peopleNetwork takes an ISO 8601 date, or nothing for now');
      const [{ createInsightComputer }, { peopleNetwork }] = await Promise.all([
        import('./insightRequest.ts'),
        import('./peopleNetwork.ts'),
      ]);
      computer ??= createInsightComputer();
      return peopleNetwork(context, computer, at);
    }),
    context.views.registerCustomView(
      'insight.home',
      lazyCustomView(
        () =>
          import('./home/mountHome.tsx').then(
            ({ mountHome }) =>
              (element, view) =>
                mountHome(element, view, context),
          ),
        { onError: (error) => context.log.error(String(error)) },
      ),
    ),
  );
}
