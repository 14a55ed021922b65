import { $createCodeNode } from '@lexical/code';
import { $createLinkNode } from '@lexical/link';
import {
  $createListItemNode,
  $createListNode,
  type ListItemNode,
  type ListNode,
} from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
} from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import { $createImageNode, isSafeImageUrl } from '../nodes/ImageNode.ts';
import { $createMentionNode, parseEntityUrl } from '../nodes/MentionNode.ts';
import { markdownParser } from './markdownParser.ts';
import { isSafeLinkUrl } from './safeLinks.ts';

type Token = ReturnType<typeof markdownParser.parse>[number];

const FORMATS: Record<string, TextFormatType> = {
  strong: 'bold',
  em: 'italic',
  s: 'strikethrough',
};

/** Inline tokens to Lexical inline nodes: text with formats, links, chips, images, breaks. */
function $inlineNodes(tokens: readonly Token[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  const formats: TextFormatType[] = [];
  // While inside a link: where its children go, and the chip's URL if it is an entity link.
  let link: { node: ElementNode | null; entity?: string; text: string } | null = null;
  const push = (node: LexicalNode) => {
    if (link?.entity !== undefined) return;
    if (link?.node) link.node.append(node);
    else out.push(node);
  };
  const text = (content: string, extra?: TextFormatType) => {
    if (link) link.text += content;
    if (content === '') return;
    const node = $createTextNode(content);
    for (const f of formats) node.toggleFormat(f);
    if (extra) node.toggleFormat(extra);
    push(node);
  };
  for (const token of tokens) {
    const format = FORMATS[token.tag];
    if (format && token.type.endsWith('_open')) formats.push(format);
    else if (format && token.type.endsWith('_close'))
      formats.splice(formats.lastIndexOf(format), 1);
    else if (token.type === 'text') text(token.content);
    else if (token.type === 'code_inline') text(token.content, 'code');
    else if (token.type === 'softbreak') text(' ');
    else if (token.type === 'hardbreak') push($createLineBreakNode());
    else if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '');
      if (parseEntityUrl(href)) link = { node: null, entity: href, text: '' };
      else if (isSafeLinkUrl(href)) link = { node: $createLinkNode(href), text: '' };
      else link = { node: null, text: '' };
    } else if (token.type === 'link_close' && link) {
      const done: { node: ElementNode | null; entity?: string; text: string } = link;
      link = null;
      const target = done.entity === undefined ? undefined : parseEntityUrl(done.entity);
      if (target) {
        // The same reading as the HTML importer's: `[[…]]` is a link chip, anything else a mention.
        const label = done.text.trim();
        const isLink = label.startsWith('[[');
        push(
          $createMentionNode({
            ...target,
            trigger: isLink ? 'link' : 'mention',
            label: isLink ? label.replace(/^\[\[|\]\]$/g, '') : label.replace(/^@/, ''),
          }),
        );
      } else if (done.node) push(done.node);
    } else if (token.type === 'image') {
      const src = String(token.attrGet('src') ?? '');
      if (isSafeImageUrl(src)) push($createImageNode({ src, alt: token.content }));
    }
  }
  return out;
}

const TASK = /^\[([ xX])\]\s+/;

