import { createElement, type JSX, useCallback, useSyncExternalStore } from 'react';
import type { MentionTrigger } from '../nodes/mentionTrigger.ts';
import { useEntityDirectory } from './entityDirectoryContext.ts';

/**
 * A mention or link chip. It reads the entity's current title from the directory on every change,
 * so a renamed practice shows its new name everywhere it is referenced; a deleted one keeps the
 * title it had, struck through.
 */
export function EntityChip(props: {
  entityId: string;
  kind: string;
  fallbackLabel: string;
  trigger: MentionTrigger;
}): JSX.Element {
  const directory = useEntityDirectory();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const sub = directory?.onDidChange(onChange);
      return () => sub?.dispose();
    },
    [directory],
  );
  const title = useSyncExternalStore(
    subscribe,
    () => directory?.get(props.entityId)?.title,
    () => undefined,
  );
  const missing = directory !== null && title === undefined;
  const label = title ?? props.fallbackLabel;
  const open = () => directory?.open?.(props.entityId);
  // createElement rather than JSX: the mention node renders this chip and is loaded by Node too.
  return createElement(
    'button',
    {
      type: 'button',
      className: `rp-chip rp-chip-${props.trigger}${missing ? ' rp-chip-missing' : ''}`,
      'data-entity-id': props.entityId,
      'data-entity-kind': props.kind,
      title: missing ? 'This no longer exists in the community' : `Open ${props.kind} “${label}”`,
      tabIndex: -1,
      onClick: open,
    },
    props.trigger === 'mention' ? `@${label}` : label,
  );
}
