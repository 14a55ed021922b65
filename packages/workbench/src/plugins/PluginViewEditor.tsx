import { ViewHost } from '../parts/ViewHost.tsx';

/** A plugin's editor-area view (`view:<id>`), rendered from its data like any other view. */
export function PluginViewEditor(props: { uri: string }) {
  const id = props.uri.slice('view:'.length);
  return (
    <div className="rp-page">
      <ViewHost view={{ id, container: 'editor', title: id }} />
    </div>
  );
}
