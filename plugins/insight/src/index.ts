import { lazyCustomView, type PluginContext } from '@repertoire/plugin-api';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { type CommunitySnapshot, readCommunity, toActivityEntries } from './communityData.ts';
export { readInsightSettings } from './insightSettings.ts';

/**
 * Activates community insight: the Community page (participation over time, attendance, who is
 * drifting or isolated, brokers, repertoire gaps), computed in a Worker from the graph and the
 * activity records this window may read. The page (React, Chart.js) is fetched when first shown.
 */
export function activate(context: PluginContext): void {
  context.subscriptions.push(
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
