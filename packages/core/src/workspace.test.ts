import { type EntityId, ValidationError } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc } from './graphDoc.ts';
import { memberKind, registerTestKinds, testWorkspace } from './testKinds.ts';
import { Workspace, type WorkspaceChangeEvent } from './workspace.ts';

function expectRefused(fn: () => unknown, field: string): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    return error as ValidationError;
  }
  throw new Error(`expected a ValidationError on ${field}`);
}

describe('Workspace entities', () => {
  it('creates an entity with its kind, title, fields and who/when', () => {
    const ws = testWorkspace();
    const p = ws.createEntity({
      kind: 'practice',
      title: 'Learning walks',
      fields: { status: 'emerging', uses: 3 },
    });
    expect(p).toMatchObject({
      kind: 'practice',
      title: 'Learning walks',
      fields: { status: 'emerging', uses: 3 },
      createdBy: 'ada',
      createdAt: 1_000,
      updatedBy: 'ada',
    });
    expect(p.id).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(ws.getEntity(p.id)).toEqual(p);
    expect(ws.entities('practice')).toEqual([p]);
    expect(ws.entities('member')).toEqual([]);
  });

  it('keeps a chosen id and refuses to reuse it', () => {
    const ws = testWorkspace();
    ws.createEntity({ id: 'm1', kind: 'member', title: 'Ada' });
    expectRefused(() => ws.createEntity({ id: 'm1', kind: 'member', title: 'Bo' }), 'id');
    expectRefused(() => ws.createEntity({ id: 'a|b', kind: 'member', title: 'Bo' }), 'id');
  });

  it.each([
    [{ kind: 'nope', title: 'x' }, 'kind'],
    [{ kind: 'practice', title: '   ', fields: { status: 'emerging' } }, 'title'],
    [{ kind: 'practice', title: 'x' }, 'fields.status'],
    [{ kind: 'practice', title: 'x', fields: { status: 'done' } }, 'fields.status'],
    [{ kind: 'practice', title: 'x', fields: { status: 'emerging', uses: -1 } }, 'fields.uses'],
    [
      { kind: 'practice', title: 'x', fields: { status: 'emerging', colour: 'red' } },
      'fields.colour',
    ],
    [{ kind: 'member', title: 'x', fields: { joined: 'yesterday' } }, 'fields.joined'],
    [{ kind: 'member', title: 'x', fields: { expertise: 'maths' } }, 'fields.expertise'],
    [{ kind: 'artifact', title: 'x', fields: { url: 'a\nb' } }, 'fields.url'],
  ] as const)(
    'refuses an invalid creation %j naming %s, leaving the document untouched',
    (input, field) => {
      const ws = testWorkspace();
      const before = Y.encodeStateAsUpdate(ws.doc);
      expectRefused(() => ws.createEntity(input as never), field);
      expect(Y.encodeStateAsUpdate(ws.doc)).toEqual(before);
    },
  );

  it('checks entity references: the target exists and has an allowed kind', () => {
    const ws = testWorkspace();
    const m = ws.createEntity({ kind: 'member', title: 'Ada' });
    const a = ws.createEntity({ kind: 'artifact', title: 'Guide' });
    const base = { kind: 'practice', title: 'x' };
    const ok = ws.createEntity({ ...base, fields: { status: 'emerging', steward: m.id } });
    expect(ok.fields.steward).toBe(m.id);
    expectRefused(
      () => ws.createEntity({ ...base, fields: { status: 'emerging', steward: 'ghost' } }),
      'fields.steward',
    );
    expectRefused(
      () => ws.createEntity({ ...base, fields: { status: 'emerging', steward: a.id } }),
      'fields.steward',
    );
  });

  it('updates title and fields, clears optional fields, and stamps who changed it', () => {
    let t = 1_000;
    const ws = testWorkspace({ now: () => t });
    const p = ws.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging', uses: 1 },
    });
    t = 2_000;
    const q = ws.updateEntity(p.id, {
      title: 'Learning walks',
      fields: { status: 'established', uses: null },
    });
    expect(q).toMatchObject({
      title: 'Learning walks',
      fields: { status: 'established' },
      createdAt: 1_000,
      updatedAt: 2_000,
    });
    expect(ws.getEntity(p.id)).toEqual(q);
  });

  it('refuses an invalid update naming the field and changes nothing', () => {
    const ws = testWorkspace();
    const p = ws.createEntity({ kind: 'practice', title: 'Walks', fields: { status: 'emerging' } });
    const before = Y.encodeStateAsUpdate(ws.doc);
    expectRefused(
      () => ws.updateEntity(p.id, { title: 'ok', fields: { status: null } }),
      'fields.status',
    );
    expectRefused(
      () => ws.updateEntity(p.id, { title: 'ok', fields: { uses: 'many' as never } }),
      'fields.uses',
    );
    expectRefused(() => ws.updateEntity(p.id, { title: '' }), 'title');
    expectRefused(() => ws.updateEntity('ghost' as EntityId, { title: 'x' }), 'id');
    expect(Y.encodeStateAsUpdate(ws.doc)).toEqual(before);
  });

  it('refuses writes to an entity whose kind is no longer registered', () => {
    const ws = new Workspace(createGraphDoc(), { user: 'ada' });
    const kind = ws.registerEntityKind(memberKind);
    const m = ws.createEntity({ kind: 'member', title: 'Ada' });
    kind.dispose();
    expectRefused(() => ws.updateEntity(m.id, { fields: { role: 'guest' } }), 'kind');
    expect(ws.getEntity(m.id)?.title).toBe('Ada');
    ws.registerEntityKind(memberKind);
    expect(ws.updateEntity(m.id, { fields: { role: 'guest' } }).fields.role).toBe('guest');
  });

  it('refuses a second registration of a kind and a malformed kind', () => {
    const ws = testWorkspace();
    expectRefused(() => ws.registerEntityKind(memberKind), 'kind');
    expectRefused(
      () =>
        ws.registerEntityKind({
          ...memberKind,
          kind: 'poll',
          fields: [{ name: 'q', label: 'Q', type: 'enum' }],
        }),
      'fields.0.options',
    );
    expectRefused(
      () => ws.registerRelationKind({ type: 'mentions', label: 'x', from: ['*'], to: ['*'] }),
      'type',
    );
  });
});

