import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindEditorToYDoc } from '../collab/headlessCollab.ts';
import { createDocumentEditor } from '../headlessEditor.ts';
import { exportMarkdown, importMarkdown } from './documentExport.ts';
import { readDocumentText, writeMarkdownDocument, writeTextDocument } from './headlessDocument.ts';
import { $replaceWithMarkdown } from './markdownDocument.ts';

const SAMPLE = `# Learning walks

Why we do them: **trust**, *curiosity* and ~~judgement~~ \`no grading\`.

- observe
- talk
  - in pairs

1. plan
2. walk

- [ ] book rooms
- [x] invite members

> Practice is what we do together.

\`\`\`
step 1
step 2
\`\`\`

| who | when |
| --- | --- |
| Ada | **Monday** |

See [the guide](https://example.org/guide) and [@Ada](repertoire:member/m-1) on [[[Rounds]]](repertoire:practice/p-9).

![the plan](https://example.org/plan.png)
`;

const stateOf = (fill: (editor: ReturnType<typeof createDocumentEditor>) => void) => {
  const editor = createDocumentEditor();
  fill(editor);
  return editor.getEditorState().toJSON();
};

describe('headless Markdown import', () => {
  it('builds the same document as the browser import of the same Markdown', () => {
    const headless = stateOf((e) =>
      e.update(() => $replaceWithMarkdown(SAMPLE), { discrete: true }),
    );
    const browser = stateOf((e) => importMarkdown(e, SAMPLE));
    expect(headless).toEqual(browser);
  });

  it('exports back to the Markdown it was given', () => {
    const editor = createDocumentEditor();
    editor.update(() => $replaceWithMarkdown(SAMPLE), { discrete: true });
    const again = createDocumentEditor();
    again.update(() => $replaceWithMarkdown(exportMarkdown(editor)), { discrete: true });
    expect(again.getEditorState().toJSON()).toEqual(editor.getEditorState().toJSON());
  });

  it('drops links that would run script and keeps their text', () => {
    const doc = new Y.Doc();
    writeMarkdownDocument(doc, 'a [trap](javascript:alert(1)) and <b>raw</b> html');
    const editor = createDocumentEditor();
    const binding = bindEditorToYDoc(editor, doc);
    const text = editor.read(() => $getRoot().getTextContent());
    binding.dispose();
    expect(text).not.toContain('javascript:alert(1)"');
    expect(JSON.stringify(editor.getEditorState().toJSON())).not.toContain('"type":"link"');
  });

  it('writes into a Y.Doc that a second editor reads, and reports the chips it holds', () => {
    const doc = new Y.Doc();
    const mentions = writeMarkdownDocument(doc, SAMPLE);
    expect(mentions).toEqual([
      { entityId: 'm-1', kind: 'member' },
      { entityId: 'p-9', kind: 'practice' },
    ]);
    const reader = createDocumentEditor();
    const binding = bindEditorToYDoc(reader, doc);
    const written = stateOf((e) =>
      e.update(() => $replaceWithMarkdown(SAMPLE), { discrete: true }),
    );
    expect(reader.getEditorState().toJSON()).toEqual(written);
    binding.dispose();
  });

  it('replaces what a document held before', () => {
    const doc = new Y.Doc();
    writeMarkdownDocument(doc, 'old words');
    writeMarkdownDocument(doc, 'new words');
    const reader = createDocumentEditor();
    const binding = bindEditorToYDoc(reader, doc);
    expect(reader.read(() => $getRoot().getTextContent())).toBe('new words');
    binding.dispose();
  });

  it('reads plain text as paragraphs and line breaks, never as Markdown', () => {
    const doc = new Y.Doc();
    expect(
      writeTextDocument(doc, '# not a heading\r\nsecond line\n\n\n[@x](repertoire:member/m)'),
    ).toEqual([]);
    const editor = createDocumentEditor();
    const binding = bindEditorToYDoc(editor, doc);
    const types = editor.read(() =>
      $getRoot()
        .getChildren()
        .map((n) => n.getType()),
    );
    binding.dispose();
    expect(types).toEqual(['paragraph', 'paragraph']);
    expect(readDocumentText(doc)).toBe('# not a heading\nsecond line\n\n[@x](repertoire:member/m)');
  });
});