/** A markdown-it token stream read block by block, each call consuming its block's tokens. */
class BlockReader {
  private i = 0;
  private readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  /** Reads blocks until the token of type `until` (consumed), or the end. */
  $blocks(until?: string): LexicalNode[] {
    const out: LexicalNode[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++] as Token;
      if (token.type === until) break;
      const node = this.$block(token);
      if (node) out.push(node);
    }
    return out;
  }

  private $inline(): LexicalNode[] {
    const token = this.tokens[this.i];
    if (token?.type !== 'inline') return [];
    this.i++;
    return $inlineNodes(token.children ?? []);
  }

  private $block(token: Token): LexicalNode | null {
    switch (token.type) {
      case 'heading_open': {
        const heading = $createHeadingNode(token.tag as HeadingTagType);
        heading.append(...this.$inline());
        this.i++;
        return heading;
      }
      case 'paragraph_open': {
        const paragraph = $createParagraphNode();
        paragraph.append(...this.$inline());
        this.i++;
        return paragraph;
      }
      case 'blockquote_open': {
        // Paragraphs stay paragraphs inside the quote, as the browser's import leaves them.
        const quote = $createQuoteNode();
        quote.append(...this.$blocks('blockquote_close'));
        return quote;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.$list(token);
      case 'fence':
      case 'code_block': {
        const code = $createCodeNode(token.info.trim() || undefined);
        const lines = token.content.replace(/\n$/, '').split('\n');
        lines.forEach((line, n) => {
          if (n > 0) code.append($createLineBreakNode());
          if (line) code.append($createTextNode(line));
        });
        return code;
      }
      case 'table_open':
        return this.$table();
      default:
        // hr and raw HTML (off in the parser) have no node in the editor.
        return null;
    }
  }

  private $list(open: Token): ListNode {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const list = $createListNode(ordered ? 'number' : 'bullet', Number(open.attrGet('start') ?? 1));
    const items: ListItemNode[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++] as Token;
      if (token.type === close) break;
      if (token.type !== 'list_item_open') continue;
      const item = $createListItemNode();
      const nested: ListNode[] = [];
      for (const block of this.$blocks('list_item_close')) {
        if (block.getType() === 'list') nested.push(block as ListNode);
        else if ($isElementNode(block)) {
          if (item.getChildrenSize() > 0) item.append($createLineBreakNode());
          item.append(...block.getChildren());
        }
      }
      items.push(item);
      list.append(item);
      // The editor nests a list in an item of its own, after the item it belongs to.
      for (const sub of nested) {
        const holder = $createListItemNode();
        holder.append(sub);
        list.append(holder);
      }
    }
    $applyTaskMarks(list, items);
    return list;
  }

  private $table(): LexicalNode {
    const table = $createTableNode();
    let row: ReturnType<typeof $createTableRowNode> | null = null;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++] as Token;
      if (token.type === 'table_close') break;
      if (token.type === 'tr_open') {
        row = $createTableRowNode();
        table.append(row);
      } else if ((token.type === 'th_open' || token.type === 'td_open') && row) {
        // A header row's cells are row headers, and its first one a column header too, as
        // Lexical's own table import marks them.
        let header = TableCellHeaderStates.NO_STATUS;
        if (token.type === 'th_open') header |= TableCellHeaderStates.ROW;
        if (token.type === 'th_open' && row.getChildrenSize() === 0)
          header |= TableCellHeaderStates.COLUMN;
        const cell = $createTableCellNode(header);
        const paragraph = $createParagraphNode();
        paragraph.append(...this.$inline());
        cell.append(paragraph);
        row.append(cell);
      }
    }
    return table;
  }
}

/** `- [ ] item` lists (which CommonMark reads as text) become check lists, as on import. */
function $applyTaskMarks(list: ListNode, items: readonly ListItemNode[]): void {
  if (list.getListType() !== 'bullet' || items.length === 0) return;
  const marks = items.map((item) => {
    const first = item.getFirstChild();
    return $isTextNode(first) ? TASK.exec(first.getTextContent()) : null;
  });
  if (!marks.every((m) => m !== null)) return;
  list.setListType('check');
  items.forEach((item, n) => {
    const first = item.getFirstChild();
    const mark = marks[n];
    if (!$isTextNode(first) || !mark) return;
    const rest = first.getTextContent().slice(mark[0].length);
    if (rest) first.setTextContent(rest);
    else first.remove();
    item.setChecked(mark[1] !== ' ');
  });
}

/**
 * Replaces the document with `markdown` (CommonMark with GFM tables, task lists and
 * `[@Name](repertoire:member/<id>)` chips, the form the editor exports) without a DOM, so it
 * runs in Node: the token stream of the same markdown-it parser the browser import uses becomes
 * the editor's own nodes. Must run inside an editor update.
 */
export function $replaceWithMarkdown(markdown: string): void {
  const root = $getRoot().clear();
  const blocks = new BlockReader(markdownParser.parse(markdown, {})).$blocks();
  root.append(...blocks);
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/**
 * Replaces the document with plain `text`: one paragraph per blank-line-separated block, single
 * line breaks kept. Nothing in the text is read as Markdown. Must run inside an editor update.
 */
export function $replaceWithText(text: string): void {
  const root = $getRoot().clear();
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    if (block.trim() === '') continue;
    const paragraph = $createParagraphNode();
    block
      .replace(/^\n+|\n+$/g, '')
      .split('\n')
      .forEach((line, n) => {
        if (n > 0) paragraph.append($createLineBreakNode());
        if (line) paragraph.append($createTextNode(line));
      });
    root.append(paragraph);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}
