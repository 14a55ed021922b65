import { useEffect } from 'react';
import { useCommunity } from '../community/communityContext.tsx';
import { CustomViewMount } from '../parts/CustomViewMount.tsx';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';

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
  const { session } = useCommunity();
  const view = useRegistry(services.customViews).find((v) => v.documentEditor);
  // Remount when the member's role changes, so the editor becomes editable (or not) at once.
  const readOnly = useValue(services.readOnly).readOnly;
  const id = documentIdOf(props.uri);
  useEffect(() => {
    session.setViewing(props.uri);
    return () => session.setViewing(undefined);
  }, [session, props.uri]);
  if (!view)
    return (
      <div className="rp-page">
        <p className="rp-empty">
          No document editor is enabled, so this text cannot be shown. Enable the Document editor
          plugin in Plugins.
        </p>
      </div>
    );
  return <CustomViewMount key={`${view.id}:${id}:${readOnly}`} view={view} entityId={id} />;
}
