// Paste goes through @lexical/clipboard's rich-text path, the one RichTextPlugin calls on a real
// paste event, with HTML as web pages, Google Docs and Word put it on the clipboard.
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { $isListNode } from '@lexical/list';
import { $isHeadingNode } from '@lexical/rich-text';
import { $isTableNode } from '@lexical/table';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { createDocumentEditor } from '../headlessEditor.ts';
import { $isImageNode } from '../nodes/ImageNode.ts';
import { normalizeWordHtml } from './wordLists.ts';

function paste(html: string, plain = ''): LexicalEditor {
  const editor = createDocumentEditor();
  editor.update(
    () => {
      const p = $createParagraphNode();
      $getRoot().clear().append(p);
      p.select();
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('no selection');
      const data: Record<string, string> = { 'text/html': html, 'text/plain': plain };
      const transfer = {
        types: Object.keys(data),
        getData: (type: string) => data[type] ?? '',
      } as unknown as DataTransfer;
      $insertDataTransferForRichText(transfer, selection, editor);
    },
    { discrete: true },
  );
  return editor;
}

/** Each top-level block as `kind:text`, e.g. `h2:Goals`, `bullet:one|two`. */
function outline(editor: LexicalEditor): string[] {
  return editor.read(() =>
    $getRoot()
      .getChildren()
      .filter((n) => n.getTextContent().trim() !== '' || $isTableNode(n))
      .map((n) => {
        if ($isHeadingNode(n)) return `${n.getTag()}:${n.getTextContent()}`;
        if ($isListNode(n))
          return `${n.getListType()}:${n
            .getChildren()
            .map((c) => c.getTextContent())
            .join('|')}`;
        if ($isTableNode(n)) {
          const firstRow = n.getFirstChild();
          return `table:${n.getChildrenSize()}x${$isElementNode(firstRow) ? firstRow.getChildrenSize() : 0}`;
        }
        return `${n.getType()}:${n.getTextContent()}`;
      }),
  );
}

function $boldTexts(node: LexicalNode, out: string[] = []): string[] {
  if ($isTextNode(node) && node.hasFormat('bold')) out.push(node.getTextContent());
  if ($isElementNode(node)) for (const c of node.getChildren()) $boldTexts(c, out);
  return out;
}

describe('paste keeps structure', () => {
  it('from a web page: headings, lists, quote, code, table, link and image', () => {
    const editor = paste(`
      <h2>Learning walks</h2>
      <p>Why: <strong>trust</strong> and <a href="https://example.org/w">the guide</a>.</p>
      <ul><li>observe</li><li>talk</li></ul>
      <ol><li>plan</li><li>walk</li></ol>
      <blockquote>Practice is what we do together.</blockquote>
      <pre><code>step 1</code></pre>
      <table><tr><th>who</th><th>when</th></tr><tr><td>Ada</td><td>Monday</td></tr></table>
      <p><img src="https://example.org/walk.png" alt="a walk"></p>`);
    expect(outline(editor)).toEqual([
      'h2:Learning walks',
      'paragraph:Why: trust and the guide.',
      'bullet:observe|talk',
      'number:plan|walk',
      'quote:Practice is what we do together.',
      'code:step 1',
      'table:2x2',
    ]);
    expect(editor.read(() => $boldTexts($getRoot()))).toEqual(['trust']);
    const images = editor.read(() =>
      $getRoot()
        .getChildren()
        .flatMap((b) => ($isElementNode(b) ? b.getChildren() : []))
        .filter($isImageNode)
        .map((i) => i.getSrc()),
    );
    expect(images).toEqual(['https://example.org/walk.png']);
    const state = JSON.stringify(editor.getEditorState().toJSON());
    expect(state).toContain('"url":"https://example.org/w"');
  });

  it('from Google Docs: the wrapping <b> is not bold, styled spans are, lists stay lists', () => {
    const editor = paste(
      `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c">` +
        `<h1 dir="ltr"><span style="font-size:20pt;font-weight:400;">Meeting notes</span></h1>` +
        `<p dir="ltr"><span style="font-weight:400;">We agreed on </span><span style="font-weight:700;">peer rounds</span><span style="font-weight:400;">.</span></p>` +
        `<ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400;">Ada observes</span></p></li>` +
        `<li dir="ltr"><p dir="ltr"><span style="font-weight:400;">Bo reports</span></p></li></ul>` +
        `</b>`,
    );
    expect(outline(editor)).toEqual([
      'h1:Meeting notes',
      'paragraph:We agreed on peer rounds.',
      'bullet:Ada observes|Bo reports',
    ]);
    expect(editor.read(() => $boldTexts($getRoot()))).toEqual(['peer rounds']);
  });

  it('from Word: headings and bold and italic survive', () => {
    const editor = paste(
      `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>` +
        `<meta name="Generator" content="Microsoft Word 15"></head><body>` +
        `<h1>Problem of practice</h1>` +
        `<p class="MsoNormal">Students rarely <b>explain</b> their <i>reasoning</i>.<o:p></o:p></p>` +
        `</body></html>`,
    );
    expect(outline(editor)).toEqual([
      'h1:Problem of practice',
      'paragraph:Students rarely explain their reasoning.',
    ]);
    expect(editor.read(() => $boldTexts($getRoot()))).toEqual(['explain']);
  });

  it('drops script links and script images from pasted HTML', () => {
    const editor = paste(
      `<p><a href="javascript:alert(1)">click</a> <img src="javascript:alert(2)"></p>`,
    );
    const state = JSON.stringify(editor.getEditorState().toJSON());
    expect(state).not.toContain('javascript:');
    expect(editor.read(() => $getRoot().getTextContent())).toContain('click');
  });
});

