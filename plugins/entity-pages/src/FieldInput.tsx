import {
  type FieldDefinition,
  type FieldValue,
  type JsonValue,
  validateFieldValue,
} from '@repertoire/plugin-api';
import { type ReactNode, useEffect, useState } from 'react';

/** What a field's value looks like while the member types it. */
export function toDraft(def: FieldDefinition, value: JsonValue | undefined): string | boolean {
  if (def.type === 'boolean') return Boolean(value);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Turns the typed text into a field value; '' means "clear" (null). */
export function fromDraft(def: FieldDefinition, draft: string | boolean): FieldValue | null {
  if (def.type === 'boolean') return Boolean(draft);
  const text = String(draft);
  if (text.trim() === '') return null;
  if (def.type === 'number') return Number(text);
  if (def.type === 'stringList')
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return text;
}

/**
 * One field of an entity page's form, generated from its definition. Saves on change (toggles,
 * choices) or on blur (text), showing the validation message instead of saving bad input.
 */
export function FieldInput(props: {
  def: FieldDefinition;
  value: JsonValue | undefined;
  readOnly: boolean;
  /** The entities an `entityRef` field may point to. */
  refOptions?: readonly { value: string; label: string }[];
  onSave: (value: FieldValue | null) => Promise<string | undefined>;
}) {
  const { def } = props;
  const [draft, setDraft] = useState(() => toDraft(def, props.value));
  const [error, setError] = useState<string>();
  const [focused, setFocused] = useState(false);
  // Someone else's change shows at once unless this member is typing in the field.
  useEffect(() => {
    if (!focused) setDraft(toDraft(def, props.value));
  }, [def, props.value, focused]);

  const id = `field-${def.name}`;
  // A toggle or a choice saves at once, so it always shows the stored value: a change the server
  // refused, and this device took back, shows as taken back even while the field has focus.
  const savesOnChange = def.type === 'boolean' || def.type === 'enum' || def.type === 'entityRef';
  const shown = savesOnChange ? toDraft(def, props.value) : draft;
  const commit = (next: string | boolean) => {
    const value = fromDraft(def, next);
    const invalid = validateFieldValue(def, value);
    if (invalid) {
      setError(invalid);
      return;
    }
    void props.onSave(value).then(setError);
  };
  const common = {
    id,
    disabled: props.readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : def.description ? `${id}-help` : undefined,
    onFocus: () => setFocused(true),
  } as const;

  let input: ReactNode;
  if (def.type === 'boolean')
    input = (
      <input
        {...common}
        type="checkbox"
        checked={Boolean(shown)}
        onChange={(e) => {
          setDraft(e.target.checked);
          commit(e.target.checked);
        }}
        onBlur={() => setFocused(false)}
      />
    );
  else if (def.type === 'enum' || def.type === 'entityRef') {
    const options =
      def.type === 'enum'
        ? (def.options ?? []).map((o) => ({ value: o, label: o }))
        : (props.refOptions ?? []);
    input = (
      <select
        {...common}
        className="rp-input"
        value={String(shown)}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => setFocused(false)}
      >
        <option value="">{def.required ? 'Choose…' : '—'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (def.type === 'text')
    input = (
      <textarea
        {...common}
        className="rp-input"
        rows={4}
        value={String(draft)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setFocused(false);
          commit(draft);
        }}
      />
    );
  else
    input = (
      <input
        {...common}
        className="rp-input"
        type={def.type === 'number' ? 'number' : def.type === 'date' ? 'date' : 'text'}
        placeholder={def.type === 'stringList' ? 'Separate items with commas' : undefined}
        value={String(draft)}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        onBlur={() => {
          setFocused(false);
          commit(draft);
        }}
      />
    );

  return (
    <div className="rp-field" data-type={def.type}>
      <label htmlFor={id}>
        {def.label}
        {def.required ? (
          <span className="rp-required" title="required">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {input}
      {error ? (
        <p id={`${id}-error`} className="rp-field-error" role="alert">
          {error}
        </p>
      ) : def.description ? (
        <p id={`${id}-help`} className="rp-field-help">
          {def.description}
        </p>
      ) : null}
    </div>
  );
}
