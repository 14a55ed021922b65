import {
  HEALTH_ELEMENTS,
  type HealthElementId,
  type HealthRoundInput,
} from '@repertoire/plugin-api';
import { useState } from 'react';
import type { QuestionSettings } from '../questionSettings.ts';

/**
 * A facilitator opens a round: its title, how many must answer before results show, and the six
 * questions, prefilled from the community's settings (the seed's unless reworded) and editable for
 * this round only.
 */
export function OpenRoundForm(props: {
  defaults: QuestionSettings;
  onOpen: (input: HealthRoundInput) => Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [threshold, setThreshold] = useState(String(props.defaults.threshold));
  const [questions, setQuestions] = useState<Record<HealthElementId, string>>(
    props.defaults.questions,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const n = Number(threshold);
    if (title.trim() === '') return setError('Give the round a title, such as “Term 2 check”.');
    if (!Number.isInteger(n) || n < 2)
      return setError('At least 2 members must answer before results show.');
    setBusy(true);
    try {
      await props.onOpen({ title: title.trim(), threshold: n, questions });
      setTitle('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="rp-health-open" onSubmit={(e) => void submit(e)} aria-label="Open a round">
      <div className="rp-health-row">
        <label>
          <span>Title</span>
          <input
            value={title}
            placeholder="Term 2 check"
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          <span>Results show after</span>
          <input
            type="number"
            min={2}
            max={100}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            aria-describedby="rp-health-threshold-note"
          />
        </label>
        <span id="rp-health-threshold-note" className="rp-health-note">
          answers. With 2, each of the two can work out the other’s answer from the totals; 3 or
          more keeps answers apart.
        </span>
      </div>
      <details>
        <summary>Questions for this round</summary>
        <p className="rp-health-note">
          Word them your community’s way. To change the questions every new round starts with, edit
          the Health check settings.
        </p>
        {HEALTH_ELEMENTS.map((e) => (
          <label key={e.id} className="rp-health-question-edit">
            <span>{e.label}</span>
            <textarea
              rows={2}
              maxLength={500}
              value={questions[e.id]}
              onChange={(event) => {
                const text = event.target.value;
                setQuestions((q) => ({ ...q, [e.id]: text }));
              }}
            />
          </label>
        ))}
      </details>
      <div className="rp-health-actions">
        <button type="submit" disabled={busy} data-action="open-round">
          Open round
        </button>
      </div>
      {error ? (
        <p role="alert" className="rp-health-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
