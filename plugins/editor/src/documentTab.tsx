import type { CustomViewContext, GraphApi } from '@repertoire/plugin-api';
import { type ReactNode, useEffect, useState } from 'react';
import { type DocumentHeading, followDocumentHeading } from './documentEntity.ts';

/**
 * The document tab's own CSS (the shared pieces, `rp-page`, `rp-banner`, buttons, stay the
 * workbench's); sizes and colours come from its theme variables.
 */
const DOCUMENT_TAB_CSS = `
.rp-document-title {
  display: flex;
  align-items: center;
  gap: var(--rp-space-3);
  margin-bottom: var(--rp-space-4);
}
.rp-document-title h1 {
  flex: 1;
  margin: 0;
}
`;

/** Lucide's "lock", drawn here: the plugin takes no icon library for one glyph. */
function LockIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect width="18" height="11" x="3" y="11" rx="2" ry="2" />
      <path d="M7 11V7a5 5 0 0 1 10 0v4" />
    </svg>
  );
}

/**
 * A document in its own tab: its title (following renames), the read-only banner for a viewer,
 * "Details and links" to the entity's page, and the editor (`children`); or a note when the
 * document was deleted or has not reached this device yet.
 */
export function DocumentTab(props: {
  graph: GraphApi;
  entityId: string;
  view: CustomViewContext;
  openPage: (id: string) => void;
  children: ReactNode;
}) {
  const { graph, entityId, view } = props;
  const [heading, setHeading] = useState<DocumentHeading>({ state: 'loading' });
  useEffect(() => {
    const followed = followDocumentHeading(graph, entityId, setHeading);
    return () => followed.dispose();
  }, [graph, entityId]);
  if (heading.state === 'loading') return <style>{DOCUMENT_TAB_CSS}</style>;
  if (heading.state === 'missing')
    return (
      <div className="rp-page">
        <p className="rp-empty">This document was deleted, or has not reached this device yet.</p>
      </div>
    );
  return (
    <article className="rp-page rp-document-page" aria-label={heading.title}>
      <style>{DOCUMENT_TAB_CSS}</style>
      {view.readOnly ? (
        <div className="rp-banner" role="note">
          <LockIcon />
          <span>{view.readOnlyReason ?? 'This workspace is read-only for you.'}</span>
        </div>
      ) : null}
      <div className="rp-document-title">
        <h1>{heading.title}</h1>
        <button
          type="button"
          className="rp-button rp-button-secondary rp-button-small"
          onClick={() => props.openPage(entityId)}
        >
          Details and links
        </button>
      </div>
      {props.children}
    </article>
  );
}
