import type { PluginContext } from '@repertoire/plugin-api';
import { mountHealthHome } from './page/HealthHome.tsx';
import { mountHealthCheck } from './page/mountHealthCheck.tsx';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export {
  compareRounds,
  defaultPair,
  type ElementChange,
  isVisible,
  trendOf,
} from './roundComparison.ts';

/**
 * Activates the six-elements health check: the Health check page, where members answer the open
 * round privately and everyone sees the results once enough have answered. Answers go to the
 * server through `healthChecks`; nothing of them is written into the graph.
 */
export function activate(context: PluginContext): void {
  context.subscriptions.push(
    context.views.registerCustomView('healthCheck.rounds', {
      mount: (element, view) => mountHealthCheck(element, view, context),
    }),
    context.views.registerCustomView('healthCheck.home', {
      mount: (element, view) => mountHealthHome(element, view, context),
    }),
  );
}
