import { LAYER_GUIDES } from '../layers.ts';
import { PHASE_GUIDES } from '../phases.ts';
import { type GrowthActions, StepList } from './parts.tsx';
import type { GrowthState } from './useGrowth.ts';

/** The home page's section: the phase, the next steps and this term's layer, at a glance. */
export function GrowthHome(props: { state?: GrowthState; error?: string; actions: GrowthActions }) {
  const { state, actions } = props;
  const open = (
    <button type="button" onClick={() => actions.view.openView('growth.page')}>
      Open life phase and layers
    </button>
  );
  if (!state)
    return (
      <section className="rp-growth-home" aria-labelledby="growth-home" data-section="growth-home">
        <h2 id="growth-home">Life phase and layer</h2>
        <p role="status">{props.error ?? 'Reading the community…'}</p>
      </section>
    );
  const recorded = state.phases.at(-1);
  const layer = state.layers.at(-1);
  const { suggestion } = state;
  return (
    <section className="rp-growth-home" aria-labelledby="growth-home" data-section="growth-home">
      <h2 id="growth-home">Life phase and layer</h2>
      <p data-home-phase={state.phase}>
        Life phase: <strong>{PHASE_GUIDES[state.phase].label}</strong>
        {recorded ? ` since ${recorded.since}` : ' (suggested from the data, not yet confirmed)'}
        {recorded && suggestion.phase !== recorded.phase
          ? `. The data now suggests ${PHASE_GUIDES[suggestion.phase].label.toLowerCase()}: ${suggestion.signals.find((s) => s.decisive)?.text ?? ''}`
          : '.'}
      </p>
      <p data-home-layer={layer?.layer ?? ''}>
        {layer ? (
          <>
            Layer: <strong>{LAYER_GUIDES[layer.layer].label}</strong> ({layer.term}
            {layer.evidence.length > 0
              ? `, ${layer.evidence.length} piece${layer.evidence.length === 1 ? '' : 's'} of evidence`
              : ''}
            )
          </>
        ) : (
          <span className="rp-growth-empty">
            No layer recorded yet: at the end of a term, record where the community stands.
          </span>
        )}
      </p>
      <h3>Next steps</h3>
      <StepList steps={state.steps.slice(0, 3)} titles={state.titles} actions={actions} />
      <p>{open}</p>
      {/* The year plan's next steps and the latest health-check round come as their own home sections. */}
    </section>
  );
}
