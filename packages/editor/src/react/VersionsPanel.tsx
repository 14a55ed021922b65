import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type JSX, useCallback, useEffect, useState } from 'react';
import {
  type DocumentVersionInfo,
  type DocumentVersions,
  restoreVersion,
  versionHtml,
} from '../collab/documentVersions.ts';

/**
 * Named versions of the document: save the current text under a name, view an older version
 * beside the live one, and restore it (an ordinary edit that everyone receives and that undo
 * takes back).
 */
export function VersionsPanel(props: {
  versions: DocumentVersions;
  editable: boolean;
}): JSX.Element {
  const { versions, editable } = props;
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<readonly DocumentVersionInfo[] | undefined>();
  const [name, setName] = useState('');
  const [viewing, setViewing] = useState<{ info: DocumentVersionInfo; html: string } | null>(null);
  const [message, setMessage] = useState('');
  const fail = useCallback(
    (what: string) => (error: unknown) =>
      setMessage(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`),
    [],
  );
  const refresh = useCallback(() => {
    versions.list().then(setList, fail('list the versions'));
  }, [versions, fail]);
  useEffect(() => {
    if (open) refresh();
  }, [open, refresh]);

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setMessage('Give the version a name.');
      return;
    }
    versions.save(trimmed).then((info) => {
      setName('');
      setMessage(`Saved “${info.name}”.`);
      refresh();
    }, fail('save the version'));
  };
  const view = (info: DocumentVersionInfo) => {
    versions
      .load(info.id)
      .then((update) => setViewing({ info, html: versionHtml(update) }), fail('open the version'));
  };
  const restore = (info: DocumentVersionInfo) => {
    versions.load(info.id).then((update) => {
      restoreVersion(editor, update);
      setViewing(null);
      setMessage(`Restored “${info.name}”. Undo (Ctrl+Z) brings back what was there.`);
    }, fail('restore the version'));
  };

  return (
    <div className="rp-versions" data-testid="versions">
      <button
        type="button"
        className="rp-versions-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Versions
      </button>
      {open && (
        <section className="rp-versions-panel" aria-label="Versions of this document">
          {editable && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                save();
              }}
            >
              <input
                aria-label="Version name"
                placeholder="Name this version…"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <button type="submit">Save version</button>
            </form>
          )}
          {message && (
            <p className="rp-versions-message" role="status">
              {message}
            </p>
          )}
          {list === undefined ? (
            <p>Loading…</p>
          ) : list.length === 0 ? (
            <p>No named versions yet.</p>
          ) : (
            <ul className="rp-versions-list">
              {[...list].reverse().map((v) => (
                <li key={v.id} data-version-id={v.id}>
                  <span className="rp-version-name">{v.name}</span>
                  <span className="rp-version-when">{new Date(v.createdAt).toLocaleString()}</span>
                  <button type="button" onClick={() => view(v)}>
                    View
                  </button>
                  {editable && (
                    <button type="button" onClick={() => restore(v)}>
                      Restore
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {viewing && (
            <div className="rp-version-view" data-testid="version-view">
              <header>
                <strong>{viewing.info.name}</strong>
                <button type="button" onClick={() => setViewing(null)}>
                  Close
                </button>
              </header>
              <div
                className="rp-version-content"
                // Lexical's own HTML export of our nodes, not HTML from outside.
                // biome-ignore lint/security/noDangerouslySetInnerHtml: generated from the document's nodes
                dangerouslySetInnerHTML={{ __html: viewing.html }}
              />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
