import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { type JSX, useEffect, useState } from 'react';
import type { Doc } from 'yjs';
import { LAST_EDITORS_MAP, type LastEditor, lastEditors } from '../collab/lastEditors.ts';
import { countWords } from '../content/wordCount.ts';

// Counting walks the whole text; wait for a pause in typing so a long document types smoothly.
const COUNT_DELAY_MS = 400;

/** The document's word count and, with a Y.Doc, who edited it last: the editor's footer. */
export function DocumentStatus(props: { doc?: Doc; memberId: string }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [words, setWords] = useState(0);
  const [editors, setEditors] = useState<LastEditor[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let counted = 0;
    const count = () => {
      counted = countWords(editor.read(() => $getRoot().getTextContent()));
      setWords(counted);
    };
    count();
    const stop = editor.registerTextContentListener(() => {
      clearTimeout(timer);
      // The document's first text (it loading from the server) counts at once: only typing
      // waits, or an opened document says "0 words" for a moment.
      if (counted === 0) count();
      else timer = setTimeout(count, COUNT_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [editor]);
  useEffect(() => {
    const doc = props.doc;
    if (!doc) return;
    const map = doc.getMap(LAST_EDITORS_MAP);
    const read = () => setEditors(lastEditors(doc));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [props.doc]);
  const shown = editors.slice(0, 3);
  return (
    <div className="rp-editor-status" data-testid="document-status">
      <span data-testid="word-count">
        {words} {words === 1 ? 'word' : 'words'}
      </span>
      {shown.length > 0 && (
        <span data-testid="last-editors">
          {' · Last edited by '}
          {shown.map((e, i) => (
            <span key={e.memberId} title={`${e.name}, ${new Date(e.at).toLocaleString()}`}>
              {i > 0 ? ', ' : ''}
              {e.memberId === props.memberId ? `${e.name} (you)` : e.name}
            </span>
          ))}
          {editors.length > shown.length ? ` and ${editors.length - shown.length} more` : ''}
        </span>
      )}
    </div>
  );
}
