import { type EntityId, type RelationId, ValidationError } from '@repertoire/schema';
import { versionedMemberKind, versionedMentorsKind } from '@repertoire/schema/testing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGraphDoc, graphMaps } from './graphDoc.ts';
import { graphAtSnapshot, readGraphState, snapshotGraph } from './history.ts';
import { Workspace } from './workspace.ts';

const member = {
  kind: 'member',
  label: 'Member',
  pluralLabel: 'Members',
  icon: 'user',
  colour: '#333333',
  fields: [],
};

function workspace(): Workspace {
  let clock = 1_000;
  const ws = new Workspace(createGraphDoc(), { user: 'ada', now: () => clock++ });
  ws.registerEntityKind(member);
  ws.registerRelationKind(versionedMentorsKind);
  for (const id of ['al', 'bo', 'cy']) ws.createEntity({ id, kind: 'member', title: id });
  return ws;
}

/** Writes a relation as an older (or newer) client stored it: raw value, no validation. */
function stored(ws: Workspace, key: string, attrs: Record<string, unknown>, version?: number) {
  const value = { by: 'old', at: 1, attrs, ...(version === undefined ? {} : { version }) };
  ws.doc.transact(() => graphMaps(ws.doc).relations.set(key, value as never));
}

const id = (s: string) => s as EntityId;
const AL_BO = 'al|mentors|bo' as RelationId;

describe('relations stored at an older version of their kind', () => {
  it('read with their attributes migrated, the stored value unchanged', () => {
    const ws = workspace();
    stored(ws, AL_BO, { since: '2023-09-01', level: 'junior' });
    const expected = { started: '2023-09-01', level: 'beginner', active: true };
    expect(ws.getRelation(AL_BO)?.attributes).toEqual(expected);
    expect(ws.relations({ type: 'mentors' }).map((r) => r.attributes)).toEqual([expected]);
    expect(graphMaps(ws.doc).relations.get(AL_BO)).toEqual({
      by: 'old',
      at: 1,
      attrs: { since: '2023-09-01', level: 'junior' },
    });
    expect(ws.outdatedRelations()).toEqual([
      { id: AL_BO, type: 'mentors', version: 1, current: 2 },
    ]);
  });

  it('a new relation is stored at the current version', () => {
    const ws = workspace();
    ws.link(id('al'), 'mentors', id('cy'), { attributes: { started: '2024-01-01' } });
    expect(graphMaps(ws.doc).relations.get('al|mentors|cy' as RelationId)).toMatchObject({
      attrs: { started: '2024-01-01' },
      version: 2,
    });
    expect(ws.outdatedRelations()).toEqual([]);
  });

  it('relinking stores the upgrade; new attributes replace the migrated ones', () => {
    const ws = workspace();
    stored(ws, AL_BO, { since: '2023-09-01', level: 'junior' });
    ws.link(id('al'), 'mentors', id('bo'));
    expect(graphMaps(ws.doc).relations.get(AL_BO)).toEqual({
      by: 'old',
      at: 1,
      attrs: { started: '2023-09-01', level: 'beginner', active: true },
      version: 2,
    });
    stored(ws, 'bo|mentors|cy', { since: '2020-01-01' });
    ws.link(id('bo'), 'mentors', id('cy'), { attributes: { started: '2021-01-01' } });
    expect(ws.getRelation('bo|mentors|cy' as RelationId)?.attributes).toEqual({
      started: '2021-01-01',
    });
  });

  it('upgradeRelations writes every outdated one in one undo step', () => {
    const ws = workspace();
    stored(ws, AL_BO, { since: '2023-09-01' });
    stored(ws, 'bo|mentors|cy', { level: 'junior' });
    const result = ws.upgradeRelations();
    expect(result.upgraded.map((r) => r.id)).toEqual([AL_BO, 'bo|mentors|cy']);
    expect(result.failed).toEqual([]);
    expect(ws.outdatedRelations()).toEqual([]);
    expect(ws.undo()).toBe(true);
    expect(ws.outdatedRelations()).toHaveLength(2);
  });

  it('a relation written at a newer version is read as stored and never overwritten', () => {
    const ws = workspace();
    stored(ws, AL_BO, { mentor: 'x' }, 3);
    expect(ws.getRelation(AL_BO)?.attributes).toEqual({ mentor: 'x' });
    expect(() => ws.link(id('al'), 'mentors', id('bo'))).toThrow(ValidationError);
    expect(() => ws.link(id('al'), 'mentors', id('bo'))).toThrow(/version 3 .*newer/);
    expect(ws.upgradeRelations().failed).toMatchObject([{ id: AL_BO, version: 3 }]);
    expect(graphMaps(ws.doc).relations.get(AL_BO)).toMatchObject({ version: 3 });
  });
});

describe('the graph read at a past snapshot', () => {
  it('shows entities and relations written at older kind versions in the current shape', () => {
    // Written by an old client: a member at v1 of its kind, a mentors relation at v1.
    const ws = new Workspace(createGraphDoc(), { user: 'ada', now: () => 5 });
    ws.doc.transact(() => {
      const { entities, relations } = graphMaps(ws.doc);
      for (const who of ['al', 'bo']) {
        const map = new Y.Map<unknown>();
        map.set('kind', 'member');
        map.set('title', who);
        map.set('created', { by: 'old', at: 1 });
        map.set('updated', { by: 'old', at: 1 });
        map.set('f:position', 'lead');
        entities.set(who, map);
      }
      relations.set(AL_BO, { by: 'old', at: 1, attrs: { since: '2023-09-01' } } as never);
    });
    const then = snapshotGraph(ws.doc);
    // As stored, without kinds: what an old reader saw.
    expect(graphAtSnapshot(ws.doc, then).entities.get(id('al'))?.fields).toEqual({
      position: 'lead',
    });
    // Now the plugins are at member v3 and mentors v2: the past is shown in today's shape.
    const kinds = new Workspace(createGraphDoc(), { user: 'ada' }).kinds;
    kinds.registerEntityKind(versionedMemberKind);
    kinds.registerRelationKind(versionedMentorsKind);
    const past = graphAtSnapshot(ws.doc, then, kinds);
    expect(past.entities.get(id('al'))?.fields).toEqual({
      role: 'coordinator',
      joined: '2024-01-01',
    });
    expect(past.relations.get(AL_BO)?.attributes).toEqual({
      started: '2023-09-01',
      active: true,
    });
    expect(past.versions?.get('al')).toBe(3);
    expect(readGraphState(ws.doc, kinds).relations.get(AL_BO)?.attributes).toMatchObject({
      started: '2023-09-01',
    });
  });
});
