import { useState } from 'react';
import { dayOf, meetingDate } from '../communityGraph.ts';
import { LAYER_GUIDES, LAYERS, type Layer, termOf } from '../layers.ts';
import { PHASE_GUIDES, PHASES, type Phase } from '../phases.ts';
import { EntityLink, type GrowthActions, run, StepList } from './parts.tsx';
import type { GrowthState } from './useGrowth.ts';

const today = () => dayOf(new Date().toISOString());

/** The full page: the suggested phase and its signals, the decision, questions, steps and layers. */
export function GrowthPage(props: { state?: GrowthState; error?: string; actions: GrowthActions }) {
  const { state, actions } = props;
  if (!state)
    return (
      <div className="rp-growth" aria-busy="true">
        <h1>Life phase and layers</h1>
        <p role="status">
          {props.error
            ? `The community could not be read: ${props.error}`
            : 'Reading the community…'}
        </p>
      </div>
    );
  const guide = PHASE_GUIDES[state.phase];
  return (
    <div className="rp-growth">
      <h1>Life phase and layers</h1>
      <p className="rp-growth-note">
        Where the community stands, in the frameworks of Wenger, McDermott &amp; Snyder (2002) and
        Hadar &amp; Brody (2010). Repertoire suggests; you decide.
      </p>
      <PhaseSection state={state} actions={actions} />
      <section
        className="rp-growth-card"
        aria-labelledby="growth-questions"
        data-section="growth-questions"
      >
        <h2 id="growth-questions">Strategy questions for the {guide.label.toLowerCase()} phase</h2>
        <p className="rp-growth-note">{guide.tension}</p>
        <ul className="rp-growth-list">
          {guide.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </section>
      <section
        className="rp-growth-card"
        aria-labelledby="growth-steps"
        data-section="growth-steps"
      >
        <h2 id="growth-steps">Next steps</h2>
        <StepList steps={state.steps} titles={state.titles} actions={actions} />
      </section>
      <LayerSection state={state} actions={actions} />
    </div>
  );
}

function PhaseSection(props: { state: GrowthState; actions: GrowthActions }) {
  const { state, actions } = props;
  const { suggestion } = state;
  const current = state.phases.at(-1);
  const [choice, setChoice] = useState<Phase>(suggestion.phase);
  const [since, setSince] = useState(today());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await run(actions, 'growth.recordPhase', {
      phase: choice,
      since,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    setNote('');
  };
  const label = (p: Phase) => PHASE_GUIDES[p].label;
  return (
    <section className="rp-growth-card" aria-labelledby="growth-phase" data-section="growth-phase">
      <h2 id="growth-phase">Life phase</h2>
      <ol className="rp-growth-phases" aria-label="The five life phases">
        {PHASES.map((p) => (
          <li key={p} {...(p === state.phase ? { 'aria-current': 'step' as const } : {})}>
            {label(p)}
          </li>
        ))}
      </ol>
      <p data-current-phase={current?.phase ?? ''}>
        {current ? (
          <>
            Recorded: <strong>{label(current.phase)}</strong> since {current.since}
            {current.suggested && current.suggested !== current.phase
              ? ` (the data suggested ${label(current.suggested).toLowerCase()})`
              : ''}
            .
          </>
        ) : (
          'No phase recorded yet: confirm the suggestion below, or choose another.'
        )}
      </p>
      <div data-suggested={suggestion.phase}>
        <h3>Suggested from the community’s data: {label(suggestion.phase)}</h3>
        <p className="rp-growth-note">{PHASE_GUIDES[suggestion.phase].summary}</p>
        <ul className="rp-growth-list" aria-label="Signals">
          {suggestion.signals.map((s) => (
            <li
              key={s.id}
              data-signal={s.id}
              data-decisive={s.decisive}
              className={s.decisive ? 'rp-growth-signal-decisive' : undefined}
            >
              {s.text}
              {s.decisive ? (
                <span className="rp-growth-tag">led here</span>
              ) : s.points ? (
                <span className="rp-growth-tag">points to {label(s.points).toLowerCase()}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {actions.view.readOnly ? null : (
        <form
          className="rp-growth-form"
          onSubmit={(e) => void submit(e)}
          aria-label="Record the life phase"
        >
          <label>
            Phase
            <select value={choice} onChange={(e) => setChoice(e.target.value as Phase)}>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {label(p)}
                  {p === suggestion.phase ? ' (suggested)' : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            Since
            <input type="date" value={since} required onChange={(e) => setSince(e.target.value)} />
          </label>
          <label>
            Why (optional)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div>
            <button type="submit" disabled={busy}>
              {choice === suggestion.phase
                ? `Confirm ${label(choice).toLowerCase()}`
                : `Record ${label(choice).toLowerCase()} instead`}
            </button>
          </div>
        </form>
      )}
      <h3>Phase history</h3>
      {state.phases.length === 0 ? (
        <p className="rp-growth-empty">
          No phase recorded yet. Each phase you confirm is kept here, with the signals of the day.
        </p>
      ) : (
        <ol className="rp-growth-list" data-history="phases">
          {[...state.phases].reverse().map((r) => (
            <li key={r.id} data-phase-record={r.phase}>
              <EntityLink id={r.id} titles={state.titles} view={actions.view} />
              {r.suggested && r.suggested !== r.phase
                ? ` — chosen over the suggested ${label(r.suggested).toLowerCase()}`
                : ''}
              {r.note ? ` — “${r.note}”` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function LayerSection(props: { state: GrowthState; actions: GrowthActions }) {
  const { state, actions } = props;
  const latest = state.layers.at(-1);
  const [layer, setLayer] = useState<Layer | ''>('');
  const [term, setTerm] = useState(termOf(today()));
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [progress, setProgress] = useState<string[]>([]);
  const [withdrawal, setWithdrawal] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  // The most recent meetings (held) and artifacts are the evidence a term usually draws on.
  const meetings = state.graph.entities
    .filter((e) => e.kind === 'meeting' && (meetingDate(e) ?? '9999') <= today())
    .sort((a, b) => (meetingDate(b) ?? '').localeCompare(meetingDate(a) ?? ''))
    .slice(0, 12);
  const artifacts = state.graph.entities
    .filter((e) => e.kind === 'artifact')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 12);
  const members = state.graph.entities
    .filter((e) => e.kind === 'member')
    .sort((a, b) => a.title.localeCompare(b.title));
  const toggle = (list: string[], set: (v: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!layer) return setError('Choose the layer the community stands on this term.');
    setError(undefined);
    const ok = await actions.context.commands
      .executeCommand('growth.recordLayer', {
        layer,
        term,
        ...(note.trim() ? { note: note.trim() } : {}),
        evidence,
        progress,
        withdrawal,
      })
      .then(
        () => true,
        (e: Error) => {
          setError(e.message);
          return false;
        },
      );
    if (ok) {
      setNote('');
      setEvidence([]);
      setProgress([]);
      setWithdrawal([]);
    }
  };
  const checkboxes = (
    items: { id: string; title: string }[],
    list: string[],
    set: (v: string[]) => void,
    extra?: (id: string) => string,
  ) =>
    items.map((e) => (
      <label key={e.id}>
        <input
          type="checkbox"
          checked={list.includes(e.id)}
          onChange={() => toggle(list, set, e.id)}
        />
        {e.title}
        {extra ? <span className="rp-growth-note">{extra(e.id)}</span> : null}
      </label>
    ));
  const dates = new Map(meetings.map((m) => [m.id, meetingDate(m) ?? '']));
  return (
    <section
      className="rp-growth-card"
      aria-labelledby="growth-layers"
      data-section="growth-layers"
    >
      <h2 id="growth-layers">Hadar &amp; Brody’s layers</h2>
      <p className="rp-growth-note">
        Each layer is the ground of the next (Hadar &amp; Brody, 2010). Record each term where the
        community stands, with the meetings and artifacts that show it.
      </p>
      <ol className="rp-growth-ladder" aria-label="The four layers">
        {LAYERS.map((l) => (
          <li
            key={l}
            {...(latest?.layer === l ? { 'aria-current': 'step' as const } : {})}
            title={LAYER_GUIDES[l].description}
          >
            {LAYER_GUIDES[l].label}
          </li>
        ))}
      </ol>
      {actions.view.readOnly ? null : (
        <form
          className="rp-growth-form"
          onSubmit={(e) => void submit(e)}
          aria-label="Record this term's layer"
        >
          <label>
            Term
            <input value={term} required onChange={(e) => setTerm(e.target.value)} />
          </label>
          <fieldset>
            <legend>Where the community stands</legend>
            {LAYERS.map((l) => (
              <label key={l}>
                <input
                  type="radio"
                  name="growth-layer"
                  value={l}
                  checked={layer === l}
                  onChange={() => setLayer(l)}
                />
                {LAYER_GUIDES[l].label}
                <span className="rp-growth-note">— {LAYER_GUIDES[l].evidence}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="rp-growth-choices" aria-label="Evidence">
            <legend>Evidence: meeting notes and artifacts</legend>
            {meetings.length + artifacts.length === 0 ? (
              <p className="rp-growth-empty">
                No meetings or artifacts yet: record one, then link it here.
              </p>
            ) : null}
            {checkboxes(meetings, evidence, setEvidence, (id) => ` ${dates.get(id)}`)}
            {checkboxes(artifacts, evidence, setEvidence)}
          </fieldset>
          <details>
            <summary>
              Members who moved forward or withdrew this term (optional, seen by everyone)
            </summary>
            <fieldset className="rp-growth-choices">
              <legend>Moved forward</legend>
              {checkboxes(members, progress, setProgress)}
            </fieldset>
            <fieldset className="rp-growth-choices">
              <legend>Withdrew</legend>
              {checkboxes(members, withdrawal, setWithdrawal)}
            </fieldset>
          </details>
          <label>
            What we saw (optional)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {error ? (
            <p role="alert" className="rp-growth-error">
              {error}
            </p>
          ) : null}
          <div>
            <button type="submit">Record the layer</button>
          </div>
        </form>
      )}
      <h3>Reflections</h3>
      {state.layers.length === 0 ? (
        <p className="rp-growth-empty">
          No reflection yet. At the end of a term, record where the community stands.
        </p>
      ) : (
        <ol className="rp-growth-list" data-history="layers">
          {[...state.layers].reverse().map((r) => (
            <li key={r.id} data-layer-record={r.layer}>
              <EntityLink id={r.id} titles={state.titles} view={actions.view} /> ({r.date})
              {r.note ? ` — “${r.note}”` : ''}
              {r.evidence.length > 0 ? (
                <div className="rp-growth-note">
                  Evidence:{' '}
                  {r.evidence.map((id) => (
                    <EntityLink key={id} id={id} titles={state.titles} view={actions.view} />
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
