import { editorMatch } from '@repertoire/plugin-api';
import type { Entity } from '@repertoire/schema';
import { useEffect } from 'react';
import { useCatalogVersion, useCommunity } from '../community/communityContext.tsx';
import { CustomViewMount } from '../parts/CustomViewMount.tsx';
import type { CustomView } from '../services/customViews.ts';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';

/** The id in an `entity:<id>` URI. */
export const entityIdOf = (uri: string): string => uri.slice('entity:'.length);

/** The view that edits entities of `kind`: one naming the kind before one for every kind. */
export function entityEditorView(
  views: readonly CustomView[],
  kind: string,
): CustomView | undefined {
  let best: CustomView | undefined;
  let score = 0;
  for (const view of views) {
    const match = editorMatch(view.editorFor, kind);
    if (match > score) [best, score] = [view, match];
  }
  return best;
}

/**
 * An entity's tab (`entity:<id>`): the page a plugin registered for the entity's kind
 * (`editorFor.entities`), mounted on the entity. The shell only tells others who is looking.
 */
export function EntityEditorTab(props: { uri: string }) {
  const services = useServices();
  const { session, catalog } = useCommunity();
  useCatalogVersion(catalog);
  const views = useRegistry(services.customViews);
  // Remount when the member's role changes, so the page becomes editable (or not) at once.
  const readOnly = useValue(services.readOnly).readOnly;
  const id = entityIdOf(props.uri);
  const kind = session.workspace.getEntity(id as Entity['id'])?.kind ?? '';
  const view = entityEditorView(views, kind);
  useEffect(() => {
    session.setViewing(props.uri);
    return () => session.setViewing(undefined);
  }, [session, props.uri]);
  if (!view)
    return (
      <div className="rp-page">
        <p className="rp-empty">
          No plugin shows entity pages, so this entry cannot be shown. Enable the Entity pages
          plugin in Plugins.
        </p>
      </div>
    );
  return <CustomViewMount key={`${view.id}:${id}:${readOnly}`} view={view} entityId={id} />;
}
