import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type JSX, useRef, useState } from 'react';
import { exportHtml, exportMarkdown, importMarkdown } from '../content/documentExport.ts';

function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has started the download by the time the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A safe file name from a document title: letters, digits, spaces and dashes. */
export function fileNameFor(title: string): string {
  const base = title
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .replace(/\s+/g, ' ');
  return base || 'document';
}

/**
 * Export the document as Markdown or HTML (a file download) and, for members who may edit,
 * import a Markdown file in its place: an ordinary edit everyone receives, which undo takes back.
 */
export function ExportImportMenu(props: { title: string; editable: boolean }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const name = fileNameFor(props.title);
  return (
    <div className="rp-export" data-testid="export-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && (
        <div className="rp-export-panel" role="menu">
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              download(`${name}.md`, 'text/markdown', exportMarkdown(editor));
              setOpen(false);
            }}
          >
            Markdown (.md)
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              const html = exportHtml(editor);
              const page = `<!doctype html>\n<meta charset="utf-8">\n<title>${name}</title>\n${html}\n`;
              download(`${name}.html`, 'text/html', page);
              setOpen(false);
            }}
          >
            Web page (.html)
          </button>
          {props.editable && (
            <>
              <button type="button" role="menuitem" onClick={() => fileInput.current?.click()}>
                Import Markdown…
              </button>
              <input
                ref={fileInput}
                type="file"
                accept=".md,.markdown,text/markdown,text/plain"
                aria-label="Markdown file to import"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (!file) return;
                  void file.text().then((markdown) => {
                    importMarkdown(editor, markdown);
                    setOpen(false);
                  });
                }}
              />
            </>
          )}
        </div>
      )}
    </div>
  );
}
