import {
  HEALTH_ELEMENTS,
  HEALTH_QUESTIONS_SOURCE,
  type HealthAnswerInput,
  type HealthCheckOverview,
  type HealthRoundInfo,
  type HealthRoundInput,
} from '@repertoire/plugin-api';
import { useState } from 'react';
import type { QuestionSettings } from '../questionSettings.ts';
import { describeResponses } from '../roundComparison.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ElementTrend } from './ElementTrend.tsx';
import { OpenRoundForm } from './OpenRoundForm.tsx';
import { RoundComparison } from './RoundComparison.tsx';
import { RoundResults, roundDates } from './RoundResults.tsx';

/** What the page shows: the rounds as the server let this member see them. */
export interface HealthPageState {
  readonly overview?: HealthCheckOverview;
  readonly defaults?: QuestionSettings;
  readonly loading: boolean;
  readonly error?: string;
}

/** What the page can do, each through the plugin API. */
export interface HealthPageActions {
  open(input: HealthRoundInput): Promise<void>;
  close(roundId: string): Promise<void>;
  answer(roundId: string, answer: HealthAnswerInput): Promise<void>;
  withdraw(roundId: string): Promise<void>;
  refresh(): void;
}

function Section(props: { title: string; id: string; children: React.ReactNode; note?: string }) {
  return (
    <section className="rp-health-section" aria-labelledby={props.id} data-section={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.note ? <p className="rp-health-note">{props.note}</p> : null}
      {props.children}
    </section>
  );
}

function OpenRound(props: {
  round: HealthRoundInfo;
  overview: HealthCheckOverview;
  actions: HealthPageActions;
}) {
  const { round, overview, actions } = props;
  const [closing, setClosing] = useState<string | undefined>();
  // A member who answered before sees their answer folded away; one answering now keeps the form.
  const [editing, setEditing] = useState(round.myAnswer === null);
  return (
    <article className="rp-health-card" data-open-round={round.title}>
      <h3>{round.title}</h3>
      <p className="rp-health-note">
        {roundDates(round)} · opened by {round.openedBy} ·{' '}
        <span data-field="response-rate">{describeResponses(round.results)}</span>
        {round.questionsEdited ? ' · questions worded by your community' : ''}
      </p>
      {overview.canAnswer && round.myAnswer && !editing ? (
        <div className="rp-health-mine" data-my-answer>
          <p>
            You answered on {new Date(round.myAnswer.updatedAt).toLocaleDateString()}:{' '}
            {HEALTH_ELEMENTS.map((e) => `${e.label} ${round.myAnswer?.scores[e.id]}`).join(', ')}.
            Only you see this.
          </p>
          <button type="button" onClick={() => setEditing(true)} data-action="change-answer">
            Change my answer
          </button>
        </div>
      ) : overview.canAnswer ? (
        <AnswerForm
          key={round.id}
          round={round}
          onAnswer={(answer) => actions.answer(round.id, answer)}
          onWithdraw={() => actions.withdraw(round.id)}
        />
      ) : (
        <p className="rp-health-empty">
          You can read this round’s results but not answer it: you are a viewer here. An owner can
          make you an editor.
        </p>
      )}
      {overview.canOpen ? (
        <div className="rp-health-actions">
          <button
            type="button"
            data-action="close-round"
            onClick={() => {
              setClosing(undefined);
              actions
                .close(round.id)
                .catch((e) => setClosing(e instanceof Error ? e.message : String(e)));
            }}
          >
            Close this round
          </button>
          <span className="rp-health-note">
            Closing stops answers and fixes the response rate; results stay.
          </span>
          {closing ? (
            <p role="alert" className="rp-health-error">
              {closing}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/**
 * The Health check page: answer the open round, open and close rounds (facilitators), and the
 * results: a radar per round, round to round, and the trend of each element.
 */
export function HealthCheckPage(props: {
  state: HealthPageState;
  actions: HealthPageActions;
  theme: 'light' | 'dark';
}) {
  const { state, actions, theme } = props;
  const { overview, defaults } = state;
  const header = (
    <header>
      <h1>Health check</h1>
      <p className="rp-health-lead">
        How is the community doing on the six elements of an effective community of practice? Each
        member answers on their own; everyone sees the totals once enough have answered.
      </p>
      <p className="rp-health-source">Guided questions: {HEALTH_QUESTIONS_SOURCE}</p>
    </header>
  );
  if (!overview || !defaults)
    return (
      <div className="rp-health" aria-busy={state.loading}>
        {header}
        <p role={state.error ? 'alert' : 'status'}>
          {state.error
            ? `The health check could not be loaded: ${state.error}`
            : 'Loading the health check…'}
        </p>
        {state.error ? (
          <button type="button" onClick={actions.refresh}>
            Try again
          </button>
        ) : null}
      </div>
    );
  const open = overview.rounds.filter((r) => r.status === 'open');
  const newestFirst = [...overview.rounds].reverse();
  return (
    <div className="rp-health" aria-busy={state.loading}>
      {header}
      <div className="rp-health-actions">
        <button type="button" onClick={actions.refresh} data-action="refresh">
          Refresh
        </button>
        {state.error ? (
          <span role="alert" className="rp-health-error">
            {state.error}
          </span>
        ) : null}
      </div>
      {overview.rounds.length === 0 ? (
        <p className="rp-health-empty" data-empty="no-rounds">
          {overview.canOpen
            ? 'No health check yet. Open the first round below: members answer six short questions, and the results show once enough have answered.'
            : 'No health check yet. When a facilitator opens a round, you answer it here; only you see your answer.'}
        </p>
      ) : null}
      {open.length > 0 ? (
        <Section
          title={open.length === 1 ? 'Open round' : 'Open rounds'}
          id="health-open"
          note="Only you see your answer. Score each element from 1 (not yet) to 5 (fully)."
        >
          {open.map((round) => (
            <OpenRound key={round.id} round={round} overview={overview} actions={actions} />
          ))}
        </Section>
      ) : null}
      {overview.canOpen ? (
        <Section title="Open a round" id="health-new">
          <OpenRoundForm defaults={defaults} onOpen={actions.open} />
        </Section>
      ) : null}
      {overview.rounds.length > 0 ? (
        <>
          <Section title="Results" id="health-results" note="Newest first.">
            {newestFirst.map((round) => (
              <RoundResults key={round.id} round={round} theme={theme} />
            ))}
          </Section>
          <Section title="Round to round" id="health-comparison">
            <RoundComparison rounds={overview.rounds} theme={theme} />
          </Section>
          <Section title="Trend per element" id="health-trend">
            <ElementTrend rounds={overview.rounds} theme={theme} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
