import { $createParagraphNode, $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentEditor } from '../headlessEditor.ts';
import { bindEditorToYDoc } from './headlessCollab.ts';
import { createRoom } from './testPair.ts';

let room: ReturnType<typeof createRoom> | undefined;
afterEach(() => {
  room?.dispose();
  room = undefined;
});

describe('co-editing over Yjs', () => {
  it('a member who joins later sees the text already written', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Our norms for observation');
    expect(b!.text()).toBe('Our norms for observation');
    const late = createDocumentEditor();
    const lateDoc = new Y.Doc();
    Y.applyUpdate(lateDoc, Y.encodeStateAsUpdate(a!.doc));
    const binding = bindEditorToYDoc(late, lateDoc);
    expect(late.read(() => $getRoot().getTextContent())).toBe('Our norms for observation');
    binding.dispose();
  });

  it('two members typing into the same paragraph at once converge to the same text', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Hello');
    room.setOnline(0, false);
    room.setOnline(1, false);
    for (let i = 0; i < 20; i++) {
      a!.type('a');
      b!.type('b');
    }
    room.setOnline(0, true);
    room.setOnline(1, true);
    expect(a!.text()).toBe(b!.text());
    expect(a!.text().length).toBe('Hello'.length + 40);
  });
});

describe('per-member undo (regressions of known Lexical collaboration bugs)', () => {
  it("undo removes only the member's own typing, never another member's", () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Alice wrote this. ');
    a!.collab.undoManager.stopCapturing();
    b!.type('Bob wrote this.');
    a!.collab.undoManager.undo();
    expect(a!.text()).toBe('Bob wrote this.');
    expect(b!.text()).toBe('Bob wrote this.');
  });

  it('undo then redo restores the text exactly, with nothing duplicated on the other side', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('First line');
    a!.collab.undoManager.stopCapturing();
    a!.editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
    a!.type('Second line');
    a!.collab.undoManager.stopCapturing();
    b!.type(' and more', 0);
    for (let i = 0; i < 3; i++) {
      a!.collab.undoManager.undo();
      a!.collab.undoManager.redo();
    }
    const expected = 'First line and more\n\nSecond line';
    expect(a!.text()).toBe(expected);
    expect(b!.text()).toBe(expected);
  });

  it('undoing a deletion brings back the deleted text whole, not corrupted', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Keep every word of this sentence');
    a!.collab.undoManager.stopCapturing();
    a!.editor.update(() => $getRoot().clear().append($createParagraphNode()), { discrete: true });
    expect(b!.text()).toBe('');
    a!.collab.undoManager.undo();
    expect(a!.text()).toBe('Keep every word of this sentence');
    expect(b!.text()).toBe('Keep every word of this sentence');
  });

  it("the other member's undo of their own edit leaves text typed by this member meanwhile", () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Agenda');
    a!.collab.undoManager.stopCapturing();
    b!.type(': check-in');
    b!.collab.undoManager.stopCapturing();
    a!.type(', protocol');
    b!.collab.undoManager.undo();
    expect(a!.text()).toBe('Agenda, protocol');
    expect(b!.text()).toBe(a!.text());
  });
});

describe('offline editing', () => {
  it('edits made offline by both members merge on reconnect', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Shared start.');
    room.setOnline(1, false);
    b!.type(' Bob offline.');
    a!.editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
    a!.type('Alice online.');
    expect(b!.text()).not.toContain('Alice');
    room.setOnline(1, true);
    expect(a!.text()).toBe('Shared start. Bob offline.\n\nAlice online.');
    expect(b!.text()).toBe(a!.text());
  });
});