describe('paste from Word keeps lists', () => {
  const bullet = (text: string, level = 1) =>
    `<p class="MsoListParagraphCxSpMiddle" style="text-indent:-18.0pt;mso-list:l0 level${level} lfo1">` +
    `<!--[if !supportLists]--><span style="font-family:Symbol"><span style="mso-list:Ignore">·` +
    `<span style="font:7.0pt 'Times New Roman'">&nbsp;&nbsp;&nbsp; </span></span></span>` +
    `<!--[endif]-->${text}<o:p></o:p></p>`;
  const numbered = (n: number, text: string) =>
    `<p class="MsoListParagraph" style="text-indent:-18.0pt;mso-list:l1 level1 lfo2">` +
    `<span style="mso-list:Ignore">${n}.<span>&nbsp;&nbsp; </span></span>${text}</p>`;
  const word = (body: string) =>
    `<html><head><meta name="Generator" content="Microsoft Word 15"></head><body>${body}</body></html>`;

  it('turns Word list paragraphs into bulleted, numbered and nested lists without their markers', () => {
    const html = normalizeWordHtml(
      word(
        `<p class="MsoNormal">Our steps:</p>` +
          bullet('Observe') +
          bullet('Note student talk', 2) +
          bullet('Talk') +
          `<p class="MsoNormal">Then:</p>` +
          numbered(1, 'Plan') +
          numbered(2, 'Walk'),
      ),
    );
    const editor = paste(html);
    expect(outline(editor)).toEqual([
      'paragraph:Our steps:',
      'bullet:Observe|Note student talk|Talk',
      'paragraph:Then:',
      'number:Plan|Walk',
    ]);
    expect(editor.read(() => $getRoot().getTextContent())).not.toContain('·');
    // "Note student talk" sits in a list nested inside the bulleted one (level 2 in Word).
    const nested = editor.read(() => {
      const list = $getRoot().getChildAtIndex(1);
      return $isListNode(list)
        ? list
            .getChildren()
            .filter($isElementNode)
            .some((item) => item.getChildren().some($isListNode))
        : false;
    });
    expect(nested).toBe(true);
  });

  it('leaves HTML without Word lists as it was', () => {
    const html = '<h1>Title</h1><ul><li>one</li></ul>';
    expect(normalizeWordHtml(html)).toBe(html);
  });
});
