import {
  GAP_LABELS,
  type Gap,
  type GapKind,
  type InsightReport,
  type Level,
  type Period,
} from '@repertoire/insight';
import type { CustomViewContext, PluginContext } from '@repertoire/plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommunitySnapshot } from '../communityData.ts';
import { AttendanceGrid } from './AttendanceGrid.tsx';
import { LEVEL_STYLE, ParticipationChart } from './ParticipationChart.tsx';
import { AsOfControl, TermComparison } from './TimeTravel.tsx';

/** What the page shows: the latest report, the snapshot it came from, and progress. */
export interface HomeState {
  readonly report?: InsightReport;
  readonly snapshot?: CommunitySnapshot;
  readonly computing: boolean;
  readonly error?: string;
  /** The terms one may compare: the year plan's, or calendar quarters without one. */
  readonly terms: readonly Period[];
  /** The past day shown (`YYYY-MM-DD`); absent when the page shows today. */
  readonly asOf?: string;
}

/** What the page can do, through the plugin API only. */
export interface HomeActions {
  readonly context: Pick<PluginContext, 'commands' | 'window'>;
  readonly view: CustomViewContext;
  /** "This is me": links this account to a member entity. */
  claim(memberId: string): Promise<void>;
  /** Adds this account as a new member entity and links it. */
  addMe(): Promise<void>;
  /** Shows every figure as it was at the end of a past day (`YYYY-MM-DD`), or today (undefined). */
  showAsOf(day: string | undefined): void;
  /** Compares two terms (by key) side by side. */
  compareTerms(first: string, second: string): void;
}

const ALERT_TITLES = {
  drifting: 'Drifting away',
  newcomer: 'Newcomer moving in',
  returning: 'Returning',
};
const GAP_ORDER: GapKind[] = [
  'problemWithoutPractice',
  'practiceWithoutArtifact',
  'practiceWithoutPractitioner',
  'untouchedArtifact',
  'domainWithoutProblem',
];

function Section(props: { title: string; id: string; children: React.ReactNode; note?: string }) {
  return (
    <section className="rp-insight-card" aria-labelledby={props.id} data-section={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.note ? <p className="rp-insight-note">{props.note}</p> : null}
      {props.children}
    </section>
  );
}

