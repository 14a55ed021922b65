import type { HealthRoundInfo } from '@repertoire/plugin-api';
import { useMemo, useState } from 'react';
import {
  compareRounds,
  defaultPair,
  describeChange,
  isVisible,
  type VisibleRound,
} from '../roundComparison.ts';
import { RadarChart } from './charts.tsx';

/** Two rounds side by side: both radars overlaid and each element's change. */
export function RoundComparison(props: {
  rounds: readonly HealthRoundInfo[];
  theme: 'light' | 'dark';
}) {
  const visible = props.rounds.filter(isVisible);
  const pair = defaultPair(props.rounds);
  // Until the member picks, the latest two rounds with results: a round that reaches its
  // threshold moves the comparison forward by itself.
  const [beforeId, setBeforeId] = useState<string | undefined>();
  const [afterId, setAfterId] = useState<string | undefined>();
  const before = visible.find((r) => r.id === beforeId) ?? pair?.[0];
  const after = visible.find((r) => r.id === afterId) ?? pair?.[1];
  const rows = useMemo(
    () => (before && after ? compareRounds(before, after) : []),
    [before, after],
  );
  const series = useMemo(
    () =>
      before && after
        ? [
            { label: before.title, means: rows.map((r) => r.before) },
            { label: after.title, means: rows.map((r) => r.after) },
          ]
        : [],
    [before, after, rows],
  );
  if (!before || !after)
    return (
      <p className="rp-health-empty" data-empty="comparison">
        A comparison needs two rounds with results. Open a new round next term to see how the
        community moved.
      </p>
    );
  const pick = (label: string, value: string, set: (id: string) => void) => (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)}>
        {visible.map((r: VisibleRound) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div data-comparison={`${before.title} → ${after.title}`}>
      <div className="rp-health-row">
        {pick('From', before.id, setBeforeId)}
        {pick('To', after.id, setAfterId)}
      </div>
      <RadarChart
        series={series}
        theme={props.theme}
        summary={`From ${before.title} to ${after.title}: ${rows
          .map((r) => `${r.label} ${describeChange(r.change)}`)
          .join(', ')}`}
      />
      <table className="rp-health-table" data-table="comparison">
        <caption>
          Mean scores, {before.title} and {after.title}
        </caption>
        <thead>
          <tr>
            <th scope="col">Element</th>
            <th scope="col">{before.title}</th>
            <th scope="col">{after.title}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-element={r.id}>
              <th scope="row">{r.label}</th>
              <td className="rp-health-num">{r.before.toFixed(2)}</td>
              <td className="rp-health-num">{r.after.toFixed(2)}</td>
              <td
                className={`rp-health-num ${r.change > 0 ? 'rp-health-up' : r.change < 0 ? 'rp-health-down' : ''}`}
                data-field="change"
              >
                {r.change > 0 ? '▲ ' : r.change < 0 ? '▼ ' : ''}
                {describeChange(r.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
