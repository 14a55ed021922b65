import { Icon } from '@repertoire/icons';
import type {
  ChartViewContent,
  FormSubmitResult,
  FormValues,
  FormViewContent,
  ListViewContent,
} from '@repertoire/plugin-api';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useServices } from '../shell/context.tsx';

// The workbench's own components for the declarative views of the plugin API (1.4): a plugin
// sends a list, a form or a chart as data (already checked by the host) and these render it, so
// a sandboxed plugin in a Worker gets real UI without DOM.

/** A list view: one button per row, its icon, label and description; activating runs its action. */
export function DeclarativeList(props: { content: ListViewContent }) {
  const services = useServices();
  const { items, emptyText } = props.content;
  if (items.length === 0) return <p className="rp-empty">{emptyText ?? 'Nothing here yet.'}</p>;
  return (
    <ul className="rp-tree rp-list-view">
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="rp-row"
            data-list-item={item.id}
            onClick={() => {
              if (item.command)
                void services.commands.execute(item.command.id, ...(item.command.args ?? []));
              else if (item.entityId) services.editors.open(`entity:${item.entityId}`);
            }}
          >
            {item.icon ? <Icon name={item.icon} size={14} /> : null}
            <span className="rp-row-label">{item.label}</span>
            {item.description ? <span className="rp-row-desc">{item.description}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

type Draft = Record<string, string | boolean>;

const initialDraft = (content: FormViewContent): Draft =>
  Object.fromEntries(
    content.fields.map((f) => [
      f.name,
      f.type === 'boolean' ? f.default === true : f.default === undefined ? '' : String(f.default),
    ]),
  );

/** The draft as the values the plugin receives: typed, and `null` for an empty optional field. */
function toValues(content: FormViewContent, draft: Draft): FormValues {
  const values: Record<string, string | number | boolean | null> = {};
  for (const f of content.fields) {
    const raw = draft[f.name];
    if (f.type === 'boolean') values[f.name] = raw === true;
    else if (raw === '' || raw === undefined || raw === false)
      values[f.name] = f.required && f.type !== 'number' ? '' : null;
    else values[f.name] = f.type === 'number' ? Number(raw) : String(raw);
  }
  return values;
}

/**
 * A form view: labelled native inputs from the field schema and a submit button. The values go to
 * the plugin through the host, which checks them again; its refusal or confirmation shows under
 * the form, and nothing typed is lost on an error.
 */
export function DeclarativeForm(props: {
  content: FormViewContent;
  submit?: ((values: FormValues) => Promise<void | FormSubmitResult>) | undefined;
}) {
  const { content, submit } = props;
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(content));
  const [outcome, setOutcome] = useState<{ error?: string; message?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(initialDraft(content)), [content]);
  const set = (name: string, value: string | boolean) => setDraft((d) => ({ ...d, [name]: value }));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!submit) {
      setOutcome({
        error: 'This form has nowhere to send its values (its plugin gave no submit).',
      });
      return;
    }
    setBusy(true);
    try {
      const result = await submit(toValues(content, draft));
      setOutcome({ message: result?.message ?? 'Sent.' });
    } catch (error) {
      setOutcome({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rp-form-view" onSubmit={onSubmit} aria-label={content.title ?? 'Form'}>
      {content.title ? <h2 className="rp-form-view-title">{content.title}</h2> : null}
      {content.fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const value = draft[f.name];
        const help = f.description ? (
          <span className="rp-form-view-help" id={`${fid}-help`}>
            {f.description}
          </span>
        ) : null;
        const common = {
          id: fid,
          name: f.name,
          required: f.required === true,
          ...(f.description ? { 'aria-describedby': `${fid}-help` } : {}),
        };
        if (f.type === 'boolean')
          return (
            <div key={f.name} className="rp-form-view-field rp-form-view-check">
              <input
                {...common}
                required={false}
                type="checkbox"
                checked={value === true}
                onChange={(e) => set(f.name, e.target.checked)}
              />
              <label htmlFor={fid}>{f.label}</label>
              {help}
            </div>
          );
        let input: React.ReactNode;
        if (f.type === 'enum')
          input = (
            <select
              {...common}
              value={String(value ?? '')}
              onChange={(e) => set(f.name, e.target.value)}
            >
              <option value="">{f.required ? 'Choose…' : '(none)'}</option>
              {f.options?.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          );
        else if (f.type === 'text')
          input = (
            <textarea
              {...common}
              rows={4}
              placeholder={f.placeholder}
              value={String(value ?? '')}
              onChange={(e) => set(f.name, e.target.value)}
            />
          );
        else
          input = (
            <input
              {...common}
              type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
              placeholder={f.placeholder}
              {...(f.min !== undefined ? { min: f.min } : {})}
              {...(f.max !== undefined ? { max: f.max } : {})}
              value={String(value ?? '')}
              onChange={(e) => set(f.name, e.target.value)}
            />
          );
        return (
          <div key={f.name} className="rp-form-view-field">
            <label htmlFor={fid}>{f.label}</label>
            {input}
            {help}
          </div>
        );
      })}
      <div className="rp-form-view-actions">
        <button type="submit" className="rp-button" disabled={busy}>
          {content.submitLabel ?? 'Submit'}
        </button>
      </div>
      {outcome.error ? (
        <p className="rp-error" role="alert">
          {outcome.error}
        </p>
      ) : outcome.message ? (
        <p className="rp-form-view-message" role="status">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}

/**
 * A chart view, drawn by Chart.js (the charting library the insight and health-check plugins use)
 * on a canvas, with its data also as a table for screen readers and keyboard users. Chart.js
 * (about 70 kB gzipped) loads when the first chart is shown, not with the workbench: the table is
 * there at once, the canvas is drawn when the library arrives (`data-drawn` then says so).
 */
export function DeclarativeChart(props: { content: ChartViewContent }) {
  const { content } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let destroy: (() => void) | undefined;
    let cancelled = false;
    setDrawn(false);
    setFailure(null);
    import('./chartCanvas.ts')
      .then(({ drawChart }) => {
        if (cancelled || !canvas.current) return;
        const text = getComputedStyle(document.documentElement).getPropertyValue('--rp-fg').trim();
        destroy = drawChart(canvas.current, content, text);
        setDrawn(true);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [content]);
  return (
    <figure
      className="rp-chart-view"
      data-chart={content.chart}
      {...(drawn ? { 'data-drawn': 'true' } : {})}
    >
      <div className="rp-chart-view-canvas">
        <canvas ref={canvas} role="img" aria-label={content.title ?? 'Chart'} />
      </div>
      {failure && (
        <p role="alert" className="rp-error">
          The chart could not be drawn ({failure}); its data is in the table below. Reload the page
          to try again.
        </p>
      )}
      <details>
        <summary>Show the data as a table</summary>
        <table className="rp-table">
          <thead>
            <tr>
              <th scope="col" />
              {content.series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {content.labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {content.series.map((s) => (
                  <td key={s.label}>{s.data[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
