import type { GraphView } from '../graphView.ts';

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** PNG and SVG downloads of the current view. */
export function ExportButtons(props: { view: GraphView | null }) {
  const { view } = props;
  return (
    <>
      <button type="button" onClick={() => view && download('graph.png', view.exportPng())}>
        PNG
      </button>
      <button
        type="button"
        onClick={async () => {
          if (view)
            download('graph.svg', new Blob([await view.exportSvg()], { type: 'image/svg+xml' }));
        }}
      >
        SVG
      </button>
    </>
  );
}
