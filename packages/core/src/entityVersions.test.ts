import { type EntityId, type FieldValue, ValidationError } from '@repertoire/schema';
import { versionedMemberKind } from '@repertoire/schema/testing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc, graphMaps } from './graphDoc.ts';
import { Workspace, type WorkspaceChangeEvent } from './workspace.ts';

// The member kind at version 3 (see its comment): v1 `position` + `nickname`, v3 `role` + `joined`.
const memberV3 = versionedMemberKind;

function workspace(): Workspace {
  let clock = 1_000;
  const ws = new Workspace(createGraphDoc(), { user: 'ada', now: () => clock++ });
  ws.registerEntityKind(memberV3);
  return ws;
}

/** Writes an entity as an older (or newer) client stored it: raw keys, no validation. */
function stored(
  ws: Workspace,
  id: string,
  fields: Record<string, FieldValue>,
  version?: number,
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('kind', 'member');
  map.set('title', id);
  map.set('created', { by: 'old', at: 1 });
  map.set('updated', { by: 'old', at: 1 });
  if (version !== undefined) map.set('version', version);
  for (const [name, value] of Object.entries(fields)) map.set(`f:${name}`, value);
  ws.doc.transact(() => graphMaps(ws.doc).entities.set(id, map));
  return map;
}

/** What the entity's Y.Map holds, as plain data. */
function raw(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries())
    if (key !== 'created' && key !== 'updated') out[key] = value;
  return out;
}

const id = (s: string) => s as EntityId;

describe('entities stored at an older version of their kind', () => {
  it('read in the current shape (rename + mapValues, then remove + default) without writing', () => {
    const ws = workspace();
    const v1 = stored(ws, 'al', { position: 'lead', nickname: 'Al' });
    const v2 = stored(ws, 'bo', { role: 'member', nickname: 'Bo' }, 2);
    expect(ws.getEntity(id('al'))?.fields).toEqual({ role: 'coordinator', joined: '2024-01-01' });
    // From version 2 only the third migration runs.
    expect(ws.getEntity(id('bo'))?.fields).toEqual({ role: 'member', joined: '2024-01-01' });
    expect(ws.entities('member').map((e) => e.fields.role)).toEqual(['coordinator', 'member']);
    // Reading changed nothing in the shared graph.
    expect(raw(v1)).toEqual({
      kind: 'member',
      title: 'al',
      'f:position': 'lead',
      'f:nickname': 'Al',
    });
    expect(raw(v2)).toMatchObject({ version: 2, 'f:role': 'member' });
    expect(ws.outdatedEntities()).toEqual([
      { id: 'al', kind: 'member', version: 1, current: 3 },
      { id: 'bo', kind: 'member', version: 2, current: 3 },
    ]);
  });

  it('are stored whole in the current shape, at the current version, by an update', () => {
    const ws = workspace();
    const map = stored(ws, 'al', { position: 'lead', nickname: 'Al' });
    const after = ws.updateEntity(id('al'), { fields: { joined: '2024-09-01' } });
    expect(after.fields).toEqual({ role: 'coordinator', joined: '2024-09-01' });
    expect(raw(map)).toEqual({
      kind: 'member',
      title: 'al',
      version: 3,
      'f:role': 'coordinator',
      'f:joined': '2024-09-01',
    });
    expect(map.get('updated')).toEqual({ by: 'ada', at: expect.any(Number) });
    expect(ws.outdatedEntities()).toEqual([]);
  });

  it('refuse an update whose migrated fields are invalid, naming the field, and change nothing', () => {
    const ws = workspace();
    // 'chair' was never mapped: as a v3 role it is not an option.
    const map = stored(ws, 'cy', { position: 'chair' });
    const before = raw(map);
    expect(() => ws.updateEntity(id('cy'), { title: 'Cy' })).toThrow(
      expect.objectContaining({ field: 'fields.role' }),
    );
    expect(raw(map)).toEqual(before);
    // Giving the field a current value is the way out.
    ws.updateEntity(id('cy'), { fields: { role: 'member' } });
    expect(raw(map)).toMatchObject({ version: 3, 'f:role': 'member', 'f:joined': '2024-01-01' });
  });

  it('are new entities written at the current version', () => {
    const ws = workspace();
    const ent = ws.createEntity({
      id: 'di',
      kind: 'member',
      title: 'Di',
      fields: { joined: '2025-01-01' },
    });
    expect(ent.fields).toEqual({ joined: '2025-01-01' });
    expect(graphMaps(ws.doc).entities.get('di')?.get('version')).toBe(3);
    expect(ws.outdatedEntities()).toEqual([]);
  });
});

describe('upgradeEntities', () => {
  it('writes every outdated entity in one transaction, leaves current ones untouched, and undoes as one step', () => {
    const ws = workspace();
    const al = stored(ws, 'al', { position: 'lead', nickname: 'Al' });
    const bo = stored(ws, 'bo', { role: 'member', nickname: 'Bo' }, 2);
    const current = stored(ws, 'cy', { role: 'member', joined: '2021-03-04' }, 3);
    const alBefore = raw(al);
    const events: WorkspaceChangeEvent[] = [];
    ws.onDidChange((e) => events.push(e));
    const result = ws.upgradeEntities();
    expect(result.upgraded.map((e) => e.id)).toEqual(['al', 'bo']);
    expect(result.failed).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]?.entities.updated.sort()).toEqual(['al', 'bo']);
    expect(raw(al)).toMatchObject({
      version: 3,
      'f:role': 'coordinator',
      'f:joined': '2024-01-01',
    });
    expect(al.has('f:position') || al.has('f:nickname') || bo.has('f:nickname')).toBe(false);
    // The current entity was not rewritten: its stamp is the old client's.
    expect(current.get('updated')).toEqual({ by: 'old', at: 1 });
    expect(ws.upgradeEntities()).toEqual({ upgraded: [], failed: [] });
    expect(ws.undo()).toBe(true);
    expect(raw(al)).toEqual(alBefore);
    expect(ws.outdatedEntities().map((e) => e.id)).toEqual(['al', 'bo']);
  });

  it('leaves and reports an entity from a newer version of the kind, which an update refuses', () => {
    const ws = workspace();
    const future = stored(ws, 'fu', { role: 'member', pronouns: 'they' }, 4);
    stored(ws, 'old', { position: 'member' });
    // Nothing can downgrade it: readers see it as stored.
    expect(ws.getEntity(id('fu'))?.fields).toEqual({ role: 'member', pronouns: 'they' });
    let refused: unknown;
    try {
      ws.updateEntity(id('fu'), { title: 'Fu' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).field).toBe('version');
    expect((refused as Error).message).toMatch(/version 4 of the member kind, newer than .* 3/);
    const result = ws.upgradeEntities();
    expect(result.upgraded.map((e) => e.id)).toEqual(['old']);
    expect(result.failed).toEqual([
      { id: 'fu', kind: 'member', version: 4, current: 3, reason: expect.stringMatching(/newer/) },
    ]);
    expect(future.get('title')).toBe('fu');
    expect(future.get('version')).toBe(4);
  });
});