/** The Community page: the facilitator's view of participation, ties and the repertoire. */
export function HomePage(props: { state: HomeState; actions: HomeActions }) {
  const { state, actions } = props;
  const { report, snapshot } = state;
  const open = useCallback((id: string) => actions.view.openEntity(id), [actions.view]);
  const [picked, setPicked] = useState<{ period: string; level: Level } | undefined>();
  const [theme, setTheme] = useState(actions.view.theme);
  useEffect(() => {
    const sub = actions.view.onDidChangeTheme(setTheme);
    return () => sub.dispose();
  }, [actions.view]);
  const onPick = useCallback((period: string, level: Level) => setPicked({ period, level }), []);

  if (!report || !snapshot)
    return (
      <div className="rp-insight" aria-busy="true">
        <h1>Community</h1>
        <p role="status">
          {state.error
            ? `The figures could not be computed: ${state.error}`
            : 'Computing the community’s figures…'}
        </p>
      </div>
    );

  const titles = new Map(snapshot.data.entities.map((e) => [e.id, e.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const link = (id: string) => (
    <button key={id} type="button" className="rp-insight-link" onClick={() => open(id)}>
      {title(id)}
    </button>
  );
  const { viewer } = snapshot;
  const privileged = viewer.privileged;
  const members = snapshot.data.entities.filter((e) => e.kind === 'member');
  const mine = report.participation.members.find((m) => m.memberId === viewer.memberId);
  const levelMembers = picked
    ? report.participation.members.filter(
        (m) => m.periods.find((p) => p.period === picked.period)?.level === picked.level,
      )
    : [];
  const pickedTotal = picked
    ? report.totals.find((t) => t.period === picked.period)?.totals[picked.level]
    : undefined;
  const mentor = (memberId: string) =>
    void actions.context.commands
      .executeCommand('community.linkMentor', '', memberId)
      .catch((e: Error) =>
        actions.context.window.showNotification(e.message, { severity: 'error' }),
      );
  const gapsByKind = new Map<GapKind, Gap[]>();
  for (const g of report.gaps) gapsByKind.set(g.kind, [...(gapsByKind.get(g.kind) ?? []), g]);

  return (
    <div className="rp-insight">
      <header className="rp-insight-head">
        <h1>Community</h1>
        <p className="rp-insight-note" role="status">
          {members.length} member{members.length === 1 ? '' : 's'} ·{' '}
          {report.participation.meetings.length} meeting
          {report.participation.meetings.length === 1 ? '' : 's'} held ·{' '}
          {state.computing
            ? 'updating…'
            : `as of ${new Date(report.asOf).toLocaleDateString()}${report.asOf < report.now.slice(0, 10) ? ' (the latest activity)' : ''}`}
        </p>
        <AsOfControl asOf={state.asOf} onChange={actions.showAsOf} />
      </header>

      {viewer.memberId ? null : (
        <Identity
          members={members.map((m) => ({ id: m.id, title: m.title }))}
          actions={actions}
          readOnly={actions.view.readOnly}
        />
      )}

      <HomeSections view={actions.view} />

      <Section title="Next meeting" id="insight-next">
        {report.nextMeeting ? (
          <p>
            {link(report.nextMeeting.id)} on{' '}
            {new Date(report.nextMeeting.date).toLocaleDateString()}
          </p>
        ) : (
          <p className="rp-insight-empty">
            No meeting is planned. Schedule the next one with “Schedule a meeting” in the command
            palette.
          </p>
        )}
      </Section>

      <Section
        title="Participation over time"
        id="insight-participation"
        note="Members per level in each period, derived from attendance, document edits, what they recorded and mentions. Click a bar to see who is behind it."
      >
        {report.participation.periods.length === 0 ? (
          <p className="rp-insight-empty">
            No participation yet. Add members and record who came to each meeting.
          </p>
        ) : (
          <ParticipationChart report={report} theme={theme} onPick={onPick} />
        )}
        {picked ? (
          <p className="rp-insight-picked" role="status">
            {LEVEL_STYLE.find((s) => s.level === picked.level)?.label} in{' '}
            {report.participation.periods.find((p) => p.key === picked.period)?.label}:{' '}
            {pickedTotal ?? 0} member
            {pickedTotal === 1 ? '' : 's'}
            {privileged && levelMembers.length > 0 ? (
              <> — {levelMembers.map((m) => link(m.memberId))}</>
            ) : null}
          </p>
        ) : null}
        {!privileged && mine ? (
          <p>
            Your participation:{' '}
            {mine.periods.map((p) => (
              <span
                key={p.period}
                className={`rp-insight-level rp-insight-level-${p.level}`}
                title={p.period}
              >
                {p.level}
              </span>
            ))}
          </p>
        ) : null}
        {!privileged ? (
          <p className="rp-insight-note">
            Each member’s level and reasons to reach out are shown to coordinators, facilitators and
            the member themself; you see the community’s totals and your own.
          </p>
        ) : null}
      </Section>

      {privileged ? (
        <>
          <Section
            title="Reach out"
            id="insight-alerts"
            note="Invitations, not scores: who might welcome a word from you, and why."
          >
            {report.alerts.length === 0 ? (
              <p className="rp-insight-empty">Nobody is drifting, new or returning right now.</p>
            ) : (
              <ul className="rp-insight-list">
                {report.alerts.map((a) => (
                  <li key={a.memberId} data-alert={a.kind}>
                    <strong>{ALERT_TITLES[a.kind]}:</strong> {link(a.memberId)} — {a.reason}
                    <div className="rp-insight-next">
                      {a.suggestion}{' '}
                      <button type="button" onClick={() => open(a.memberId)}>
                        Open
                      </button>
                      {actions.view.readOnly ? null : (
                        <button type="button" onClick={() => mentor(a.memberId)}>
                          Pair with a mentor
                        </button>
                      )}
                    </div>
                    {a.evidence.length > 0 ? (
                      <div className="rp-insight-evidence">
                        Evidence: {a.evidence.slice(0, 6).map(link)}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section
            title="Isolated members"
            id="insight-isolated"
            note="No working tie in the last 12 months: no artifact written together, no mentoring, no mention (Hadar & Brody’s first layer: breaking isolation)."
          >
            {report.network.isolated.length === 0 ? (
              <p className="rp-insight-empty">Every member has at least one working tie.</p>
            ) : (
              <ul className="rp-insight-list">
                {report.network.isolated.map((id) => (
                  <li key={id} data-isolated={id}>
                    {link(id)}
                    <div className="rp-insight-next">
                      Invite {title(id)} to co-author an artifact, or pair them with a mentor.{' '}
                      <button type="button" onClick={() => open(id)}>
                        Open
                      </button>
                      {actions.view.readOnly ? null : (
                        <button type="button" onClick={() => mentor(id)}>
                          Pair with a mentor
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section
            title="Brokers"
            id="insight-brokers"
            note={`Members who connect others who are not otherwise tied (betweenness, ${report.network.betweenness.method === 'exact' ? 'exact' : `estimated from ${report.network.betweenness.samples} members`}). ${report.network.communities.length} group${report.network.communities.length === 1 ? '' : 's'} found.`}
          >
            {report.network.centredOn ? (
              <p className="rp-insight-warning">
                {link(report.network.centredOn.memberId)} holds{' '}
                {Math.round(report.network.centredOn.share * 100)}% of all ties: the community runs
                through one person. Invite others to work directly with each other.
              </p>
            ) : null}
            {report.brokers.length === 0 ? (
              <p className="rp-insight-empty">
                No brokers yet: ties come from artifacts written together, mentoring and mentions.
                Record who contributes to each artifact.
              </p>
            ) : (
              <ol className="rp-insight-list">
                {report.brokers.map((b) => (
                  <li key={b.memberId} data-broker={b.memberId}>
                    {link(b.memberId)}{' '}
                    <span className="rp-insight-num">{b.betweenness.toFixed(3)}</span> · {b.degree}{' '}
                    tie{b.degree === 1 ? '' : 's'} — {b.explanation}
                  </li>
                ))}
              </ol>
            )}
          </Section>

          <Section title="Attendance" id="insight-attendance">
            <AttendanceGrid report={report} open={open} />
          </Section>
        </>
      ) : null}

      <Section
        title="Compare terms"
        id="insight-terms"
        note={
          state.terms.length > 0 && !state.terms[0]?.key.match(/^\d{4}-T\d$/)
            ? 'Two terms of the year plan side by side, each as it stood at its end.'
            : 'Two quarters of the year side by side (add terms to the year plan to compare those instead).'
        }
      >
        <TermComparison
          terms={state.terms}
          comparison={report.comparison}
          privileged={privileged}
          viewer={viewer.memberId}
          link={link}
          onCompare={actions.compareTerms}
        />
      </Section>

      <Section title="Gaps in the repertoire" id="insight-gaps">
        {report.gaps.length === 0 ? (
          <p className="rp-insight-empty">
            No gaps: every problem has a practice, every practice an artifact and a practitioner.
          </p>
        ) : (
          GAP_ORDER.filter((k) => gapsByKind.has(k)).map((kind) => (
            <div key={kind} className="rp-insight-gaps">
              <h3>{GAP_LABELS[kind]}</h3>
              <ul className="rp-insight-list">
                {(gapsByKind.get(kind) ?? []).map((g) => (
                  <li key={g.entityId}>
                    {link(g.entityId)} — {g.detail}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </Section>
    </div>
  );
}

/**
 * The sections other plugins contribute to the home page (views with `location: "home"`): the
 * life phase and layer, and in time the year plan's next steps and the latest health check.
 */
function HomeSections(props: { view: CustomViewContext }) {
  const ref = useRef<HTMLDivElement>(null);
  const { view } = props;
  useEffect(() => {
    if (!ref.current) return;
    const mounted = view.mountHomeSections(ref.current);
    return () => mounted.dispose();
  }, [view]);
  return <div ref={ref} className="rp-insight-sections" />;
}

function Identity(props: {
  members: { id: string; title: string }[];
  actions: HomeActions;
  readOnly: boolean;
}) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | undefined>();
  const run = (work: Promise<void>) => work.catch((e: Error) => setError(e.message));
  return (
    <section className="rp-insight-card rp-insight-identity" aria-labelledby="insight-identity">
      <h2 id="insight-identity">Which member are you?</h2>
      <p className="rp-insight-note">
        Link your account to your member entry so what you do counts towards your participation.
      </p>
      <label>
        Member{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {props.members
            .slice()
            .sort((a, b) => a.title.localeCompare(b.title))
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
        </select>
      </label>{' '}
      <button type="button" disabled={!choice} onClick={() => run(props.actions.claim(choice))}>
        This is me
      </button>{' '}
      {props.readOnly ? null : (
        <button type="button" onClick={() => run(props.actions.addMe())}>
          I’m not listed: add me
        </button>
      )}
      {error ? (
        <p role="alert" className="rp-insight-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