describe('Workspace relations', () => {
  function community() {
    const ws = testWorkspace();
    const ada = ws.createEntity({ kind: 'member', title: 'Ada' });
    const bo = ws.createEntity({ kind: 'member', title: 'Bo' });
    const walks = ws.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging' },
    });
    const guide = ws.createEntity({ kind: 'artifact', title: 'Guide' });
    return { ws, ada, bo, walks, guide };
  }

  it('links with a deterministic key and returns relations by end and type', () => {
    const { ws, ada, bo, walks } = community();
    const r = ws.link(ada.id, 'practises', walks.id, { attributes: { since: 2024 } });
    expect(r).toMatchObject({
      id: `${ada.id}|practises|${walks.id}`,
      from: ada.id,
      type: 'practises',
      to: walks.id,
      attributes: { since: 2024 },
      createdBy: 'ada',
      source: { kind: 'manual' },
    });
    ws.link(ada.id, 'mentors', bo.id);
    expect(ws.link(ada.id, 'practises', walks.id).id).toBe(r.id);
    expect(ws.relations()).toHaveLength(2);
    expect(ws.relations({ from: ada.id, type: 'mentors' }).map((x) => x.to)).toEqual([bo.id]);
    expect(ws.relations({ to: walks.id }).map((x) => x.from)).toEqual([ada.id]);
    expect(ws.relations({ entity: bo.id })).toHaveLength(1);
    expect(ws.getRelation(r.id)).toEqual(r);
  });

  it('refuses links the relation kind does not allow, naming the end', () => {
    const { ws, ada, walks, guide } = community();
    const before = Y.encodeStateAsUpdate(ws.doc);
    expectRefused(() => ws.link(walks.id, 'practises', ada.id), 'from');
    expectRefused(() => ws.link(ada.id, 'practises', guide.id), 'to');
    expectRefused(() => ws.link(ada.id, 'likes', walks.id), 'type');
    expectRefused(() => ws.link(ada.id, 'mentors', ada.id), 'to');
    expectRefused(() => ws.link(ada.id, 'mentors', 'ghost' as EntityId), 'to');
    expectRefused(() => ws.link('ghost' as EntityId, 'mentors', ada.id), 'from');
    expectRefused(() => ws.link(ada.id, 'bad|type', walks.id), 'type');
    expectRefused(
      () => ws.link(ada.id, 'practises', walks.id, { docId: 'a|b' as EntityId }),
      'docId',
    );
    expectRefused(
      () => ws.link(ada.id, 'practises', walks.id, { attributes: { x: {} as never } }),
      'attributes.x',
    );
    expect(Y.encodeStateAsUpdate(ws.doc)).toEqual(before);
  });

  it('unlinks by ends or by id', () => {
    const { ws, ada, bo, walks } = community();
    const r = ws.link(ada.id, 'practises', walks.id);
    ws.link(ada.id, 'mentors', bo.id);
    expect(ws.unlink(ada.id, 'mentors', bo.id)).toBe(true);
    expect(ws.unlink(r.id)).toBe(true);
    expect(ws.unlink(r.id)).toBe(false);
    expect(ws.relations()).toEqual([]);
  });

  it('deleting an entity removes its relations in the same transaction', () => {
    const { ws, ada, bo, walks, guide } = community();
    ws.link(ada.id, 'practises', walks.id);
    ws.link(bo.id, 'mentors', ada.id);
    ws.link(guide.id, 'documents', walks.id);
    const events: WorkspaceChangeEvent[] = [];
    ws.onDidChange((e) => events.push(e));
    ws.deleteEntity(ada.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.entities.removed).toEqual([ada.id]);
    expect(events[0]?.relations.removed.sort()).toEqual(
      [`${ada.id}|practises|${walks.id}`, `${bo.id}|mentors|${ada.id}`].sort(),
    );
    expect(ws.getEntity(ada.id)).toBeUndefined();
    expect(ws.relations().map((r) => r.type)).toEqual(['documents']);
    expectRefused(() => ws.deleteEntity(ada.id), 'id');
  });

  it('never returns a relation whose end a peer deleted concurrently', () => {
    const a = testWorkspace();
    const ada = a.createEntity({ kind: 'member', title: 'Ada' });
    const walks = a.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging' },
    });
    const b = new Workspace(createGraphDoc(), { user: 'bo' });
    registerTestKinds(b);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.link(ada.id, 'practises', walks.id);
    b.deleteEntity(walks.id);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    for (const ws of [a, b]) {
      expect(ws.relations()).toEqual([]);
      expect(ws.relations({ from: ada.id })).toEqual([]);
      expect(ws.getRelation(`${ada.id}|practises|${walks.id}` as never)).toBeUndefined();
    }
  });
});

