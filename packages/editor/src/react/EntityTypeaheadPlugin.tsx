import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuTextMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createTextNode, $getNodeByKey, $insertNodes, $isTextNode, type TextNode } from 'lexical';
import { type JSX, useCallback, useMemo, useState } from 'react';
import type { EntityHit } from '../entityDirectory.ts';
import { $createMentionNode } from '../nodes/MentionNode.ts';
import type { MentionTrigger } from '../nodes/mentionTrigger.ts';
import { useEntityDirectory } from './entityDirectoryContext.ts';
import { type LabelledOption, renderTypeaheadMenu } from './typeaheadMenu.tsx';

class EntityOption extends MenuOption implements LabelledOption {
  label: string;
  hint: string;
  trigger: MentionTrigger;
  hit: EntityHit | undefined;
  create: { kind: string; label: string; title: string } | undefined;
  constructor(
    trigger: MentionTrigger,
    hit: EntityHit | undefined,
    create: { kind: string; label: string; title: string } | undefined,
  ) {
    super(hit ? `${trigger}:${hit.id}` : `create:${create?.kind}:${create?.title}`);
    this.trigger = trigger;
    this.hit = hit;
    this.create = create;
    this.label = hit ? hit.title : `New ${create?.label} “${create?.title}”`;
    this.hint = hit ? hit.kind : 'create';
  }
}

const MENTION = /(^|\s|\()@([^\s@[\]]{0,40}(?: [^\s@[\]]{1,40}){0,2})$/;
const LINK = /(^|[^[])\[\[([^\][\n]{0,80})$/;

/** Finds `@query` or `[[query` right before the caret. */
export function matchEntityTrigger(
  text: string,
): (MenuTextMatch & { trigger: MentionTrigger }) | null {
  const link = LINK.exec(text);
  if (link) {
    const query = link[2] ?? '';
    return {
      trigger: 'link',
      leadOffset: link.index + (link[1]?.length ?? 0),
      matchingString: query,
      replaceableString: `[[${query}`,
    };
  }
  const mention = MENTION.exec(text);
  if (mention) {
    const query = mention[2] ?? '';
    return {
      trigger: 'mention',
      leadOffset: mention.index + (mention[1]?.length ?? 0),
      matchingString: query,
      replaceableString: `@${query}`,
    };
  }
  return null;
}

/**
 * `@` mentions members, `[[` links any entity: a keyboard-driven fuzzy typeahead over the
 * directory's search; `[[New title` offers to create an entity of each creatable kind.
 */
export function EntityTypeaheadPlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const directory = useEntityDirectory();
  const [query, setQuery] = useState<{ text: string; trigger: MentionTrigger } | null>(null);

  const triggerFn = useCallback((text: string) => {
    const match = matchEntityTrigger(text);
    setQuery(match ? { text: match.matchingString, trigger: match.trigger } : null);
    return match;
  }, []);

  const options = useMemo(() => {
    if (!directory || !query) return [];
    const hits = directory.search(query.text, {
      limit: 8,
      ...(query.trigger === 'mention' ? { kinds: ['member'] } : {}),
    });
    const found = hits.map((hit) => new EntityOption(query.trigger, hit, undefined));
    const title = query.text.trim();
    if (query.trigger === 'link' && title && directory.create) {
      const exact = hits.some((h) => h.title.toLowerCase() === title.toLowerCase());
      if (!exact)
        for (const kind of directory.creatableKinds?.() ?? [])
          found.push(new EntityOption('link', undefined, { ...kind, title }));
    }
    return found;
  }, [directory, query]);

  const insert = useCallback(
    (hit: EntityHit, trigger: MentionTrigger, nodeToReplace: TextNode | null) => {
      editor.update(() => {
        const chip = $createMentionNode({
          entityId: hit.id,
          kind: hit.kind,
          label: hit.title,
          trigger,
        });
        if (nodeToReplace) nodeToReplace.replace(chip);
        else $insertNodes([chip]);
        const space = $createTextNode(' ');
        chip.insertAfter(space);
        space.select(1, 1);
      });
    },
    [editor],
  );

  const onSelectOption = useCallback(
    (option: EntityOption, nodeToReplace: TextNode | null, closeMenu: () => void) => {
      closeMenu();
      if (option.hit) {
        insert(option.hit, option.trigger, nodeToReplace);
        return;
      }
      const create = option.create;
      if (!create || !directory?.create) return;
      let created: EntityHit | Promise<EntityHit>;
      try {
        created = directory.create(create.kind, create.title);
      } catch (error) {
        // Refused (a title the kind does not accept): the typed text stays as it was.
        console.warn('could not create the entity', error);
        return;
      }
      if (!(created instanceof Promise)) {
        insert(created, 'link', nodeToReplace);
        return;
      }
      // Creation is remote: the typed `[[title` stays as a token, which Lexical never merges
      // into the text around it, so it can still be found and replaced when the entity exists.
      if (!nodeToReplace) return;
      const pending = $createTextNode(nodeToReplace.getTextContent()).setMode('token');
      nodeToReplace.replace(pending);
      const key = pending.getKey();
      const settle = (hit: EntityHit | undefined) =>
        editor.update(() => {
          const node = $getNodeByKey(key);
          if (!$isTextNode(node) || !node.isAttached()) return;
          if (hit) insert(hit, 'link', node);
          else node.setMode('normal');
        });
      created.then(settle, () => settle(undefined));
    },
    [directory, editor, insert],
  );

  const menuRenderFn = useMemo(() => renderTypeaheadMenu<EntityOption>('entity-typeahead'), []);

  if (!directory) return null;
  return (
    <LexicalTypeaheadMenuPlugin<EntityOption>
      onQueryChange={() => {}}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      options={options}
      menuRenderFn={menuRenderFn}
    />
  );
}
