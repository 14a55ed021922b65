import { $isCodeNode } from '@lexical/code';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $convertToMarkdownString } from '@lexical/markdown';
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { markdownParser } from './markdownParser.ts';
import { EXPORT_TRANSFORMERS } from './markdownTransformers.ts';

/** The document as Markdown (GFM tables, task lists, chips as `repertoire:` links). */
export function exportMarkdown(editor: LexicalEditor): string {
  return editor.read(() => $convertToMarkdownString(EXPORT_TRANSFORMERS));
}

/** The document as an HTML fragment. Needs a DOM (a browser, or happy-dom in Node). */
export function exportHtml(editor: LexicalEditor): string {
  let html = '';
  editor.update(
    () => {
      html = $generateHtmlFromNodes(editor, null);
    },
    { discrete: true },
  );
  return html;
}

/** Markdown to HTML with markdown-it, a CommonMark parser (not regular expressions). */
export function markdownToHtml(markdown: string): string {
  return markdownParser.render(markdown);
}

const TASK = /^\[([ xX])\]\s/;

/** Turns `- [ ] item` list items (which CommonMark leaves as text) into check-list items. */
function $applyTaskLists(node: LexicalNode): void {
  if ($isListNode(node) && node.getListType() === 'bullet') {
    const items = node.getChildren().filter($isListItemNode);
    const marks = items.map((item) => {
      const first = item.getFirstDescendant();
      return $isTextNode(first) ? TASK.exec(first.getTextContent()) : null;
    });
    if (items.length > 0 && marks.every((m) => m !== null)) {
      node.setListType('check');
      items.forEach((item, i) => {
        const first = item.getFirstDescendant();
        const mark = marks[i];
        if ($isTextNode(first) && mark) {
          first.setTextContent(first.getTextContent().slice(mark[0].length));
          item.setChecked(mark[1] !== ' ');
        }
      });
    }
  }
  if ($isElementNode(node)) for (const child of node.getChildren()) $applyTaskLists(child);
}

/**
 * markdown-it writes `<pre><code>…\n</code></pre>`, which the DOM importer reads as a code block
 * inside a code block ending in a newline; the editor's code block is flat and ends without one.
 */
function $normalizeCodeBlocks(node: LexicalNode): void {
  if ($isCodeNode(node)) {
    for (const child of node.getChildren()) {
      if ($isCodeNode(child)) {
        for (const grandchild of child.getChildren()) child.insertBefore(grandchild);
        child.remove();
      }
    }
    const last = node.getLastChild();
    if ($isLineBreakNode(last)) last.remove();
    else if ($isTextNode(last) && last.getTextContent().endsWith('\n'))
      last.setTextContent(last.getTextContent().slice(0, -1));
    return;
  }
  if ($isElementNode(node)) for (const child of node.getChildren()) $normalizeCodeBlocks(child);
}

/**
 * Replaces the document with the given Markdown. Parsed by markdown-it into HTML, then read by
 * the same DOM importers that paste uses, so headings, lists, quotes, code, tables, links, images
 * and `repertoire:` chips all come back as their nodes. Needs a DOM (browser or happy-dom).
 */
export function importMarkdown(editor: LexicalEditor, markdown: string): void {
  const html = markdownToHtml(markdown);
  editor.update(
    () => {
      const dom = new DOMParser().parseFromString(html, 'text/html');
      const nodes = $generateNodesFromDOM(editor, dom);
      const root = $getRoot().clear();
      let paragraph: ReturnType<typeof $createParagraphNode> | null = null;
      for (const node of nodes) {
        const isBlock =
          ($isElementNode(node) && !node.isInline()) ||
          ($isDecoratorNode(node) && !node.isInline());
        if (isBlock) {
          paragraph = null;
          root.append(node);
        } else {
          // Stray inline content (text between blocks) gets a paragraph of its own.
          if ($isTextNode(node) && node.getTextContent().trim() === '' && !paragraph) continue;
          if (!paragraph) {
            paragraph = $createParagraphNode();
            root.append(paragraph);
          }
          paragraph.append(node);
        }
      }
      $applyTaskLists(root);
      $normalizeCodeBlocks(root);
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
    },
    { discrete: true },
  );
}