describe('Workspace transactions, undo and events', () => {
  it('batches several changes into one event and one undo step', () => {
    const ws = testWorkspace();
    const events: WorkspaceChangeEvent[] = [];
    ws.onDidChange((e) => events.push(e));
    const [ada, walks] = ws.transact(() => {
      const m = ws.createEntity({ kind: 'member', title: 'Ada' });
      const p = ws.createEntity({
        kind: 'practice',
        title: 'Walks',
        fields: { status: 'emerging' },
      });
      ws.link(m.id, 'practises', p.id);
      return [m, p];
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ local: true });
    expect(events[0]?.entities.added.sort()).toEqual([ada.id, walks.id].sort());
    expect(events[0]?.relations.added).toEqual([`${ada.id}|practises|${walks.id}`]);
    ws.undo();
    expect(ws.entities()).toEqual([]);
    expect(ws.relations()).toEqual([]);
    ws.redo();
    expect(ws.entities()).toHaveLength(2);
    expect(ws.relations()).toHaveLength(1);
  });

  it('reports field updates as updated entities', () => {
    const ws = testWorkspace();
    const m = ws.createEntity({ kind: 'member', title: 'Ada' });
    const events: WorkspaceChangeEvent[] = [];
    ws.onDidChange((e) => events.push(e));
    ws.updateEntity(m.id, { fields: { role: 'facilitator' } });
    expect(events.map((e) => e.entities)).toEqual([{ added: [], updated: [m.id], removed: [] }]);
  });

  it('undo restores a deleted entity together with its relations', () => {
    const ws = testWorkspace({ captureTimeout: 0 });
    const ada = ws.createEntity({ kind: 'member', title: 'Ada' });
    const walks = ws.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging' },
    });
    ws.link(ada.id, 'practises', walks.id);
    ws.deleteEntity(ada.id);
    expect(ws.undo()).toBe(true);
    expect(ws.getEntity(ada.id)?.title).toBe('Ada');
    expect(ws.relations({ from: ada.id })).toHaveLength(1);
  });

  it("undo only reverts this user's changes, never a peer's", () => {
    const doc = createGraphDoc();
    const ada = new Workspace(doc, { user: 'ada', captureTimeout: 0 });
    const bo = new Workspace(doc, { user: 'bo', captureTimeout: 0 });
    registerTestKinds(ada);
    registerTestKinds(bo);
    const p = ada.createEntity({
      kind: 'practice',
      title: 'Walks',
      fields: { status: 'emerging' },
    });
    bo.updateEntity(p.id, { fields: { summary: 'Visit classes' } });
    ada.updateEntity(p.id, { title: 'Learning walks' });
    expect(ada.undo()).toBe(true);
    expect(ada.getEntity(p.id)).toMatchObject({
      title: 'Walks',
      fields: { summary: 'Visit classes' },
    });
    expect(bo.canUndo()).toBe(true);
    bo.undo();
    expect(ada.getEntity(p.id)?.fields.summary).toBeUndefined();
    expect(ada.canRedo()).toBe(true);
    ada.redo();
    expect(ada.getEntity(p.id)?.title).toBe('Learning walks');
  });

  it('marks changes from a peer as not local', () => {
    const a = testWorkspace();
    const b = testWorkspace({ user: 'bo' });
    const events: WorkspaceChangeEvent[] = [];
    b.onDidChange((e) => events.push(e));
    a.createEntity({ kind: 'member', title: 'Ada' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'provider');
    expect(events).toHaveLength(1);
    expect(events[0]?.local).toBe(false);
    expect(b.entities().map((e) => e.title)).toEqual(['Ada']);
  });

  it('disposing a listener stops its events', () => {
    const ws = testWorkspace();
    let calls = 0;
    const d = ws.onDidChange(() => calls++);
    ws.createEntity({ kind: 'member', title: 'Ada' });
    d.dispose();
    ws.createEntity({ kind: 'member', title: 'Bo' });
    expect(calls).toBe(1);
  });
});

describe('Workspace settings', () => {
  it('enables plugins and stores their settings, refusing bad values', () => {
    const ws = testWorkspace();
    ws.settings.setName('Maths leaders');
    ws.settings.setPluginEnabled('repertoire.members', true);
    ws.settings.setPluginEnabled('repertoire.graph', true);
    ws.settings.setPluginEnabled('repertoire.graph', false);
    ws.settings.setPluginSettings('repertoire.members', { showInactive: true });
    expect(ws.settings.get()).toEqual({
      name: 'Maths leaders',
      enabledPlugins: ['repertoire.members'],
      pluginSettings: { 'repertoire.members': { showInactive: true } },
    });
    expectRefused(() => ws.settings.setName(''), 'name');
    expectRefused(
      () => ws.settings.setPluginSettings('x.y', { f: (() => 1) as never }),
      'pluginSettings.x.y.f',
    );
  });
});
