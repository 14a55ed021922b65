import { ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { useEffect } from 'react';

/**
 * Lexical renders a check list as a `<ul>` whose items are `role="checkbox"`, which is no longer a
 * list to assistive technology (axe: "<ul> must only directly contain <li>"). Marking the `<ul>`
 * as a `group` says what it is: a group of checkboxes.
 */
export function CheckListRolePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(
        ListNode,
        (mutations) => {
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              if (mutation === 'destroyed') continue;
              const dom = editor.getElementByKey(key);
              const node = $getNodeByKey(key);
              if (!dom || !(node instanceof ListNode)) continue;
              if (node.getListType() === 'check') dom.setAttribute('role', 'group');
              else dom.removeAttribute('role');
            }
          });
        },
        { skipInitialization: false },
      ),
    [editor],
  );
  return null;
}
