import { lazyCustomView, type PluginContext } from '@repertoire/plugin-api';

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
 * server through `healthChecks`; nothing of them is written into the graph. The pages (React,
 * Chart.js) are fetched when first shown.
 */
export function activate(context: PluginContext): void {
  const onError = (error: unknown) => context.log.error(String(error));
  context.subscriptions.push(
    context.views.registerCustomView(
      'healthCheck.rounds',
      lazyCustomView(
        () =>
          import('./page/mountHealthCheck.tsx').then(
            ({ mountHealthCheck }) =>
              (element, view) =>
                mountHealthCheck(element, view, context),
          ),
        { onError },
      ),
    ),
    context.views.registerCustomView(
      'healthCheck.home',
      lazyCustomView(
        () =>
          import('./page/HealthHome.tsx').then(
            ({ mountHealthHome }) =>
              (element, view) =>
                mountHealthHome(element, view, context),
          ),
        { onError },
      ),
    ),
  );
}
