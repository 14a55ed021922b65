import { Icon } from '@repertoire/icons';
import type { Entity } from '@repertoire/schema';
import { useEffect, useRef } from 'react';
import { useCatalogVersion, useCommunity } from '../community/communityContext.tsx';
import { useServices, useValue } from '../shell/context.tsx';
import { mountDocumentEditor } from './documentEditorMount.ts';

/** The id in a `doc:<id>` URI. */
export const documentIdOf = (uri: string): string => uri.slice('doc:'.length);

/** Mounts the document editor plugin's view for an entity. */
function DocumentEditorSlot(props: { entityId: string }) {
  const services = useServices();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const mounted = mountDocumentEditor(services, element, props.entityId);
    return () => mounted.dispose();
  }, [services, props.entityId]);
  return <div ref={ref} />;
}

/**
 * A document in its own tab (`doc:<id>`): its title and its co-edited text, which whichever plugin
 * registered the document editor shows; the shell itself knows no editor.
 */
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
      {/* Remounted when the member's role changes, so the editor becomes editable (or not). */}
      <DocumentEditorSlot key={`${entity.id}:${readOnly.readOnly}`} entityId={entity.id} />
    </article>
  );
}
