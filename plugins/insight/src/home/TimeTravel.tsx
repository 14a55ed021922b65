import type { Level, Period, TermSummary } from '@repertoire/insight';
import type { ReactNode } from 'react';
import { LEVEL_STYLE } from './ParticipationChart.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * "As of": shows every figure on the page as it was at the end of a past day (the graph's history
 * through `graph.at`), and "Back to today".
 */
export function AsOfControl(props: {
  asOf: string | undefined;
  onChange: (day: string | undefined) => void;
}) {
  const { asOf, onChange } = props;
  return (
    <div className="rp-insight-asof">
      <label>
        As of{' '}
        <input
          type="date"
          aria-label="Show the figures as of"
          value={asOf ?? today()}
          max={today()}
          onChange={(e) => {
            const day = e.target.value;
            // An emptied or future field means today, like "Back to today".
            onChange(day && day < today() ? day : undefined);
          }}
        />
      </label>
      {asOf ? (
        <>
          {' '}
          <span className="rp-insight-past" role="status">
            Showing the community as it was on {new Date(`${asOf}T12:00:00Z`).toLocaleDateString()}.
          </span>{' '}
          <button type="button" onClick={() => onChange(undefined)}>
            Back to today
          </button>
        </>
      ) : null}
    </div>
  );
}

const LEVELS_SHOWN: Level[] = ['core', 'active', 'peripheral', 'inactive'];

/** Two terms side by side: meetings, attendance, levels, ties, isolation, brokers and gaps. */
export function TermComparison(props: {
  terms: readonly Period[];
  comparison: readonly TermSummary[] | undefined;
  privileged: boolean;
  viewer: string | undefined;
  link: (id: string) => ReactNode;
  onCompare: (first: string, second: string) => void;
}) {
  const { terms, comparison, privileged, viewer, link, onCompare } = props;
  if (terms.length < 2 || !comparison || comparison.length !== 2)
    return (
      <p className="rp-insight-empty">
        Nothing to compare yet: add terms to the year plan (“Add a term”), or record meetings in two
        quarters of the year.
      </p>
    );
  const [first, second] = comparison as [TermSummary, TermSummary];
  const pick = (which: 0 | 1, key: string) =>
    which === 0 ? onCompare(key, second.term.key) : onCompare(first.term.key, key);
  const picker = (which: 0 | 1, chosen: TermSummary) => (
    <select
      aria-label={which === 0 ? 'First term' : 'Second term'}
      value={chosen.term.key}
      onChange={(e) => pick(which, e.target.value)}
    >
      {terms.map((t) => (
        <option key={t.key} value={t.key}>
          {t.label}
        </option>
      ))}
    </select>
  );
  const day = (iso: string) => new Date(iso).toLocaleDateString();
  const range = (t: Period) =>
    `${day(t.start)} – ${day(new Date(Date.parse(t.end) - 1).toISOString())}`;
  const row = (label: string, cell: (t: TermSummary) => ReactNode, key = label) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{cell(first)}</td>
      <td>{cell(second)}</td>
    </tr>
  );
  const levelOf = (t: TermSummary, id: string) => t.levels.find((l) => l.memberId === id)?.level;
  const moved = privileged
    ? [...new Set([...first.levels, ...second.levels].map((l) => l.memberId))].filter(
        (id) => levelOf(first, id) !== levelOf(second, id),
      )
    : [];
  const levelChip = (level: Level | undefined) =>
    level ? (
      <span className={`rp-insight-level rp-insight-level-${level}`}>{level}</span>
    ) : (
      <span className="rp-insight-note">not yet a member</span>
    );
  return (
    <>
      <table className="rp-insight-compare" data-compare>
        <thead>
          <tr>
            <td />
            <th scope="col">
              {picker(0, first)}
              <div className="rp-insight-note">{range(first.term)}</div>
            </th>
            <th scope="col">
              {picker(1, second)}
              <div className="rp-insight-note">{range(second.term)}</div>
            </th>
          </tr>
        </thead>
        <tbody>
          {row('Meetings held', (t) => t.meetings)}
          {row('Attendances', (t) => t.attendances)}
          {row('Members who came', (t) => t.attendees)}
          {LEVELS_SHOWN.map((level) =>
            row(
              `${LEVEL_STYLE.find((s) => s.level === level)?.label} members`,
              (t) => t.totals[level],
              level,
            ),
          )}
          {row('Working ties', (t) => t.ties)}
          {row('Isolated members', (t) =>
            privileged && t.isolated.length > 0 ? (
              <>
                {t.isolated.length}: {t.isolated.map(link)}
              </>
            ) : (
              t.isolated.length
            ),
          )}
          {privileged
            ? row('First brokers', (t) =>
                t.brokers.length === 0 ? '—' : t.brokers.map((b) => link(b.memberId)),
              )
            : null}
          {row('Gaps at the end', (t) => t.gaps)}
          {!privileged && viewer ? row('Your level', (t) => levelChip(levelOf(t, viewer))) : null}
        </tbody>
      </table>
      {privileged ? (
        moved.length === 0 ? (
          <p className="rp-insight-note">
            Every member kept their level from one term to the other.
          </p>
        ) : (
          <ul className="rp-insight-list" data-moved>
            {moved.map((id) => (
              <li key={id} data-moved-member={id}>
                {link(id)}: {levelChip(levelOf(first, id))} → {levelChip(levelOf(second, id))}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
