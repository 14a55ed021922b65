import {
  DocumentEditor,
  type DocumentVersions,
  type EntityDirectory,
  mentionsInYDoc,
} from '@repertoire/editor';
import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  DocumentInfo,
  DocumentsApi,
  GraphApi,
  LiveDocument,
} from '@repertoire/plugin-api';
import { naturalCompare } from '@repertoire/plugin-api';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DocumentTab } from './documentTab.tsx';
import { liveCollabSession } from './liveSession.ts';

/** A document's named versions through the API (`documents.versions`…), as the editor takes them. */
const apiVersions = (documents: DocumentsApi, id: string): DocumentVersions => ({
  list: () => documents.versions(id),
  save: (name) => documents.saveVersion(id, name),
  load: (versionId) => documents.loadVersion(id, versionId),
});

/** What the document view needs of its plugin, beyond the view's own context. */
export interface DocumentViewDeps {
  readonly directory: EntityDirectory;
  readonly documents: DocumentsApi;
  readonly graph: GraphApi;
  readonly workspaceId: string;
  /** Opens an entity's page (the tab's "Details and links"). */
  readonly openPage: (id: string) => void;
  readonly report: (error: unknown) => void;
}

/**
 * Renders the document view into the workbench's element: for a document in its own tab, the
 * whole tab (title, banner, the co-edited editor); embedded in an entity page, the editor alone;
 * opened on no document, the list of documents. Returns how to remove it.
 */
export function mountDocumentView(
  element: CustomViewElement,
  view: CustomViewContext,
  deps: DocumentViewDeps,
): Disposable {
  // Render into a child of our own, so unmounting later never fights the workbench over its element.
  const container = document.createElement('div');
  container.className = 'rp-document-view';
  (element as HTMLElement).append(container);
  const root = createRoot(container);
  const entityId = view.entityId;
  if (entityId === undefined)
    root.render(<DocumentList documents={deps.documents} open={(id) => view.openEntity(id)} />);
  else {
    const editor = <LiveEditor entityId={entityId} view={view} deps={deps} />;
    root.render(
      view.embedded ? (
        editor
      ) : (
        <DocumentTab graph={deps.graph} entityId={entityId} view={view} openPage={deps.openPage}>
          {editor}
        </DocumentTab>
      ),
    );
  }
  return {
    dispose() {
      // The workbench disposes views while React commits; unmount this root just after.
      queueMicrotask(() => {
        root.unmount();
        container.remove();
      });
    },
  };
}

/** The co-edited editor of one document, bound through `documents.openLive` while it is shown. */
function LiveEditor(props: { entityId: string; view: CustomViewContext; deps: DocumentViewDeps }) {
  const { entityId, view, deps } = props;
  const [opened, setOpened] = useState<
    | { live: LiveDocument; session: ReturnType<typeof liveCollabSession> }
    | { error: string }
    | undefined
  >();
  const reconcile = useRef<() => void>(() => undefined);
  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let bound: { live: LiveDocument; session: ReturnType<typeof liveCollabSession> } | undefined;
    // Mentions are read from the shared document itself, once it has synced with the server, a
    // moment after each change: the editor's own state (and a fresh device's offline cache) is
    // empty until filled, and reporting that would unlink every mention of the document for all.
    reconcile.current = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const copy = bound;
        if (!copy?.live.writable) return;
        void copy.live.whenSynced.then(() => {
          if (disposed) return;
          copy.live
            .setMentions(mentionsInYDoc(copy.session.doc).map((t) => t.entityId))
            .catch(deps.report);
        });
      }, 50);
    };
    deps.documents.openLive(entityId).then(
      (live) => {
        if (disposed) {
          live.dispose();
          return;
        }
        bound = { live, session: liveCollabSession(live, deps.report) };
        setOpened(bound);
      },
      (error: unknown) => {
        if (!disposed) setOpened({ error: (error as Error).message });
      },
    );
    return () => {
      disposed = true;
      clearTimeout(timer);
      // The editor below lets go of the session in this same commit: release it just after.
      queueMicrotask(() => {
        bound?.session.dispose();
        bound?.live.dispose();
      });
    };
  }, [entityId, deps]);
  if (!opened) return <p className="rp-empty">Opening the document…</p>;
  if ('error' in opened)
    return (
      <p className="rp-empty" role="alert">
        This document could not be opened: {opened.error}
      </p>
    );
  const editable = !view.readOnly && opened.live.writable;
  return (
    <DocumentEditor
      documentId={`${deps.workspaceId}/doc/${opened.live.id}`}
      session={opened.session}
      member={view.member}
      directory={deps.directory}
      editable={editable}
      shouldBootstrap={editable}
      onMentionsChange={() => reconcile.current()}
      onOpenEntity={(id) => view.openEntity(id)}
      versions={apiVersions(deps.documents, entityId)}
      {...(editable ? {} : { placeholder: 'Nothing has been written here yet.' })}
    />
  );
}

function DocumentList(props: { documents: DocumentsApi; open: (id: string) => void }) {
  const [list, setList] = useState<DocumentInfo[] | undefined>();
  useEffect(() => {
    void props.documents
      .list()
      .then((docs) => setList([...docs].sort((a, b) => naturalCompare(a.title, b.title))));
  }, [props.documents]);
  if (!list) return <p className="rp-empty">Loading…</p>;
  if (list.length === 0)
    return (
      <p className="rp-empty">
        No documents yet. Run “New co-edited document” from the command palette to start one.
      </p>
    );
  return (
    <div className="rp-page">
      <h1>Documents</h1>
      <ul className="rp-tree" aria-label="Documents">
        {list.map((d) => (
          <li key={d.id}>
            <button type="button" className="rp-row" onClick={() => props.open(d.id)}>
              <span className="rp-row-label">{d.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