describe('large documents', () => {
  it('a 50-page document written by one member arrives whole at another', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    const paragraph = 'A practice grows when members try it, tell it and refine it together. ';
    a!.editor.update(
      () => {
        const root = $getRoot().clear();
        for (let i = 0; i < 1000; i++) {
          const p = $createParagraphNode();
          root.append(p);
          p.select();
        }
      },
      { discrete: true },
    );
    for (let i = 0; i < 1000; i += 100) a!.type(paragraph.repeat(3), i);
    expect(b!.text()).toBe(a!.text());
    const fresh = createDocumentEditor();
    const freshDoc = new Y.Doc();
    Y.applyUpdate(freshDoc, Y.encodeStateAsUpdate(b!.doc));
    const binding = bindEditorToYDoc(fresh, freshDoc);
    expect(fresh.read(() => $getRoot().getChildrenSize())).toBe(1000);
    binding.dispose();
    expect(Y.encodeStateAsUpdate(b!.doc).length).toBeGreaterThan(1000);
  });
});

const caret = (m: { editor: import('lexical').LexicalEditor }) =>
  m.editor.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const node = selection.anchor.getNode();
    const block = node.getTopLevelElementOrThrow();
    // Offset within the block's text, so the check does not depend on how text nodes split.
    let offset = selection.anchor.offset;
    for (const sibling of node.getPreviousSiblings()) offset += sibling.getTextContentSize();
    return { block: block.getIndexWithinParent(), offset };
  });

describe('the caret after undo (regression: the cursor jumping after undo)', () => {
  it('undo leaves the caret where the undone typing began, not at the start of the document', () => {
    room = createRoom(2);
    const [a] = room.members;
    a!.type('First paragraph');
    a!.editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
    a!.type('Second');
    a!.collab.undoManager.stopCapturing();
    a!.type(' paragraph, more words');
    a!.collab.undoManager.undo();
    expect(a!.text()).toBe('First paragraph\n\nSecond');
    expect(caret(a!)).toEqual({ block: 1, offset: 'Second'.length });
  });

  it("the caret stays in place when another member's edit arrives before the undo", () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Norms');
    a!.collab.undoManager.stopCapturing();
    a!.type(' for peer observation');
    a!.collab.undoManager.stopCapturing();
    b!.editor.update(
      () => {
        const first = $getRoot().getFirstChildOrThrow<import('lexical').ElementNode>();
        first.selectStart();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText('Our ');
      },
      { discrete: true },
    );
    expect(a!.text()).toBe('Our Norms for peer observation');
    a!.collab.undoManager.undo();
    expect(a!.text()).toBe('Our Norms');
    expect(b!.text()).toBe('Our Norms');
    // After "Our Norms": shifted by Bo's four characters, not left at Ada's old offset.
    expect(caret(a!)).toEqual({ block: 0, offset: 'Our Norms'.length });
  });
});

describe('large documents stay cheap to edit (regression: very slow large documents)', () => {
  it('one keystroke in a 1,000-paragraph document sends a few bytes and touches one block remotely', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.editor.update(
      () => {
        const root = $getRoot().clear();
        for (let i = 0; i < 1000; i++) {
          const p = $createParagraphNode();
          root.append(p);
          p.select();
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText(`Paragraph ${i} of the notes.`);
        }
      },
      { discrete: true },
    );
    const keysBefore = b!.editor.read(() =>
      $getRoot()
        .getChildren()
        .map((c) => c.getKey()),
    );
    const sizes: number[] = [];
    const onUpdate = (update: Uint8Array) => sizes.push(update.length);
    a!.doc.on('update', onUpdate);
    const dirty: number[] = [];
    const stop = b!.editor.registerUpdateListener(({ dirtyElements }) => {
      dirty.push(dirtyElements.size);
    });
    a!.type('x', 500);
    a!.doc.off('update', onUpdate);
    stop();
    expect(sizes.length).toBe(1);
    expect(sizes[0]).toBeLessThan(100);
    expect(b!.editor.read(() => $getRoot().getChildAtIndex(500)?.getTextContent())).toBe(
      'Paragraph 500 of the notes.x',
    );
    // Lexical marks the root and the edited block dirty, nothing else; every block keeps its node.
    expect(Math.max(...dirty)).toBeLessThanOrEqual(2);
    const keysAfter = b!.editor.read(() =>
      $getRoot()
        .getChildren()
        .map((c) => c.getKey()),
    );
    expect(keysAfter).toEqual(keysBefore);
  });
});
