import { lazyCustomView, type PluginContext } from '@repertoire/plugin-api';
import { registerGrowthCommands } from './commands.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { LAYER_GUIDES, LAYERS, type Layer, termOf } from './layers.ts';
export { type NextStep, nextSteps } from './nextSteps.ts';
export { PHASE_GUIDES, PHASES, type Phase } from './phases.ts';
export { layerHistory, phaseHistory } from './records.ts';
export {
  PHASE_THRESHOLDS,
  type PhaseSignal,
  type PhaseSuggestion,
  suggestPhase,
} from './suggestPhase.ts';

/**
 * Activates the life phase and Hadar & Brody's layers: the commands that record them, the page
 * where the facilitator sees the suggested phase with its signals, and the section on the
 * community's home page.
 */
export function activate(context: PluginContext): void {
  registerGrowthCommands(context);
  // The pages' code (React) loads when one is first shown, so activating costs almost nothing and
  // the server and scripts can read the manifest and the pure functions from this module without it.
  const page = () => import('./page/mountGrowthPage.tsx');
  const onError = (error: unknown) => context.log.error(String(error));
  context.subscriptions.push(
    context.views.registerCustomView(
      'growth.page',
      lazyCustomView(
        () =>
          page().then(
            ({ mountGrowthPage }) =>
              (element, view) =>
                mountGrowthPage(element, view, context),
          ),
        { onError },
      ),
    ),
    context.views.registerCustomView(
      'growth.home',
      lazyCustomView(
        () =>
          page().then(
            ({ mountGrowthHome }) =>
              (element, view) =>
                mountGrowthHome(element, view, context),
          ),
        { onError },
      ),
    ),
  );
}
