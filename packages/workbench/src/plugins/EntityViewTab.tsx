import { useEffect } from 'react';
import { useCommunity } from '../community/communityContext.tsx';
import { CustomViewMount } from '../parts/CustomViewMount.tsx';
import type { CustomView } from '../services/customViews.ts';
import { useServices, useValue } from '../shell/context.tsx';

/**
 * A tab that shows one entity through a plugin's view (an entity page, a document): mounts `view`
 * on the entity, remounting it when the member's role changes so it becomes editable (or not) at
 * once, and tells the others who is looking. Without a view, `missing` says which plugin to enable.
 */
export function EntityViewTab(props: {
  uri: string;
  entityId: string;
  view: CustomView | undefined;
  missing: string;
}) {
  const services = useServices();
  const { session } = useCommunity();
  const readOnly = useValue(services.readOnly).readOnly;
  const { uri, entityId, view } = props;
  useEffect(() => {
    session.setViewing(uri);
    return () => session.setViewing(undefined);
  }, [session, uri]);
  if (!view)
    return (
      <div className="rp-page">
        <p className="rp-empty">{props.missing}</p>
      </div>
    );
  return (
    <CustomViewMount key={`${view.id}:${entityId}:${readOnly}`} view={view} entityId={entityId} />
  );
}
