import { $createParagraphNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countWords } from '../content/wordCount.ts';
import { restoreVersion, versionEditorState, versionHtml } from './documentVersions.ts';
import { lastEditors, registerLastEditors } from './lastEditors.ts';
import { createRoom } from './testPair.ts';

let room: ReturnType<typeof createRoom> | undefined;
afterEach(() => {
  room?.dispose();
  room = undefined;
});

describe('word count', () => {
  it('counts words, not spaces or punctuation, in any script', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  Peer rounds — twice a term!  ')).toBe(5);
    expect(countWords("Ada's notes:\n\nobserve, talk.")).toBe(4);
    expect(countWords('Élèves et enseignants')).toBe(3);
  });

  it('counts a very long document the same way, quickly', () => {
    const paragraph = "Members observed each other's teaching, and wrote down what they noticed. ";
    expect(countWords(paragraph)).toBe(11);
    expect(countWords(paragraph.repeat(20_000))).toBe(11 * 20_000);
  });
});

describe('last editors', () => {
  it('records each member who edits, most recent first, and not members who only read', () => {
    room = createRoom(3);
    const [a, b, c] = room.members;
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const now = () => new Date(clock);
    const stops = [
      registerLastEditors(
        a!.editor,
        a!.doc,
        { id: 'm-ada', name: 'Ada', colour: '#d33682' },
        { now },
      ),
      registerLastEditors(
        b!.editor,
        b!.doc,
        { id: 'm-bo', name: 'Bo', colour: '#268bd2' },
        { now },
      ),
      registerLastEditors(
        c!.editor,
        c!.doc,
        { id: 'm-cy', name: 'Cy', colour: '#859900' },
        { now },
      ),
    ];
    a!.type('Agenda');
    clock += 60_000;
    b!.type(' and goals');
    expect(lastEditors(c!.doc).map((e) => e.name)).toEqual(['Bo', 'Ada']);
    expect(lastEditors(a!.doc)).toEqual(lastEditors(c!.doc));
    clock += 60_000;
    a!.type('.');
    expect(lastEditors(b!.doc).map((e) => [e.name, e.at])).toEqual([
      ['Ada', '2026-11-23T10:02:00.000Z'],
      ['Bo', '2026-11-23T10:01:00.000Z'],
    ]);
    for (const stop of stops) stop();
  });

  it('writes at most once a minute per member while they type', () => {
    room = createRoom(1);
    const [a] = room.members;
    const writes: number[] = [];
    a!.doc.getMap('lastEditors').observe(() => writes.push(1));
    const stop = registerLastEditors(a!.editor, a!.doc, {
      id: 'm-ada',
      name: 'Ada',
      colour: '#000',
    });
    for (const ch of 'many keystrokes') a!.type(ch);
    expect(writes.length).toBe(1);
    stop();
  });
});

describe('named versions', () => {
  it('a version read back shows the document as it was when saved', () => {
    room = createRoom(2);
    const [a] = room.members;
    a!.type('Draft one');
    const saved = Y.encodeStateAsUpdate(a!.doc);
    a!.type(', then more');
    const state = versionEditorState(saved);
    expect(JSON.stringify(state)).toContain('Draft one');
    expect(JSON.stringify(state)).not.toContain('then more');
    expect(versionHtml(saved)).toContain('Draft one');
  });

  it('restoring a version is an edit everyone receives, and its restorer can undo it', () => {
    room = createRoom(2);
    const [a, b] = room.members;
    a!.type('Norms we agreed');
    a!.editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
    a!.type('Second paragraph');
    const saved = Y.encodeStateAsUpdate(a!.doc);
    a!.collab.undoManager.stopCapturing();
    b!.editor.update(() => $getRoot().clear().append($createParagraphNode()), { discrete: true });
    b!.type('Bo rewrote everything');
    expect(a!.text()).toBe('Bo rewrote everything');
    b!.collab.undoManager.stopCapturing();
    restoreVersion(b!.editor, saved);
    expect(b!.text()).toBe('Norms we agreed\n\nSecond paragraph');
    expect(a!.text()).toBe(b!.text());
    b!.collab.undoManager.undo();
    expect(a!.text()).toBe('Bo rewrote everything');
    expect(b!.text()).toBe(a!.text());
  });
});
