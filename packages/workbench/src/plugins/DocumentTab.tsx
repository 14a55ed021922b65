import { useRegistry, useServices } from '../shell/context.tsx';
import { EntityViewTab } from './EntityViewTab.tsx';

/** The id in a `doc:<id>` URI. */
export const documentIdOf = (uri: string): string => uri.slice('doc:'.length);

/**
 * A document in its own tab (`doc:<id>`): the view a plugin registered as the editor of
 * documents (`editorFor: { documents: true }`), mounted on the entity and not embedded, so it
 * draws the whole tab (its title, the read-only banner, a deleted document's note). The shell only
 * tells others who is looking.
 */
export function DocumentTab(props: { uri: string }) {
  const services = useServices();
  const view = useRegistry(services.customViews).find((v) => v.documentEditor);
  return (
    <EntityViewTab
      uri={props.uri}
      entityId={documentIdOf(props.uri)}
      view={view}
      missing="No document editor is enabled, so this text cannot be shown. Enable the Document editor plugin in Plugins."
    />
  );
}
