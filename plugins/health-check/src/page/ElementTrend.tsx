import type { HealthRoundInfo } from '@repertoire/plugin-api';
import { useMemo } from 'react';
import { trendOf } from '../roundComparison.ts';
import { TrendChart } from './charts.tsx';

/** Each element's mean across every round with results: the community's trend, element by element. */
export function ElementTrend(props: {
  rounds: readonly HealthRoundInfo[];
  theme: 'light' | 'dark';
}) {
  const trend = useMemo(() => trendOf(props.rounds), [props.rounds]);
  const labels = useMemo(() => trend.rounds.map((r) => r.title), [trend]);
  if (trend.rounds.length < 2)
    return (
      <p className="rp-health-empty" data-empty="trend">
        The trend appears once two rounds have results: one line per element, round after round.
      </p>
    );
  return (
    <TrendChart
      rounds={labels}
      series={trend.series}
      theme={props.theme}
      summary={`Mean score per element over ${labels.join(', ')}: ${trend.series
        .map((s) => `${s.label} ${s.means.join(' → ')}`)
        .join('; ')}`}
    />
  );
}
