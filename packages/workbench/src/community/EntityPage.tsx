import { DocumentRegistry } from '@repertoire/core';
import type { Entity, FieldValue } from '@repertoire/schema';
import { useEffect, useState } from 'react';
import { useServices, useValue } from '../shell/context.tsx';
import { Icon } from '../shell/Icon.tsx';
import { useCatalogVersion, useCommunity } from './communityContext.tsx';
import { DocumentPane } from './DocumentPane.tsx';
import { deleteEntityFlow, describeError, linkFlow } from './entityActions.ts';
import { FieldInput } from './FieldInput.tsx';
import { groupRelations, RelationGroups } from './RelationGroups.tsx';

/** The id in an `entity:<id>` URI. */
export const entityIdOf = (uri: string): string => uri.slice('entity:'.length);

/**
 * An entity's page: its title, a form generated from its kind's fields (with validation
 * messages), its relations, backlinks and the documents that mention it. Read-only for viewers.
 */
export function EntityPage(props: { uri: string }) {
  const services = useServices();
  const { session, catalog } = useCommunity();
  useCatalogVersion(catalog);
  const readOnly = useValue(services.readOnly);
  const ws = session.workspace;
  const id = entityIdOf(props.uri) as Entity['id'];
  const entity = ws.getEntity(id);
  const [title, setTitle] = useState(entity?.title ?? '');
  const [titleError, setTitleError] = useState<string>();
  const [editingTitle, setEditingTitle] = useState(false);
  useEffect(() => {
    if (!editingTitle && entity) setTitle(entity.title);
  }, [entity, editingTitle]);
  useEffect(() => {
    session.setViewing(props.uri);
    return () => session.setViewing(undefined);
  }, [session, props.uri]);

  if (!entity)
    return (
      <div className="rp-page">
        <p className="rp-empty">This was deleted, or has not reached this device yet.</p>
      </div>
    );
  const kind = ws.kinds.entityKind(entity.kind)?.definition;
  const label = (other: Entity | undefined) => other?.title ?? 'Someone deleted this';
  const out = ws.relations({ from: entity.id }).filter((r) => r.type !== 'mentions');
  const back = ws.relations({ to: entity.id }).filter((r) => r.type !== 'mentions');
  const mentions = ws.relations({ to: entity.id, type: 'mentions' });

  const saveTitle = () => {
    setEditingTitle(false);
    if (title.trim() === entity.title) return;
    try {
      ws.updateEntity(entity.id, { title });
      setTitleError(undefined);
    } catch (error) {
      setTitleError(describeError(error));
    }
  };
  const saveField = (name: string, value: FieldValue | null): string | undefined => {
    try {
      ws.updateEntity(entity.id, { fields: { [name]: value } });
      return undefined;
    } catch (error) {
      return describeError(error);
    }
  };
  // Whether others of this kind have a document: then a missing one is worth pointing out.
  const documentsUsual = ws.entities(entity.kind).some((e) => e.document);
  const startDocument = (
    <button
      type="button"
      className="rp-button rp-button-secondary rp-button-small"
      onClick={() => {
        try {
          new DocumentRegistry(ws).attach(entity.id);
        } catch (error) {
          services.notifications.error('Could not start the document', describeError(error));
        }
      }}
    >
      <Icon name="file-text" size={14} /> Start the document
    </button>
  );
  const peersHere = session.peers.get().filter((p) => p.viewing === props.uri);

  return (
    <article className="rp-page rp-entity-page" aria-labelledby="entity-title">
      {readOnly.readOnly ? (
        <div className="rp-banner" role="note">
          <Icon name="lock" size={16} />
          <span>{readOnly.reason ?? 'This workspace is read-only for you.'}</span>
        </div>
      ) : null}
      <div className="rp-entity-kind">
        {/* The kind's colour on the border and icon only: as text it can fail contrast. */}
        <span className="rp-kind-chip" style={{ borderColor: kind?.colour }}>
          <span style={{ color: kind?.colour, display: 'inline-flex' }}>
            <Icon name={kind?.icon ?? 'circle'} size={14} />
          </span>
          {kind?.label ?? entity.kind}
        </span>
        {peersHere.length > 0 ? (
          <span
            className="rp-peers"
            role="img"
            aria-label={`Also here: ${peersHere.map((p) => p.name).join(', ')}`}
          >
            {peersHere.map((p) => (
              <span
                key={p.clientId}
                className="rp-avatar"
                style={{ background: p.colour }}
                title={p.name}
              >
                {p.name.slice(0, 1).toUpperCase()}
              </span>
            ))}
          </span>
        ) : null}
        <span className="rp-entity-actions">
          {readOnly.readOnly ? null : (
            <>
              {entity.document || documentsUsual ? null : startDocument}
              <button
                type="button"
                className="rp-button rp-button-secondary rp-button-small"
                onClick={() => linkFlow(services, ws, entity.id)}
              >
                <Icon name="link" size={14} /> Link
              </button>
              <button
                type="button"
                className="rp-icon-button"
                aria-label="Delete"
                title="Delete"
                onClick={() => deleteEntityFlow(services, ws, entity.id)}
              >
                <Icon name="trash" size={16} />
              </button>
            </>
          )}
        </span>
      </div>
      {/* A textarea that grows with its text (field-sizing), so a long title wraps, never clips. */}
      <textarea
        id="entity-title"
        className="rp-title-input"
        aria-label="Title"
        rows={1}
        value={title}
        readOnly={readOnly.readOnly}
        aria-invalid={titleError ? true : undefined}
        onFocus={() => setEditingTitle(true)}
        onChange={(e) => setTitle(e.target.value.replace(/\n/g, ' '))}
        onBlur={saveTitle}
        onKeyDown={(e) => {
          // A title is one line: Enter saves, as it did when this was an input.
          if (e.key === 'Enter') {
            e.preventDefault();
            (e.target as HTMLTextAreaElement).blur();
          }
        }}
      />
      {titleError ? (
        <p className="rp-field-error" role="alert">
          {titleError}
        </p>
      ) : null}
      <p className="rp-meta">Updated {new Date(entity.updatedAt).toLocaleString()}</p>

      {kind && kind.fields.length > 0 ? (
        <section aria-label="Details" className="rp-form">
          {kind.fields.map((f) => (
            <FieldInput
              key={f.name}
              def={f}
              value={entity.fields[f.name]}
              readOnly={readOnly.readOnly}
              onSave={(v) => saveField(f.name, v)}
            />
          ))}
        </section>
      ) : !kind ? (
        <p className="rp-empty">
          The plugin that defines “{entity.kind}” is not enabled, so its details cannot be shown.
        </p>
      ) : null}

      {entity.document ? (
        <section aria-label="Document" className="rp-entity-document">
          <h2>
            Document
            <button
              type="button"
              className="rp-button rp-button-secondary rp-button-small"
              onClick={() => services.editors.open(`doc:${entity.id}`)}
            >
              Open in its own tab
            </button>
          </h2>
          <DocumentPane entityId={entity.id} />
        </section>
      ) : documentsUsual && !readOnly.readOnly ? (
        // Kinds that usually have one (meetings' notes, artifacts' texts) show where it would be.
        <section aria-label="Document" className="rp-entity-document">
          <h2>Document</h2>
          <p className="rp-muted">
            No co-edited document yet: start one for notes everyone can write in together.{' '}
            {startDocument}
          </p>
        </section>
      ) : null}

      <h2>Relations</h2>
      {out.length === 0 ? (
        <p className="rp-muted">
          No relations yet.
          {readOnly.readOnly
            ? ''
            : ' Use “Link” above, or drag another entry onto this one in the Explorer.'}
        </p>
      ) : (
        <RelationGroups
          ws={ws}
          groups={groupRelations(ws, out, 'out')}
          readOnly={readOnly.readOnly}
        />
      )}
      <h2>Backlinks</h2>
      {back.length === 0 ? (
        <p className="rp-muted">Nothing links here yet.</p>
      ) : (
        <RelationGroups
          ws={ws}
          groups={groupRelations(ws, back, 'in')}
          readOnly={readOnly.readOnly}
        />
      )}
      <h2>Mentioned in</h2>
      {mentions.length === 0 ? (
        <p className="rp-muted">
          No document mentions this yet. Type @ or [[ in a document to mention it.
        </p>
      ) : (
        <ul className="rp-relations">
          {mentions.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="rp-chip"
                onClick={() => services.editors.open(`doc:${r.from}`)}
              >
                <Icon name="file-text" size={14} />
                {label(ws.getEntity(r.from))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
