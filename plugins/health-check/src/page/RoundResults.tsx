import { HEALTH_ELEMENTS, type HealthRoundInfo } from '@repertoire/plugin-api';
import { useMemo } from 'react';
import { describeResponses, isVisible, meansOf } from '../roundComparison.ts';
import { RadarChart } from './charts.tsx';

/** When a round was open, in the member's own date format. */
export function roundDates(round: HealthRoundInfo): string {
  const day = (iso: string) => new Date(iso).toLocaleDateString();
  return round.closedAt
    ? `${day(round.openedAt)} – ${day(round.closedAt)}`
    : `open since ${day(round.openedAt)}`;
}

/**
 * One round's results: the response rate always; the radar, the means and the shared comments
 * once enough members answered, and until then what is needed.
 */
export function RoundResults(props: { round: HealthRoundInfo; theme: 'light' | 'dark' }) {
  const { round, theme } = props;
  const { results } = round;
  const series = useMemo(
    () =>
      isVisible(round)
        ? [{ label: round.title, means: HEALTH_ELEMENTS.map((e) => meansOf(round)[e.id]) }]
        : [],
    [round],
  );
  const headingId = `rp-health-round-${round.id}`;
  return (
    <article
      className="rp-health-card"
      aria-labelledby={headingId}
      data-round={round.title}
      data-visible={String(results.visible)}
    >
      <h3 id={headingId}>
        {round.title} <span className="rp-health-badge">{round.status}</span>
      </h3>
      <p className="rp-health-note">
        {roundDates(round)} · opened by {round.openedBy} ·{' '}
        <span data-field="response-rate">{describeResponses(results)}</span>
      </p>
      {isVisible(round) ? (
        <>
          <RadarChart
            series={series}
            theme={theme}
            summary={`${round.title}, mean scores: ${round.results.elements
              .map((e, i) => `${HEALTH_ELEMENTS[i]?.label} ${e.mean}`)
              .join(', ')}`}
          />
          <table className="rp-health-table" data-table="means">
            <caption>Mean score out of 5, and how many gave each score</caption>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Mean</th>
                <th scope="col">Median</th>
                <th scope="col">1 · 2 · 3 · 4 · 5</th>
              </tr>
            </thead>
            <tbody>
              {round.results.elements.map((e, i) => (
                <tr key={e.id} data-element={e.id}>
                  <th scope="row">{HEALTH_ELEMENTS[i]?.label}</th>
                  <td className="rp-health-num" data-field="mean">
                    {e.mean.toFixed(2)}
                  </td>
                  <td className="rp-health-num">{e.median}</td>
                  <td className="rp-health-num">{e.distribution.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <SharedComments round={round} />
        </>
      ) : (
        <p className="rp-health-empty" data-empty="below-threshold">
          {results.responses === 0
            ? `No answers yet. Results appear once ${results.threshold} members have answered`
            : `Results appear once ${results.threshold} members have answered; ${results.responses} so far`}
          {round.status === 'open'
            ? '. Remind members at your next meeting: it takes five minutes.'
            : '. This round closed with too few answers to show results without exposing anyone.'}
        </p>
      )}
    </article>
  );
}

function SharedComments(props: { round: HealthRoundInfo }) {
  const comments = props.round.results.comments ?? {};
  const any = HEALTH_ELEMENTS.some((e) => (comments[e.id] ?? []).length > 0);
  if (!any) return null;
  return (
    <details className="rp-health-comments">
      <summary>Comments members chose to share</summary>
      {HEALTH_ELEMENTS.filter((e) => (comments[e.id] ?? []).length > 0).map((e) => (
        <div key={e.id}>
          <h4>{e.label}</h4>
          <ul>
            {(comments[e.id] ?? []).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
