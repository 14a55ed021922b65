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
  LiveDocument,
} from '@repertoire/plugin-api';
import { naturalCompare } from '@repertoire/plugin-api';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { liveCollabSession } from './liveSession.ts';

/** A document's named versions through the API (`documents.versions`…), as the editor takes them. */
const apiVersions = (documents: DocumentsApi, id: string): DocumentVersions => ({
  list: () => documents.versions(id),
  save: (name) => documents.saveVersion(id, name),
  load: (versionId) => documents.loadVersion(id, versionId),
});

/**
 * Renders the document view into the workbench's element: the co-edited editor for the document
 * it was opened on, or the list of documents when opened on none. Returns how to remove it.
 */
export function mountDocumentView(
  element: CustomViewElement,
  view: CustomViewContext,
  directory: EntityDirectory,
  documents: DocumentsApi,
  workspaceId: string,
  report: (error: unknown) => void,
): Disposable {
  // Render into a child of our own, so unmounting later never fights the workbench over its element.
  const container = document.createElement('div');
  container.className = 'rp-document-view';
  (element as HTMLElement).append(container);
  const root = createRoot(container);
  let disposed = false;
  let live: LiveDocument | undefined;
  let session: ReturnType<typeof liveCollabSession> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Mentions are read from the shared document itself, once it has synced with the server, a
  // moment after each change: the editor's own state (and a fresh device's offline cache) is empty
  // until filled, and reporting that would unlink every mention of the document for everyone.
  const reconcileMentions = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const bound = live;
      const copy = session;
      if (!bound?.writable || !copy) return;
      void bound.whenSynced.then(() => {
        if (disposed) return;
        bound.setMentions(mentionsInYDoc(copy.doc).map((t) => t.entityId)).catch(report);
      });
    }, 50);
  };
  const entityId = view.entityId;
  if (entityId !== undefined) {
    root.render(<p className="rp-empty">Opening the document…</p>);
    documents.openLive(entityId).then(
      (opened) => {
        if (disposed) {
          opened.dispose();
          return;
        }
        live = opened;
        session = liveCollabSession(opened, report);
        const editable = !view.readOnly && opened.writable;
        root.render(
          <DocumentEditor
            documentId={`${workspaceId}/doc/${opened.id}`}
            session={session}
            member={view.member}
            directory={directory}
            editable={editable}
            shouldBootstrap={editable}
            onMentionsChange={reconcileMentions}
            onOpenEntity={(id) => view.openEntity(id)}
            versions={apiVersions(documents, entityId)}
            {...(editable ? {} : { placeholder: 'Nothing has been written here yet.' })}
          />,
        );
      },
      (error: unknown) => {
        if (disposed) return;
        root.render(
          <p className="rp-empty" role="alert">
            This document could not be opened: {(error as Error).message}
          </p>,
        );
      },
    );
  } else {
    root.render(<DocumentList documents={documents} open={(id) => view.openEntity(id)} />);
  }
  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      // The workbench disposes views while React commits; unmount this root just after.
      queueMicrotask(() => {
        root.unmount();
        container.remove();
        session?.dispose();
        live?.dispose();
      });
    },
  };
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
