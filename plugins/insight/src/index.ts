import type { PluginContext } from '@repertoire/plugin-api';
import { mountHome } from './home/mountHome.tsx';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { type CommunitySnapshot, readCommunity, toActivityEntries } from './communityData.ts';
export { readInsightSettings } from './insightSettings.ts';

/**
 * Activates community insight: the Community page (participation over time, attendance, who is
 * drifting or isolated, brokers, repertoire gaps), computed in a Worker from the graph and the
 * activity records this window may read.
 */
export function activate(context: PluginContext): void {
  context.subscriptions.push(
    context.views.registerCustomView('insight.home', {
      mount: (element, view) => mountHome(element, view, context),
    }),
  );
}
