import { type ReactNode, useState } from 'react';
import type { GraphView } from '../graphView.ts';
import type { KindLooks } from './kindLooks.ts';
import { useViewValue } from './useViewEvent.ts';

/** The side panel: a checkbox per entity kind and relation type present in the graph. */
export function FilterPanel(props: {
  view: GraphView | null;
  looks: KindLooks;
  /** Shown above the filters (the View menu). */
  children?: ReactNode;
}) {
  const { view, looks } = props;
  const lists = useViewValue(
    view,
    (v) => ({ kinds: v.kinds(), relationTypes: v.relationTypes() }),
    (v) => [v.onDidUpdate, v.onDidProgress, v.onDidChangeVisibility],
  );
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<string>>(new Set());
  const [hiddenRelations, setHiddenRelations] = useState<ReadonlySet<string>>(new Set());
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };
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
              checked={!hiddenKinds.has(k)}
              onChange={() => {
                const next = toggle(hiddenKinds, k);
                setHiddenKinds(next);
                view?.setKindShown(k, !next.has(k));
              }}
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
            checked={!hiddenRelations.has(t)}
            onChange={() => {
              const next = toggle(hiddenRelations, t);
              setHiddenRelations(next);
              view?.setRelationShown(t, !next.has(t));
            }}
          />
          {looks.labels[t] ?? t}
        </label>
      ))}
    </fieldset>
  );
}
