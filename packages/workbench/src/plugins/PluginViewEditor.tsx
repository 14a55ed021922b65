import { CustomViewMount } from '../parts/CustomViewMount.tsx';
import { ViewHost } from '../parts/ViewHost.tsx';
import { useRegistry, useServices } from '../shell/context.tsx';

/**
 * A plugin's editor-area view (`view:<id>`): its own DOM filling the tab when it registered a
 * custom view (a graph canvas), else rendered from its data like any other view.
 */
export function PluginViewEditor(props: { uri: string }) {
  const id = props.uri.slice('view:'.length);
  const services = useServices();
  const custom = useRegistry(services.customViews).find((v) => v.id === id);
  if (custom)
    return (
      <div className="rp-custom-editor">
        <CustomViewMount view={custom} />
      </div>
    );
  return (
    <div className="rp-page">
      <ViewHost view={{ id, container: 'editor', title: id }} />
    </div>
  );
}
