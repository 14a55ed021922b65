import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { type JSX, useEffect, useSyncExternalStore } from 'react';
import type { Doc, UndoManager } from 'yjs';
import type { CollabProvider } from '../collab/collabProvider.ts';
import { registerLastEditors } from '../collab/lastEditors.ts';
import { protectOthersWork } from '../collab/undoPolicy.ts';
import { type MentionSink, registerMentionReconciler } from '../content/mentionReconciler.ts';
import { registerSafeLinks } from '../content/safeLinks.ts';
import { registerWordPaste } from '../content/wordLists.ts';
import type { EditorMember } from '../entityDirectory.ts';

// Where @lexical/yjs publishes the UndoManager of a collaborative editor.
const COLLAB_UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager');

function collabUndoManager(editor: object): UndoManager | undefined {
  return (editor as Record<symbol, UndoManager | undefined>)[COLLAB_UNDO_MANAGER];
}

/**
 * Calls `onReady` once the document holds a block. Until the shared content arrives or the
 * collaboration plugin bootstraps the first paragraph, Lexical's root is empty and has nowhere to
 * put a keystroke: what a member typed in that moment was silently dropped, for them and everyone
 * else. (It only listens: toggling Lexical's own editable flag here stopped remote content from
 * reaching a fresh editor.)
 */
export function DocumentReadyPlugin({ onReady }: { onReady: () => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const ready = () => editor.getEditorState().read(() => $getRoot().getChildrenSize() > 0);
    if (ready()) {
      onReady();
      return;
    }
    const stop = editor.registerUpdateListener(() => {
      if (!ready()) return;
      stop();
      onReady();
    });
    return stop;
  }, [editor, onReady]);
  return null;
}

/** Applies {@link protectOthersWork} to the UndoManager Lexical's collaboration plugin made. */
export function ProtectOthersWorkPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const protectedManagers = new WeakSet<UndoManager>();
    const apply = () => {
      const manager = collabUndoManager(editor);
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

// Keys that move the caret or start a block: what follows is a new undo step.
const STEP_KEYS = new Set([
  'Enter',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Tab',
]);

/**
 * Ends the current undo step whenever the member moves the caret, clicks, presses Enter or
 * pastes, as word processors do. Yjs alone merges every change made less than half a second
 * after the previous one, so a member who kept typing, moving and typing again lost all of it to
 * a single undo (found by the e2e test).
 */
export function UndoStepsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const stop = () => collabUndoManager(editor)?.stopCapturing();
    const onKey = (event: KeyboardEvent) => {
      if (STEP_KEYS.has(event.key)) stop();
    };
    const unregisterPaste = editor.registerCommand(
      PASTE_COMMAND,
      () => {
        stop();
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    );
    const unregisterRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('keydown', onKey, true);
      previous?.removeEventListener('pointerdown', stop, true);
      root?.addEventListener('keydown', onKey, true);
      root?.addEventListener('pointerdown', stop, true);
    });
    return () => {
      unregisterPaste();
      unregisterRoot();
    };
  }, [editor]);
  return null;
}

/** Sends the document's mentions to `sink` whenever they change. */
export function MentionReconcilerPlugin({ sink }: { sink: MentionSink }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerMentionReconciler(editor, sink), [editor, sink]);
  return null;
}

/** Records this member among the document's last editors when they change its text. */
export function LastEditorsPlugin({ doc, member }: { doc: Doc; member: EditorMember }): null {
  const [editor] = useLexicalComposerContext();
  const { id, name, colour } = member;
  useEffect(
    () => registerLastEditors(editor, doc, { id, name, colour }),
    [editor, doc, id, name, colour],
  );
  return null;
}

/** Unwraps links to unsafe URLs (`javascript:`…) as soon as they enter the document. */
export function SafeLinksPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSafeLinks(editor), [editor]);
  return null;
}

/** Pastes from Word keep their lists (see `normalizeWordHtml`). */
export function WordPastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerWordPaste(editor), [editor]);
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
