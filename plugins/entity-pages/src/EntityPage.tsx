import { Icon } from '@repertoire/icons';
import {
  type CustomViewContext,
  type CustomViewMember,
  type FieldDefinition,
  linkEntities,
  type PluginContext,
} from '@repertoire/plugin-api';
import { useEffect, useRef, useState } from 'react';
import {
  type ActionContext,
  deleteEntity,
  describeError,
  saveField,
  saveTitle,
  unlink,
} from './entityActions.ts';
import { FieldInput } from './FieldInput.tsx';
import { changesPage, loadPage, type PageModel } from './pageModel.ts';
import { RelationGroups } from './RelationGroups.tsx';

/** What the page uses of the plugin context. */
export type PageContext = ActionContext & Pick<PluginContext, 'documents'>;

/** The page's model, read again whenever a change of the graph touches what it shows. */
function usePageModel(context: PageContext, id: string) {
  const [state, setState] = useState<{ model?: PageModel; error?: string }>({});
  useEffect(() => {
    let live = true;
    let current: PageModel | undefined;
    let reading: Promise<void> = Promise.resolve();
    const read = () => {
      reading = reading.then(() =>
        loadPage(context.graph, id).then(
          (model) => {
            current = model;
            if (live) setState({ model });
          },
          (error) => {
            if (live) setState({ error: describeError(error) });
          },
        ),
      );
    };
    read();
    const changes = context.graph.onDidChange((change) => {
      if (changesPage(change, id, current)) read();
    });
    return () => {
      live = false;
      changes.dispose();
    };
  }, [context, id]);
  return state;
}

/** The other members on this page now, from the workbench's presence. */
function usePeers(view: CustomViewContext): readonly CustomViewMember[] {
  const [peers, setPeers] = useState(() => view.peers());
  useEffect(() => {
    const sub = view.onDidChangePeers(setPeers);
    return () => sub.dispose();
  }, [view]);
  return peers;
}

/** The entity's co-edited document, shown by the document editor plugin through the workbench. */
function DocumentSlot(props: { view: CustomViewContext; entityId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { view, entityId } = props;
  useEffect(() => {
    if (!ref.current) return;
    const mounted = view.mountDocumentEditor(ref.current, entityId);
    return () => mounted.dispose();
  }, [view, entityId]);
  return <div ref={ref} />;
}

/**
 * An entity's page: its title, a form generated from its kind's fields (with validation
 * messages), its relations, backlinks, the documents that mention it and its own document.
 * Read-only for viewers.
 */
export function EntityPage(props: {
  context: PageContext;
  view: CustomViewContext;
  entityId: string;
}) {
  const { context, view, entityId } = props;
  const { model, error } = usePageModel(context, entityId);
  const peers = usePeers(view);
  const entity = model?.entity;
  const [title, setTitle] = useState(entity?.title ?? '');
  const [titleError, setTitleError] = useState<string>();
  const [editingTitle, setEditingTitle] = useState(false);
  useEffect(() => {
    if (!editingTitle && entity) setTitle(entity.title);
  }, [entity, editingTitle]);
  const readOnly = view.readOnly;

  if (error)
    return (
      <div className="rp-page">
        <p className="rp-empty">This page could not be read: {error}</p>
      </div>
    );
  if (!model) return <div className="rp-page" aria-busy="true" />;
  if (!entity)
    return (
      <div className="rp-page">
        <p className="rp-empty">This was deleted, or has not reached this device yet.</p>
      </div>
    );
  const { kind } = model;
  const open = (id: string) => view.openEntity(id);
  const commitTitle = () => {
    setEditingTitle(false);
    if (title.trim() === entity.title) return;
    void saveTitle(context, entity.id, title).then(setTitleError);
  };
  const startDocument = (
    <button
      type="button"
      className="rp-button rp-button-secondary rp-button-small"
      onClick={() => {
        context.documents.create({ title: entity.title, ownerId: entity.id }).catch((e) => {
          void context.window.showNotification(
            `Could not start the document: ${describeError(e)}`,
            {
              severity: 'error',
            },
          );
        });
      }}
    >
      <Icon name="file-text" size={14} /> Start the document
    </button>
  );
  const relationActions = {
    kinds: model.kinds,
    readOnly,
    open,
    unlink: (relation: { from: string; type: string; to: string }) =>
      void unlink(context, relation),
  };

  return (
    <article className="rp-page rp-entity-page" aria-labelledby="entity-title">
      {readOnly ? (
        <div className="rp-banner" role="note">
          <Icon name="lock" size={16} />
          <span>{view.readOnlyReason ?? 'This workspace is read-only for you.'}</span>
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
        {peers.length > 0 ? (
          <span
            className="rp-peers"
            role="img"
            aria-label={`Also here: ${peers.map((p) => p.name).join(', ')}`}
          >
            {peers.map((p) => (
              <span
                key={p.id}
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
          {readOnly ? null : (
            <>
              {entity.document || model.documentsUsual ? null : startDocument}
              <button
                type="button"
                className="rp-button rp-button-secondary rp-button-small"
                onClick={() => void linkEntities(context, entity.id)}
              >
                <Icon name="link" size={14} /> Link
              </button>
              <button
                type="button"
                className="rp-icon-button"
                aria-label="Delete"
                title="Delete"
                onClick={() => void deleteEntity(context, entity.id)}
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
        readOnly={readOnly}
        aria-invalid={titleError ? true : undefined}
        onFocus={() => setEditingTitle(true)}
        onChange={(e) => setTitle(e.target.value.replace(/\n/g, ' '))}
        onBlur={commitTitle}
        onKeyDown={(e) => {
          // A title is one line: Enter saves.
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

      {kind && model.fields.length > 0 ? (
        <section aria-label="Details" className="rp-form">
          {model.fields.map((f: FieldDefinition) => (
            <FieldInput
              key={f.name}
              def={f}
              value={entity.fields[f.name]}
              readOnly={readOnly}
              {...(model.refOptions.has(f.name)
                ? { refOptions: model.refOptions.get(f.name) }
                : {})}
              onSave={(v) => saveField(context, entity.id, f.name, v)}
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
              onClick={() => void context.documents.open(entity.id)}
            >
              Open in its own tab
            </button>
          </h2>
          <DocumentSlot view={view} entityId={entity.id} />
        </section>
      ) : model.documentsUsual && !readOnly ? (
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
      {model.out.length === 0 ? (
        <p className="rp-muted">
          No relations yet.
          {readOnly
            ? ''
            : ' Use “Link” above, or drag another entry onto this one in the Explorer.'}
        </p>
      ) : (
        <RelationGroups groups={model.out} actions={relationActions} />
      )}
      <h2>Backlinks</h2>
      {model.back.length === 0 ? (
        <p className="rp-muted">Nothing links here yet.</p>
      ) : (
        <RelationGroups groups={model.back} actions={relationActions} />
      )}
      <h2>Mentioned in</h2>
      {model.mentions.length === 0 ? (
        <p className="rp-muted">
          No document mentions this yet. Type @ or [[ in a document to mention it.
        </p>
      ) : (
        <ul className="rp-relations">
          {model.mentions.map(({ relation, from }) => (
            <li key={relation.id}>
              <button
                type="button"
                className="rp-chip"
                onClick={() => void context.documents.open(relation.from)}
              >
                <Icon name="file-text" size={14} />
                {from?.title ?? 'Someone deleted this'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
