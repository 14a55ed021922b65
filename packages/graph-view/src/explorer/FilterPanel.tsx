import type { ReactNode } from 'react';
import type { GraphView } from '../graphView.ts';
import type { KindLooks } from './kindLooks.ts';
import { useViewValue } from './useViewEvent.ts';

/** The side panel: a checkbox per entity kind and relation type present in the graph. */
export function FilterPanel(props: {
  view: GraphView | null;
  looks: KindLooks;
  hiddenKinds: readonly string[];
  hiddenRelations: readonly string[];
  onToggleKind: (kind: string) => void;
  onToggleRelation: (type: string) => void;
  /** Shown above the filters (the View menu). */
  children?: ReactNode;
}) {
  const { view, looks } = props;
  const lists = useViewValue(
    view,
    (v) => ({ kinds: v.kinds(), relationTypes: v.relationTypes() }),
    (v) => [v.onDidUpdate, v.onDidProgress, v.onDidChangeVisibility],
  );
  return (
    <fieldset className="rg-side" aria-label="Filters">
      {props.children}
      <h3>Show</h3>
      {(lists?.kinds ?? [])
        .filter((k) => !view?.visibility.foldedKinds.has(k))
        .map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              data-kind={k}
              checked={!props.hiddenKinds.includes(k)}
              onChange={() => props.onToggleKind(k)}
            />
            <span className="rg-dot" style={{ background: looks.colours.get(k) ?? '#94a3b8' }} />
            {looks.labels[k] ?? k}
          </label>
        ))}
      <h3>Relations</h3>
      {(lists?.relationTypes ?? []).map((t) => (
        <label key={t}>
          <input
            type="checkbox"
            data-relation={t}
            checked={!props.hiddenRelations.includes(t)}
            onChange={() => props.onToggleRelation(t)}
          />
          {looks.labels[t] ?? t}
        </label>
      ))}
    </fieldset>
  );
}
