import type { Entity } from '@repertoire/schema';
import { useEffect } from 'react';
import { CustomViewMount } from '../parts/CustomViewMount.tsx';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';
import { Icon } from '../shell/Icon.tsx';
import { useCatalogVersion, useCommunity } from './communityContext.tsx';

/** The id in a `doc:<id>` URI. */
export const documentIdOf = (uri: string): string => uri.slice('doc:'.length);

/**
 * A document's co-edited content, shown by whichever plugin registered the document editor; the
 * shell itself knows no editor.
 */
export function DocumentPane(props: { entityId: string }) {
  const services = useServices();
  const editor = useRegistry(services.customViews).find((v) => v.documentEditor);
  // Remount when the member's role changes, so the editor becomes editable (or not) at once.
  const readOnly = useValue(services.readOnly).readOnly;
  if (!editor)
    return (
      <p className="rp-empty">
        No document editor is enabled, so this text cannot be shown. Enable the Editor plugin.
      </p>
    );
  return (
    <CustomViewMount
      key={`${props.entityId}:${readOnly}`}
      view={editor}
      entityId={props.entityId}
    />
  );
}

/** A document in its own tab (`doc:<id>`): its title and its co-edited text. */
export function DocumentTab(props: { uri: string }) {
  const services = useServices();
  const { session, catalog } = useCommunity();
  useCatalogVersion(catalog);
  const readOnly = useValue(services.readOnly);
  const id = documentIdOf(props.uri);
  const entity = session.workspace.getEntity(id as Entity['id']);
  useEffect(() => {
    session.setViewing(props.uri);
    return () => session.setViewing(undefined);
  }, [session, props.uri]);
  if (!entity?.document)
    return (
      <div className="rp-page">
        <p className="rp-empty">This document was deleted, or has not reached this device yet.</p>
      </div>
    );
  return (
    <article className="rp-page rp-document-page" aria-label={entity.title}>
      {readOnly.readOnly ? (
        <div className="rp-banner" role="note">
          <Icon name="lock" size={16} />
          <span>{readOnly.reason ?? 'This workspace is read-only for you.'}</span>
        </div>
      ) : null}
      <div className="rp-document-title">
        <h1>{entity.title}</h1>
        <button
          type="button"
          className="rp-button rp-button-secondary rp-button-small"
          onClick={() => services.editors.open(`entity:${entity.id}`)}
        >
          Details and links
        </button>
      </div>
      <DocumentPane entityId={entity.id} />
    </article>
  );
}
