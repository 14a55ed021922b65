import type { PluginContext } from '@repertoire/plugin-api';
import { registerGrowthCommands } from './commands.ts';
import { mountGrowthHome } from './page/mountGrowthHome.tsx';
import { mountGrowthPage } from './page/mountGrowthPage.tsx';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { type Layer, LAYER_GUIDES, LAYERS, termOf } from './layers.ts';
export { type NextStep, nextSteps } from './nextSteps.ts';
export { type Phase, PHASE_GUIDES, PHASES } from './phases.ts';
export { layerHistory, phaseHistory } from './records.ts';
export { type PhaseSignal, type PhaseSuggestion, PHASE_THRESHOLDS, suggestPhase } from './suggestPhase.ts';

/**
 * Activates the life phase and Hadar & Brody's layers: the commands that record them, the page
 * where the facilitator sees the suggested phase with its signals, and the section on the
 * community's home page.
 */
export function activate(context: PluginContext): void {
  registerGrowthCommands(context);
  context.subscriptions.push(
    context.views.registerCustomView('growth.page', {
      mount: (element, view) => mountGrowthPage(element, view, context),
    }),
    context.views.registerCustomView('growth.home', {
      mount: (element, view) => mountGrowthHome(element, view, context),
    }),
  );
}
