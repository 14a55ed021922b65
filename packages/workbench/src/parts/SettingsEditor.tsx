import { useMemo, useState } from 'react';
import { useObservable, useRegistry, useServices } from '../shell/context.tsx';

/** The settings editor, generated from every declared setting and grouped by section. */
export function SettingsEditor() {
  const services = useServices();
  const declared = useRegistry(services.settings);
  useObservable({ onDidChange: (l) => services.settings.onDidChangeValue(l) }, () =>
    JSON.stringify(declared.map((d) => services.settings.value(d.id))),
  );
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sections = useMemo(() => {
    const f = filter.toLowerCase();
    const map = new Map<string, typeof declared>();
    for (const s of declared) {
      if (f && !`${s.title} ${s.description ?? ''} ${s.id}`.toLowerCase().includes(f)) continue;
      const key = s.section ?? 'General';
      map.set(key, [...(map.get(key) ?? []), s]);
    }
    return [...map];
  }, [declared, filter]);

  const update = (id: string, value: unknown) => {
    try {
      services.settings.update(id, value);
      setErrors(({ [id]: _, ...rest }) => rest);
    } catch (e) {
      setErrors((x) => ({ ...x, [id]: (e as Error).message }));
    }
  };

  return (
    <div className="rp-page rp-settings">
      <h1>Settings</h1>
      <input
        className="rp-input rp-search"
        type="search"
        placeholder="Search settings"
        aria-label="Search settings"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {sections.length === 0 ? <p className="rp-empty">No setting matches “{filter}”.</p> : null}
      {sections.map(([section, items]) => (
        <section key={section} className="rp-settings-section">
          <h2>{section}</h2>
          {items.map((s) => {
            const value = services.settings.value(s.id);
            const id = `setting-${s.id}`;
            return (
              <div
                key={s.id}
                className="rp-setting"
                data-modified={services.settings.isModified(s.id) || undefined}
              >
                <label htmlFor={id} className="rp-setting-title">
                  {s.title} <code>{s.id}</code>
                </label>
                {s.description ? <p className="rp-setting-desc">{s.description}</p> : null}
                {s.type === 'boolean' ? (
                  <input
                    id={id}
                    type="checkbox"
                    checked={Boolean(value)}
                    onChange={(e) => update(s.id, e.target.checked)}
                  />
                ) : s.type === 'enum' ? (
                  <select
                    id={id}
                    className="rp-input"
                    value={String(value)}
                    onChange={(e) => update(s.id, e.target.value)}
                  >
                    {s.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label ?? o.value}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    className="rp-input"
                    type={s.type === 'number' ? 'number' : 'text'}
                    defaultValue={String(value)}
                    onBlur={(e) =>
                      update(s.id, s.type === 'number' ? Number(e.target.value) : e.target.value)
                    }
                  />
                )}
                {errors[s.id] ? (
                  <p className="rp-field-error" role="alert">
                    {errors[s.id]}
                  </p>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
