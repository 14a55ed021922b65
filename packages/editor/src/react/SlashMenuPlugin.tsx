import { $createCodeNode } from '@lexical/code';
import {
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  useBasicTypeaheadTriggerMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { type JSX, useCallback, useMemo, useState } from 'react';
import { $createImageNode, isSafeImageUrl } from '../nodes/ImageNode.ts';
import { type LabelledOption, renderTypeaheadMenu } from './typeaheadMenu.tsx';

class SlashOption extends MenuOption implements LabelledOption {
  label: string;
  hint: string;
  keywords: string[];
  run: (editor: LexicalEditor) => void;
  constructor(label: string, keywords: string[], hint: string, run: (e: LexicalEditor) => void) {
    super(label);
    this.label = label;
    this.keywords = keywords;
    this.hint = hint;
    this.run = run;
  }
}

const setBlock = (editor: LexicalEditor, create: () => import('lexical').ElementNode) =>
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, create);
  });

const heading = (level: 1 | 2 | 3) =>
  new SlashOption(`Heading ${level}`, ['heading', 'title', `h${level}`], '#'.repeat(level), (e) =>
    setBlock(e, () => $createHeadingNode(`h${level}` as HeadingTagType)),
  );

/**
 * Every block the slash menu offers. `Image` asks for a URL with the browser's prompt, since the
 * editor stores no files.
 */
export function slashOptions(): SlashOption[] {
  return [
    new SlashOption('Text', ['paragraph', 'text'], '', (e) =>
      setBlock(e, () => $createParagraphNode()),
    ),
    heading(1),
    heading(2),
    heading(3),
    new SlashOption('Bulleted list', ['list', 'bullet', 'ul'], '-', (e) =>
      e.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
    ),
    new SlashOption('Numbered list', ['list', 'number', 'ol'], '1.', (e) =>
      e.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
    ),
    new SlashOption('Check list', ['todo', 'check', 'task'], '[]', (e) =>
      e.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined),
    ),
    new SlashOption('Quote', ['quote', 'blockquote'], '>', (e) =>
      setBlock(e, () => $createQuoteNode()),
    ),
    new SlashOption('Code block', ['code', 'pre'], '```', (e) =>
      setBlock(e, () => $createCodeNode()),
    ),
    new SlashOption('Table', ['table', 'grid'], '3×3', (e) =>
      e.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: true }),
    ),
    new SlashOption('Image', ['image', 'picture', 'photo'], 'URL', (e) => {
      const src = window.prompt('Image URL (https://…)');
      if (!src || !isSafeImageUrl(src)) return;
      e.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertNodes([$createImageNode({ src })]);
      });
    }),
  ];
}

/** Typing `/` at the start of a word opens a menu of blocks, filtered as you type. */
export function SlashMenuPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const triggerFn = useBasicTypeaheadTriggerMatch('/', { minLength: 0 });
  const all = useMemo(slashOptions, []);
  const options = useMemo(() => {
    if (!query) return all;
    const q = query.toLowerCase();
    return all.filter(
      (o) => o.label.toLowerCase().includes(q) || o.keywords.some((k) => k.startsWith(q)),
    );
  }, [all, query]);
  const onSelectOption = useCallback(
    (option: SlashOption, nodeToRemove: TextNode | null, closeMenu: () => void) => {
      editor.update(() => nodeToRemove?.remove());
      option.run(editor);
      closeMenu();
    },
    [editor],
  );
  const menuRenderFn = useMemo(() => renderTypeaheadMenu<SlashOption>('slash-menu'), []);
  return (
    <LexicalTypeaheadMenuPlugin<SlashOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      options={options}
      menuRenderFn={menuRenderFn}
    />
  );
}
