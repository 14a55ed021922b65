import type { EntityId } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentRegistry } from './documentRegistry.ts';
import { createGraphDoc } from './graphDoc.ts';
import { readGraphState } from './history.ts';
import { reconcileMentions } from './mentions.ts';
import { registerTestKinds, testWorkspace } from './testKinds.ts';
import { Workspace } from './workspace.ts';

describe('DocumentRegistry', () => {
  it('creates document entities with named content docs', () => {
    const ws = testWorkspace({ id: 'maths' });
    const docs = new DocumentRegistry(ws);
    const guide = docs.create({ kind: 'artifact', title: 'Walks guide' });
    const plain = ws.createEntity({ kind: 'artifact', title: 'Link' });
    expect(guide.document).toBe(true);
    expect(docs.isDocument(guide.id)).toBe(true);
    expect(docs.isDocument(plain.id)).toBe(false);
    expect(docs.list().map((e) => e.id)).toEqual([guide.id]);
    expect(docs.docName(guide.id)).toBe(`maths/doc/${guide.id}`);
    const content = docs.createContentDoc(guide.id);
    expect(content.guid).toBe(`maths/doc/${guide.id}`);
    expect(content.gc).toBe(false);
    expect(() => docs.createContentDoc(plain.id)).toThrow(/no co-edited document/);
    expect(() => docs.attach('ghost' as EntityId)).toThrow(/no entity "ghost"/);
    docs.attach(plain.id);
    expect(docs.isDocument(plain.id)).toBe(true);
    expect(ws.doc.guid).toBe('maths/graph');
  });
});

describe('reconcileMentions', () => {
  function setup() {
    const ws = testWorkspace({ id: 'maths' });
    const docs = new DocumentRegistry(ws);
    const doc = docs.create({ kind: 'artifact', title: 'Notes' }).id;
    const ada = ws.createEntity({ kind: 'member', title: 'Ada' }).id;
    const walks = ws.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging' },
    }).id;
    return { ws, doc, ada, walks };
  }

  it('turns mentions into document-sourced relations and removes stale ones', () => {
    const { ws, doc, ada, walks } = setup();
    const first = reconcileMentions(ws, doc, [ada, walks, 'ghost' as EntityId, doc]);
    expect(first.added.sort()).toEqual(
      [`${doc}|mentions|${ada}`, `${doc}|mentions|${walks}`].sort(),
    );
    expect(ws.relations({ from: doc })[0]?.source).toEqual({ kind: 'document', docId: doc });
    const second = reconcileMentions(ws, doc, [walks]);
    expect(second).toEqual({ added: [], removed: [`${doc}|mentions|${ada}`] });
    expect(ws.relations().map((r) => r.to)).toEqual([walks]);
  });

  it('is idempotent: running it again writes nothing', () => {
    const { ws, doc, ada } = setup();
    reconcileMentions(ws, doc, [ada]);
    const before = Y.encodeStateVector(ws.doc);
    expect(reconcileMentions(ws, doc, [ada])).toEqual({ added: [], removed: [] });
    expect(Y.encodeStateVector(ws.doc)).toEqual(before);
  });

  it('leaves mentions made by hand alone', () => {
    const { ws, doc, ada } = setup();
    ws.link(doc, 'mentions', ada);
    expect(reconcileMentions(ws, doc, [])).toEqual({ added: [], removed: [] });
    expect(ws.relations()).toHaveLength(1);
  });

  it('gives the same relations however many clients run it at once', () => {
    const { ws, doc, ada, walks } = setup();
    const replicas = ['bo', 'cy', 'di'].map((user) => {
      const r = new Workspace(createGraphDoc('maths'), { user, id: 'maths' });
      registerTestKinds(r);
      Y.applyUpdate(r.doc, Y.encodeStateAsUpdate(ws.doc));
      return r;
    });
    reconcileMentions(ws, doc, [ada]);
    Y.applyUpdate(replicas[0]!.doc, Y.encodeStateAsUpdate(ws.doc));
    for (const r of replicas) reconcileMentions(r, doc, [ada, walks]);
    const all = [ws, ...replicas];
    for (const x of all) for (const y of all) Y.applyUpdate(y.doc, Y.encodeStateAsUpdate(x.doc));
    const keys = all.map((r) => [...readGraphState(r.doc).relations.keys()].sort());
    for (const k of keys)
      expect(k).toEqual([`${doc}|mentions|${ada}`, `${doc}|mentions|${walks}`].sort());
  });

  it('refuses an unknown document', () => {
    const { ws } = setup();
    expect(() => reconcileMentions(ws, 'ghost' as EntityId, [])).toThrow(/docId/);
  });
});
