import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type TextFormatType,
} from 'lexical';
import { type JSX, useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

interface ToolbarState {
  top: number;
  left: number;
  formats: Set<TextFormatType>;
  isLink: boolean;
}

const BUTTONS: { format: TextFormatType; label: string; title: string }[] = [
  { format: 'bold', label: 'B', title: 'Bold (Ctrl+B)' },
  { format: 'italic', label: 'I', title: 'Italic (Ctrl+I)' },
  { format: 'underline', label: 'U', title: 'Underline (Ctrl+U)' },
  { format: 'strikethrough', label: 'S', title: 'Strikethrough' },
  { format: 'code', label: '</>', title: 'Inline code' },
];

/** A small toolbar above selected text: bold, italic, underline, strikethrough, code, link. */
export function FloatingToolbarPlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState | null>(null);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    const native = window.getSelection();
    const root = editor.getRootElement();
    if (
      !$isRangeSelection(selection) ||
      selection.isCollapsed() ||
      !native ||
      native.rangeCount === 0 ||
      !root?.contains(native.anchorNode)
    ) {
      setState(null);
      return;
    }
    const rect = native.getRangeAt(0).getBoundingClientRect();
    const formats = new Set<TextFormatType>();
    for (const b of BUTTONS) if (selection.hasFormat(b.format)) formats.add(b.format);
    const parent = selection.anchor.getNode().getParent();
    setState({
      top: rect.top + window.scrollY - 40,
      left: rect.left + window.scrollX,
      formats,
      isLink: $isLinkNode(parent) || $isLinkNode(selection.anchor.getNode()),
    });
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  if (!state) return null;
  return createPortal(
    <div
      className="rp-toolbar"
      role="toolbar"
      data-testid="format-toolbar"
      style={{ top: state.top, left: state.left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {BUTTONS.map((b) => (
        <button
          key={b.format}
          type="button"
          title={b.title}
          aria-pressed={state.formats.has(b.format)}
          className={state.formats.has(b.format) ? 'active' : ''}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, b.format)}
        >
          {b.label}
        </button>
      ))}
      <button
        type="button"
        title="Link"
        aria-pressed={state.isLink}
        onClick={() => {
          if (state.isLink) {
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
            return;
          }
          const url = window.prompt('Link URL (https://…)');
          if (url) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
        }}
      >
        Link
      </button>
    </div>,
    document.body,
  );
}
