import { useState } from 'react';
import { chordOf, formatChord } from '../services/keybindings.ts';
import { useObservable, useRegistry, useServices } from '../shell/context.tsx';

/** Lists every keybinding and lets the member record a new chord or reset it. */
export function KeybindingsEditor() {
  const services = useServices();
  const bindings = useRegistry(services.keybindings);
  const commands = useRegistry(services.commands);
  useObservable({ onDidChange: (l) => services.keybindings.onDidChangeOverrides(l) }, () =>
    services.keybindings.overrides(),
  );
  const [recording, setRecording] = useState<string>();
  const setOverride = (id: string, chord: string | undefined) => {
    const { [id]: _, ...rest } = services.keybindings.overrides();
    services.settings.update(
      'workbench.keybindings',
      JSON.stringify(chord === undefined ? rest : { ...rest, [id]: chord }),
    );
  };
  return (
    <div className="rp-page">
      <h1>Keyboard shortcuts</h1>
      <p className="rp-muted">Click a shortcut, then press the keys you want. Escape cancels.</p>
      <table className="rp-table">
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Keys</th>
            <th scope="col">
              <span className="rp-visually-hidden">Reset</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bindings.map((b) => {
            const command = commands.find((c) => c.id === b.command);
            const key = services.keybindings.effectiveKey(b);
            const overridden = b.id in services.keybindings.overrides();
            return (
              <tr key={b.id}>
                <td>
                  {command
                    ? `${command.category ? `${command.category}: ` : ''}${command.title}`
                    : b.command}
                </td>
                <td>
                  <button
                    type="button"
                    className="rp-key-button"
                    aria-label={`Change shortcut for ${command?.title ?? b.command}`}
                    onClick={() => setRecording(b.id)}
                    onBlur={() => setRecording(undefined)}
                    onKeyDown={(e) => {
                      if (recording !== b.id) return;
                      e.preventDefault();
                      e.stopPropagation();
                      if (e.key === 'Escape') return setRecording(undefined);
                      const chord = chordOf(e.nativeEvent);
                      if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
                      setOverride(b.id, chord);
                      setRecording(undefined);
                    }}
                  >
                    {recording === b.id ? 'Press keys…' : key ? <kbd>{formatChord(key)}</kbd> : '—'}
                  </button>
                </td>
                <td>
                  {overridden ? (
                    <button
                      type="button"
                      className="rp-link-button"
                      onClick={() => setOverride(b.id, undefined)}
                    >
                      Reset
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
