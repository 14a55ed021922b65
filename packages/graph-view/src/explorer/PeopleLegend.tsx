import type { GraphView } from '../graphView.ts';
import { communityColour } from '../people.ts';
import { useViewValue } from './useViewEvent.ts';

/**
 * The People mode's legend: each community in its colour with how many it holds, and the
 * brokers with their figure and why, each a button that finds them in the graph.
 */
export function PeopleLegend(props: { view: GraphView | null }) {
  const { view } = props;
  const people = useViewValue(
    view,
    (v) => v.people,
    (v) => [v.onDidChangeVisibility],
  );
  if (!view || !people) return null;
  const title = (id: string) => String(view.cy.getElementById(id).data('label') ?? id);
  return (
    <section className="rg-legend" aria-label="Communities and brokers">
      <h3>Communities</h3>
      {people.communities.length === 0 ? (
        <p className="rg-empty">
          No ties yet: record who attended meetings, co-authored or mentors whom, and the
          communities show here.
        </p>
      ) : (
        <ul>
          {people.communities.map((c, i) => (
            <li key={c.name} data-community={i}>
              <span className="rg-dot" style={{ background: communityColour(i) }} />
              {c.name} <span className="rg-count">{c.members.length}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>Brokers</h3>
      {people.brokers.length === 0 ? (
        <p className="rg-empty">Nobody bridges two communities yet.</p>
      ) : (
        <ol>
          {people.brokers.slice(0, 5).map((b) => (
            <li key={b.memberId}>
              <button
                type="button"
                title={b.explanation}
                onClick={() => view.focus(b.memberId)}
                data-broker={b.memberId}
              >
                {title(b.memberId)}
              </button>{' '}
              <span className="rg-count">{b.betweenness.toFixed(2)}</span>
              <div className="rg-why">{b.explanation}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
