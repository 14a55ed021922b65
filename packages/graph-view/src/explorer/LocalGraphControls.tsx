import type { GraphView } from '../graphView.ts';

/** The local graph's state and how to change it, shared by the toolbar and the keyboard. */
export interface LocalGraph {
  readonly root: string | null;
  readonly depth: number;
  /** Shows the local graph of `id` (null: the whole graph). */
  show(id: string | null, depth?: number): void;
  setDepth(depth: number): void;
}

/** Local graph, its depth, and (inside it) expand, collapse and back to the whole graph. */
export function LocalGraphControls(props: {
  view: GraphView | null;
  local: LocalGraph;
  selection: readonly string[];
}) {
  const { view, local } = props;
  return (
    <>
      <button
        type="button"
        onClick={() => local.show(view?.focused() ?? props.selection[0] ?? null)}
        disabled={!view}
      >
        Local graph
      </button>
      <label>
        depth{' '}
        <select
          aria-label="Local graph depth"
          value={local.depth}
          onChange={(e) => local.setDepth(Number(e.target.value))}
        >
          {[1, 2, 3, 4].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {local.root && (
        <>
          <button
            type="button"
            title="Bring the focused entity's neighbours into view (E)"
            onClick={() => {
              const id = view?.focused();
              if (id) view?.expand(id);
            }}
          >
            Expand
          </button>
          <button
            type="button"
            title="Hide the neighbours that hang only on the focused entity (C)"
            onClick={() => {
              const id = view?.focused();
              if (id) view?.collapse(id);
            }}
          >
            Collapse
          </button>
          <button type="button" onClick={() => local.show(null)}>
            Whole graph
          </button>
        </>
      )}
    </>
  );
}
