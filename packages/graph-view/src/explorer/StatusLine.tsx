import type { GraphView, LoadProgress } from '../graphView.ts';
import type { LayoutRun } from './useLayoutRun.ts';
import { useViewValue } from './useViewEvent.ts';

/** How much of the graph is shown, in the member's words. */
function shownSummary(view: GraphView): string {
  const nodes = view.visibility.shownNodes();
  const relations = nodes
    .edgesWith(nodes)
    .filter((e) => !e.hasClass('filtered') && !e.hasClass('derived')).length;
  const n = nodes.length;
  return `${n.toLocaleString()} ${n === 1 ? 'entity' : 'entities'} and ${relations.toLocaleString()} ${relations === 1 ? 'relation' : 'relations'} shown`;
}

/**
 * The line under the graph: what is shown, a large graph's relations still arriving, a layout
 * under way (with Cancel), or what went wrong. How it is drawn (canvas or WebGL) is for
 * developers: it is the line's tooltip, not its text.
 */
export function StatusLine(props: {
  view: GraphView | null;
  /** A large graph's relations still arriving. */
  loading: LoadProgress | null;
  layout: LayoutRun | null;
  error: string | null;
}) {
  const { view, layout } = props;
  const summary = useViewValue(view, shownSummary, (v) => [
    v.onDidUpdate,
    v.onDidChangeVisibility,
    v.onDidProgress,
    v.onDidChangeShownDate,
  ]);
  const { loading } = props;
  return (
    <div className="rg-status" role="status" title={view?.renderMode.reason}>
      <span>{props.error ?? summary ?? ''}</span>
      {loading && (
        <>
          <span>
            Drawing relations… {loading.loaded.toLocaleString()} of {loading.total.toLocaleString()}
          </span>
          <progress max={loading.total} value={loading.loaded} />
        </>
      )}
      {layout && (
        <>
          <span>Arranging…</span>
          <progress max={1} value={layout.progress} />
          <button type="button" onClick={() => layout.abort.abort()}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
