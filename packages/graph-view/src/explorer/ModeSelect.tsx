import type { GraphMode } from '../modes.ts';

/** The View menu: which way of looking at the graph (meetings folded, every entity…). */
export function ModeSelect(props: {
  modes: readonly GraphMode[];
  mode: GraphMode;
  onChange: (mode: GraphMode) => void;
}) {
  if (props.modes.length < 2) return null;
  return (
    <label className="rg-mode" title={props.mode.description}>
      <span className="rg-heading">View</span>
      <select
        aria-label="View"
        value={props.mode.id}
        onChange={(e) => {
          const next = props.modes.find((m) => m.id === e.target.value);
          if (next) props.onChange(next);
        }}
      >
        {props.modes.map((m) => (
          <option key={m.id} value={m.id} title={m.description}>
            {m.label}
          </option>
        ))}
      </select>
    </label>
  );
}
