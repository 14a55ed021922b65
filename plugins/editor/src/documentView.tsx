import {
  DocumentEditor,
  type EntityDirectory,
  fromHocuspocus,
  type HocuspocusLike,
  httpDocumentVersions,
  mentionsInYDoc,
} from '@repertoire/editor';
import type {
  CustomViewContext,
  CustomViewElement,
  Disposable,
  DocumentInfo,
  DocumentsApi,
} from '@repertoire/plugin-api';
import { naturalCompare } from '@repertoire/plugin-api';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

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
): Disposable {
  // Render into a child of our own, so unmounting later never fights the workbench over its element.
  const container = document.createElement('div');
  container.className = 'rp-document-view';
  (element as HTMLElement).append(container);
  const root = createRoot(container);
  const live = view.entityId === undefined ? undefined : view.openDocument(view.entityId);
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Mentions are read from the shared document itself, once it has synced with the server, a
  // moment after each change: the editor's own state (and a fresh device's offline cache) is empty
  // until filled, and reporting that would unlink every mention of the document for everyone.
  const reconcileMentions = () => {
    if (!live) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void live.whenSynced.then(() => {
        if (disposed) return;
        const doc = live.doc as Parameters<typeof mentionsInYDoc>[0];
        live.setMentions(mentionsInYDoc(doc).map((t) => t.entityId));
      });
    }, 50);
  };
  if (live) {
    // The connection is the workbench's, shared with the graph: the editor must not own it.
    const session = fromHocuspocus(live.provider as HocuspocusLike, { ownsConnection: false });
    root.render(
      <DocumentEditor
        documentId={live.name}
        session={session}
        member={view.member}
        directory={directory}
        editable={!view.readOnly}
        shouldBootstrap={!view.readOnly}
        onMentionsChange={reconcileMentions}
        onOpenEntity={(id) => view.openEntity(id)}
        versions={httpDocumentVersions({ workspaceId, documentId: view.entityId ?? '' })}
        {...(view.readOnly ? { placeholder: 'Nothing has been written here yet.' } : {})}
      />,
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
