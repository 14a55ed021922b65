import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoom } from '../collab/testPair.ts';
import { createDocumentEditor } from '../headlessEditor.ts';
import { $createMentionNode } from '../nodes/MentionNode.ts';
import type { MentionTarget } from './mentionExtraction.ts';
import { $extractMentions, mentionsInYDoc } from './mentionExtraction.ts';
import { type MentionSink, registerMentionReconciler } from './mentionReconciler.ts';

const $mention = (entityId: string, kind: string, label: string, trigger?: 'link') =>
  $createMentionNode({ entityId, kind, label, ...(trigger ? { trigger } : {}) });

function write(editor: LexicalEditor, build: () => void) {
  editor.update(build, { discrete: true });
}

let room: ReturnType<typeof createRoom> | undefined;
afterEach(() => {
  room?.dispose();
  room = undefined;
});

describe('mention extraction', () => {
  it('lists every mentioned member and linked entity once, sorted by id', () => {
    const editor = createDocumentEditor();
    write(editor, () => {
      const p = $createParagraphNode();
      p.append(
        $createTextNode('Ask '),
        $mention('m-2', 'member', 'Rana'),
        $createTextNode(' about '),
        $mention('p-1', 'practice', 'Learning walks', 'link'),
        $createTextNode(' and '),
        $mention('m-2', 'member', 'Rana'),
      );
      $getRoot().clear().append(p);
    });
    expect(editor.read($extractMentions)).toEqual([
      { entityId: 'm-2', kind: 'member' },
      { entityId: 'p-1', kind: 'practice' },
    ]);
  });

  it('reads the same mentions from the Y.Doc alone, with no editor', () => {
    room = createRoom(1);
    const [a] = room.members;
    write(a!.editor, () => {
      const p = $createParagraphNode();
      p.append(
        $mention('p-1', 'practice', 'Learning walks', 'link'),
        $mention('m-1', 'member', 'Ada'),
      );
      $getRoot().append(p);
    });
    expect(mentionsInYDoc(a!.doc)).toEqual(a!.editor.read($extractMentions));
    expect(mentionsInYDoc(a!.doc)).toHaveLength(2);
  });
});

describe('mention reconciliation', () => {
  const recorder = () => {
    const calls: MentionTarget[][] = [];
    const sink: MentionSink = (targets) => calls.push(targets);
    return { calls, sink };
  };

  it('reports the mentions once at start and again only when they change', () => {
    room = createRoom(1);
    const [a] = room.members;
    const { calls, sink } = recorder();
    const stop = registerMentionReconciler(a!.editor, sink);
    a!.type('Notes ');
    write(a!.editor, () =>
      $getRoot()
        .getLastChild()
        ?.selectEnd()
        .insertNodes([$mention('m-1', 'member', 'Ada')]),
    );
    a!.type(' typing more text changes no mention');
    write(a!.editor, () => {
      for (const p of $getRoot().getChildren()) p.remove();
      $getRoot().append($createParagraphNode());
    });
    a!.editor.read(() => {});
    stop();
    expect(calls).toEqual([[], [{ entityId: 'm-1', kind: 'member' }], []]);
  });

  it("a mention typed by another member, or merged after they were offline, reaches this member's sink", () => {
    room = createRoom(2);
    const [a, b] = room.members;
    const { calls, sink } = recorder();
    const stop = registerMentionReconciler(b!.editor, sink);
    write(a!.editor, () =>
      $getRoot()
        .getLastChild()
        ?.selectEnd()
        .insertNodes([$mention('m-1', 'member', 'Ada')]),
    );
    b!.editor.read(() => {});
    room.setOnline(0, false);
    write(a!.editor, () =>
      $getRoot()
        .getLastChild()
        ?.selectEnd()
        .insertNodes([$mention('p-9', 'practice', 'Rounds', 'link')]),
    );
    b!.editor.read(() => {});
    expect(calls.at(-1)).toEqual([{ entityId: 'm-1', kind: 'member' }]);
    room.setOnline(0, true);
    b!.editor.read(() => {});
    stop();
    expect(calls.at(-1)).toEqual([
      { entityId: 'm-1', kind: 'member' },
      { entityId: 'p-9', kind: 'practice' },
    ]);
  });
});
