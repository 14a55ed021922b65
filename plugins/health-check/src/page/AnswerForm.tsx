import {
  HEALTH_ELEMENTS,
  type HealthAnswerInput,
  type HealthElementId,
  type HealthRoundInfo,
} from '@repertoire/plugin-api';
import { useState } from 'react';

/** The words beside each score, so 1 and 5 mean the same to everyone. */
export const SCALE_LABELS = ['Not yet', 'A little', 'Partly', 'Mostly', 'Fully'] as const;

/**
 * A member's answer to an open round: the six questions, a score from 1 to 5 on each, optional
 * comments, and whether the comments may appear without a name. Shows the member's own saved
 * answer, and lets them change or withdraw it while the round is open.
 */
export function AnswerForm(props: {
  round: HealthRoundInfo;
  onAnswer: (answer: HealthAnswerInput) => Promise<void>;
  onWithdraw: () => Promise<void>;
}) {
  const { round } = props;
  const mine = round.myAnswer;
  const [scores, setScores] = useState<Partial<Record<HealthElementId, number>>>(
    mine?.scores ?? {},
  );
  const [comments, setComments] = useState<Partial<Record<HealthElementId, string>>>(
    mine?.comments ?? {},
  );
  const [share, setShare] = useState(mine?.shareComments ?? false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const missing = HEALTH_ELEMENTS.filter((e) => scores[e.id] === undefined);

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
      setMessage({ text: done, error: false });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (missing.length > 0) {
      setMessage({
        text: `Give a score for ${missing.map((e) => e.label.toLowerCase()).join(', ')} first.`,
        error: true,
      });
      return;
    }
    const written = Object.fromEntries(
      Object.entries(comments).filter(([, text]) => (text ?? '').trim() !== ''),
    );
    void run(
      () =>
        props.onAnswer({
          scores: scores as Record<HealthElementId, number>,
          comments: written,
          shareComments: share,
        }),
      'Your answer is saved. Only you can see it; others see the totals once enough have answered.',
    );
  };

  return (
    <form
      className="rp-health-answer"
      onSubmit={submit}
      aria-label={`Your answer to ${round.title}`}
    >
      {HEALTH_ELEMENTS.map((element, index) => {
        const name = `rp-health-${round.id}-${element.id}`;
        return (
          <fieldset key={element.id} className="rp-health-element" data-element={element.id}>
            <legend className="rp-health-element-name">
              {index + 1}. {element.label}
            </legend>
            <p className="rp-health-question" id={`${name}-question`}>
              {round.questions[element.id]}
            </p>
            <div
              className="rp-health-scale"
              role="radiogroup"
              aria-label={`${element.label}: your score`}
              aria-describedby={`${name}-question`}
            >
              {SCALE_LABELS.map((label, i) => {
                const value = i + 1;
                return (
                  <label key={value} className="rp-health-score">
                    <input
                      type="radio"
                      name={name}
                      value={value}
                      checked={scores[element.id] === value}
                      onChange={() => setScores((s) => ({ ...s, [element.id]: value }))}
                    />
                    <span>
                      {value} · {label}
                    </span>
                  </label>
                );
              })}
            </div>
            <label className="rp-health-comment">
              <span>Comment (optional)</span>
              <textarea
                rows={2}
                maxLength={2000}
                value={comments[element.id] ?? ''}
                onChange={(event) => {
                  const text = event.target.value;
                  setComments((c) => ({ ...c, [element.id]: text }));
                }}
              />
            </label>
          </fieldset>
        );
      })}
      <label className="rp-health-share">
        <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
        <span>Show my comments in the results, without my name</span>
      </label>
      <div className="rp-health-actions">
        <button type="submit" disabled={busy} data-action="save-answer">
          {mine ? 'Update my answer' : 'Save my answer'}
        </button>
        {mine ? (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await props.onWithdraw();
                setScores({});
                setComments({});
                setShare(false);
              }, 'Your answer is withdrawn.')
            }
          >
            Withdraw my answer
          </button>
        ) : null}
        {mine ? (
          <span className="rp-health-note">
            Saved {new Date(mine.updatedAt).toLocaleString()}; you can change it until the round
            closes.
          </span>
        ) : null}
      </div>
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'rp-health-error' : 'rp-health-saved'}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
