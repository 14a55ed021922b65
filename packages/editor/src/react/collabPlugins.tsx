import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type JSX, useEffect, useSyncExternalStore } from 'react';
import type { UndoManager } from 'yjs';
import type { CollabProvider } from '../collab/collabProvider.ts';
import { protectOthersWork } from '../collab/undoPolicy.ts';
import { type MentionSink, registerMentionReconciler } from '../content/mentionReconciler.ts';
import { registerSafeLinks } from '../content/safeLinks.ts';

// Where @lexical/yjs publishes the UndoManager of a collaborative editor.
const COLLAB_UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager');

/** Applies {@link protectOthersWork} to the UndoManager Lexical's collaboration plugin made. */
export function ProtectOthersWorkPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const protectedManagers = new WeakSet<UndoManager>();
    const apply = () => {
      const manager = (editor as unknown as Record<symbol, UndoManager | undefined>)[
        COLLAB_UNDO_MANAGER
      ];
      if (manager && !protectedManagers.has(manager)) {
        protectedManagers.add(manager);
        protectOthersWork(manager);
      }
    };
    apply();
    // The manager appears once the binding exists, which may be after this effect.
    return editor.registerUpdateListener(apply);
  }, [editor]);
  return null;
}

/** Sends the document's mentions to `sink` whenever they change. */
export function MentionReconcilerPlugin({ sink }: { sink: MentionSink }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerMentionReconciler(editor, sink), [editor, sink]);
  return null;
}

/** Unwraps links to unsafe URLs (`javascript:`…) as soon as they enter the document. */
export function SafeLinksPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSafeLinks(editor), [editor]);
  return null;
}

/** A member present in the document, from awareness. */
export interface PresentMember {
  clientId: number;
  name: string;
  colour: string;
  focusing: boolean;
  self: boolean;
}

function readPresence(provider: CollabProvider): PresentMember[] {
  const self = provider.awareness.getLocalState();
  const list: PresentMember[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (!state || typeof state.name !== 'string') continue;
    list.push({
      clientId,
      name: state.name,
      colour: typeof state.color === 'string' ? state.color : '#888',
      focusing: Boolean(state.focusing),
      self: state === self,
    });
  }
  return list.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.name.localeCompare(b.name)));
}

/** Who is in the document right now: a coloured dot and name per member, from awareness. */
export function PresenceList({ provider }: { provider: CollabProvider }): JSX.Element {
  const members = useSyncExternalStore(
    (onChange) => {
      let last = '';
      const listener = () => {
        const next = JSON.stringify(readPresence(provider));
        if (next !== last) {
          last = next;
          onChange();
        }
      };
      provider.awareness.on('update', listener);
      return () => provider.awareness.off('update', listener);
    },
    () => presenceSnapshot(provider),
  );
  return (
    <ul className="rp-presence" data-testid="presence" aria-label="Members in this document">
      {members.map((m) => (
        <li key={m.clientId} title={m.self ? `${m.name} (you)` : m.name}>
          <span className="rp-presence-dot" style={{ background: m.colour }} />
          {m.name}
          {m.self ? ' (you)' : ''}
        </li>
      ))}
    </ul>
  );
}

const snapshots = new WeakMap<CollabProvider, { key: string; value: PresentMember[] }>();
function presenceSnapshot(provider: CollabProvider): PresentMember[] {
  const value = readPresence(provider);
  const key = JSON.stringify(value);
  const cached = snapshots.get(provider);
  if (cached && cached.key === key) return cached.value;
  snapshots.set(provider, { key, value });
  return value;
}
