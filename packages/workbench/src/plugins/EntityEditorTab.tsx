import { editorMatch } from '@repertoire/plugin-api';
import type { Entity } from '@repertoire/schema';
import { useCatalogVersion, useCommunity } from '../community/communityContext.tsx';
import type { CustomView } from '../services/customViews.ts';
import { useRegistry, useServices } from '../shell/context.tsx';
import { EntityViewTab } from './EntityViewTab.tsx';

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
  const id = entityIdOf(props.uri);
  const kind = session.workspace.getEntity(id as Entity['id'])?.kind ?? '';
  return (
    <EntityViewTab
      uri={props.uri}
      entityId={id}
      view={entityEditorView(views, kind)}
      missing="No plugin shows entity pages, so this entry cannot be shown. Enable the Entity pages plugin in Plugins."
    />
  );
}
