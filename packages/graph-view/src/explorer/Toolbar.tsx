import type { RefObject } from 'react';
import type { ExplorerState } from '../explorerState.ts';
import type { GraphView, SizeMeasure } from '../graphView.ts';
import { ExportButtons } from './ExportButtons.tsx';
import type { KindLooks } from './kindLooks.ts';
import { type LocalGraph, LocalGraphControls } from './LocalGraphControls.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SelectionActions } from './SelectionActions.tsx';

/** The explorer's toolbar: search, local graph, layouts, sizing, zoom, exports, selection. */
export function Toolbar(props: {
  view: GraphView | null;
  looks: KindLooks;
  canvas: RefObject<HTMLDivElement | null>;
  local: LocalGraph;
  selection: string[];
  size: ExplorerState['size'];
  onSize: (size: SizeMeasure) => void;
  runLayout: (name: 'fcose' | 'concentric') => void;
  onLink?: ((ids: string[]) => void) | undefined;
  onGroup?: ((ids: string[]) => void) | undefined;
  /** Offered as "Save view as…" when given. */
  onSaveView?: (() => void) | undefined;
}) {
  const { view } = props;
  return (
    <div className="rg-toolbar" role="toolbar" aria-label="Graph">
      <SearchBox
        view={view}
        looks={props.looks}
        onFocus={(id) => {
          view?.focus(id);
          props.canvas.current?.focus();
        }}
      />
      <span className="rg-sep" />
      <LocalGraphControls view={view} local={props.local} selection={props.selection} />
      <span className="rg-sep" />
      <button type="button" onClick={() => props.runLayout('fcose')}>
        Arrange
      </button>
      <button type="button" onClick={() => props.runLayout('concentric')}>
        Rings
      </button>
      <select
        aria-label="Size by"
        value={props.size}
        onChange={(e) => props.onSize(e.target.value as SizeMeasure)}
      >
        <option value="degree">Size: connections</option>
        <option value="betweenness">Size: brokerage</option>
        <option value="uniform">Size: same</option>
      </select>
      <span className="rg-sep" />
      <button type="button" aria-label="Zoom in" onClick={() => view?.zoomBy(1.25)}>
        +
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => view?.zoomBy(0.8)}>
        −
      </button>
      <button type="button" onClick={() => view?.fit()}>
        Fit
      </button>
      <span className="rg-sep" />
      <ExportButtons view={view} />
      {props.onSaveView && (
        <button
          type="button"
          title="Save these filters, focus, date and positions as a named view the whole community can open"
          onClick={props.onSaveView}
          disabled={!view}
        >
          Save view as…
        </button>
      )}
      <SelectionActions
        view={view}
        selection={props.selection}
        onLink={props.onLink}
        onGroup={props.onGroup}
      />
    </div>
  );
}
