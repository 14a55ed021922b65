import {
  CHECK_LIST,
  ELEMENT_TRANSFORMERS,
  type ElementTransformer,
  MULTILINE_ELEMENT_TRANSFORMERS,
  TEXT_FORMAT_TRANSFORMERS,
  TEXT_MATCH_TRANSFORMERS,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import {
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table';
import { $isImageNode, ImageNode } from '../nodes/ImageNode.ts';
import { $isMentionNode, entityUrl, MentionNode } from '../nodes/MentionNode.ts';

// Export-only transformers carry a pattern that can never match, so typing never triggers them.
const NEVER = /(?!)/;

const escapeLinkText = (text: string) => text.replace(/[[\]\\]/g, (c) => `\\${c}`);

/** Chips export as links to `repertoire:<kind>/<id>`, which the importer turns back into chips. */
export const MENTION_EXPORT: TextMatchTransformer = {
  dependencies: [MentionNode],
  export: (node) => {
    if (!$isMentionNode(node)) return null;
    const text = node.getTrigger() === 'mention' ? `@${node.getLabel()}` : `[[${node.getLabel()}]]`;
    return `[${escapeLinkText(text)}](${entityUrl(node.getKind(), node.getEntityId())})`;
  },
  regExp: NEVER,
  type: 'text-match',
};

/** Images export as `![alt](src)`. */
export const IMAGE_EXPORT: TextMatchTransformer = {
  dependencies: [ImageNode],
  export: (node) =>
    $isImageNode(node) ? `![${escapeLinkText(node.getAlt())}](${node.getSrc()})` : null,
  regExp: NEVER,
  type: 'text-match',
};

/** Tables export as GitHub-flavoured Markdown tables (first row as the header). */
export const TABLE_EXPORT: ElementTransformer = {
  dependencies: [TableNode, TableRowNode, TableCellNode],
  export: (node, traverseChildren) => {
    if (!$isTableNode(node)) return null;
    const rows: string[][] = [];
    for (const row of node.getChildren()) {
      if (!$isTableRowNode(row)) continue;
      rows.push(
        row
          .getChildren()
          .filter($isTableCellNode)
          .map((cell) => traverseChildren(cell).replace(/\n/g, ' ').replace(/\|/g, '\\|')),
      );
    }
    if (rows.length === 0) return '';
    const width = Math.max(...rows.map((r) => r.length));
    const line = (cells: string[]) =>
      `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    const [head, ...body] = rows;
    return [line(head ?? []), line(Array(width).fill('---')), ...body.map(line)].join('\n');
  },
  regExp: NEVER,
  replace: () => false,
  type: 'element',
};

/** What typing shortcuts (`# `, `- `, `[] `, `> `, ``` ``` ```, `**bold**`…) recognise. */
export const SHORTCUT_TRANSFORMERS: Transformer[] = [
  CHECK_LIST,
  ...ELEMENT_TRANSFORMERS,
  ...MULTILINE_ELEMENT_TRANSFORMERS,
  ...TEXT_FORMAT_TRANSFORMERS,
  ...TEXT_MATCH_TRANSFORMERS,
];

/** What the Markdown export writes: the shortcuts plus chips, images and tables. */
export const EXPORT_TRANSFORMERS: Transformer[] = [
  TABLE_EXPORT,
  MENTION_EXPORT,
  IMAGE_EXPORT,
  ...SHORTCUT_TRANSFORMERS,
];
