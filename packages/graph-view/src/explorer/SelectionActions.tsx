import { useEffect, useState } from 'react';
import type { GraphView } from '../graphView.ts';

/** The selected entities, in the order the member picked them. */
export function useSelection(view: GraphView | null): string[] {
  const [selection, setSelection] = useState<string[]>([]);
  useEffect(() => {
    if (!view) return;
    const d = view.onDidChangeSelection(setSelection);
    return () => d.dispose();
  }, [view]);
  return selection;
}

/** With two or more selected: a path between two, linking, grouping (when offered). */
export function SelectionActions(props: {
  view: GraphView | null;
  selection: string[];
  onLink?: ((ids: string[]) => void) | undefined;
  onGroup?: ((ids: string[]) => void) | undefined;
}) {
  const { view, selection } = props;
  if (selection.length < 2) return null;
  return (
    <>
      <span className="rg-sep" />
      {selection.length === 2 && (
        <button
          type="button"
          onClick={() => view?.showPath(selection[0] as string, selection[1] as string)}
        >
          Path between
        </button>
      )}
      {props.onLink && (
        <button type="button" onClick={() => props.onLink?.(selection)}>
          Link…
        </button>
      )}
      {props.onGroup && (
        <button type="button" onClick={() => props.onGroup?.(selection)}>
          Group…
        </button>
      )}
    </>
  );
}
