import type { PluginContext } from '@repertoire/plugin-api';
import { useEffect, useState } from 'react';
import type { CommunityGraph } from '../communityGraph.ts';
import { type NextStep, nextSteps } from '../nextSteps.ts';
import type { Phase } from '../phases.ts';
import { type LayerRecord, layerHistory, type PhaseRecord, phaseHistory } from '../records.ts';
import { type PhaseSuggestion, suggestPhase } from '../suggestPhase.ts';

/** Everything the page and the home section show, computed from one read of the graph. */
export interface GrowthState {
  readonly graph: CommunityGraph;
  readonly suggestion: PhaseSuggestion;
  readonly phases: readonly PhaseRecord[];
  readonly layers: readonly LayerRecord[];
  /** The phase the facilitator recorded last, or else the suggestion. */
  readonly phase: Phase;
  readonly steps: readonly NextStep[];
  readonly titles: ReadonlyMap<string, string>;
}

/** Computes the growth state from a graph on a day. Pure. */
export function growthState(graph: CommunityGraph, now: string): GrowthState {
  const suggestion = suggestPhase(graph, now);
  const phases = phaseHistory(graph);
  const phase = phases.at(-1)?.phase ?? suggestion.phase;
  return {
    graph,
    suggestion,
    phases,
    layers: layerHistory(graph),
    phase,
    steps: nextSteps(graph, phase, now),
    titles: new Map(graph.entities.map((e) => [e.id, e.title])),
  };
}

/** The growth state, read through the plugin API and recomputed when the graph changes. */
export function useGrowth(context: Pick<PluginContext, 'graph'>): {
  state?: GrowthState;
  error?: string;
} {
  const [result, setResult] = useState<{ state?: GrowthState; error?: string }>({});
  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const [entities, relations] = await Promise.all([
          context.graph.entities(),
          context.graph.relations(),
        ]);
        if (!disposed)
          setResult({ state: growthState({ entities, relations }, new Date().toISOString()) });
      } catch (error) {
        if (!disposed) setResult({ error: error instanceof Error ? error.message : String(error) });
      }
    };
    void run();
    // Changes come in bursts (a transaction, a sync): read once they settle.
    const sub = context.graph.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), 30);
    });
    return () => {
      disposed = true;
      clearTimeout(timer);
      sub.dispose();
    };
  }, [context]);
  return result;
}
