import { createGraphDoc, Workspace } from '@repertoire/core';
import { asEntityId } from '@repertoire/schema';
import { describe, expect, it } from 'vitest';
import { registerBuiltinKinds } from './builtinKinds.ts';
import { loadSampleCommunity } from './loadSampleCommunity.ts';
import { MEETING_DATES, MEMBERS } from './sampleData.ts';

describe('loadSampleCommunity', () => {
  it('loads every kind of the community, valid against the built-in kinds', () => {
    const doc = createGraphDoc();
    const summary = loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
    expect(summary.loaded).toBe(true);
    const workspace = new Workspace(doc, { user: 'u_reader' });
    registerBuiltinKinds(workspace);
    const count = (kind: string) => workspace.entities(kind).length;
    expect(count('member')).toBe(MEMBERS.length);
    expect(count('meeting')).toBe(MEETING_DATES.length);
    for (const kind of ['domain', 'problem', 'practice', 'artifact'])
      expect(count(kind)).toBeGreaterThan(0);
    expect(summary.entities).toBe(workspace.entities().length);
    expect(summary.relations).toBe(workspace.relations().length);
    const types = new Set(workspace.relations().map((r) => r.type));
    for (const type of ['attended', 'discussed', 'practises', 'addresses', 'mentors', 'documents'])
      expect(types).toContain(type);
    expect(workspace.settings.get().name).toBe('E-learning committee');
  });

  it('dates the story across the year so the time slider can replay it', () => {
    const doc = createGraphDoc();
    loadSampleCommunity(doc, { user: 'u_demo' });
    const workspace = new Workspace(doc, { user: 'u_reader' });
    const created = workspace.entities().map((e) => e.createdAt);
    expect(Math.min(...created)).toBe(Date.parse(`${MEETING_DATES[0]}T15:30:00Z`));
    expect(Math.max(...created)).toBe(Date.parse(`${MEETING_DATES.at(-1)}T15:30:00Z`));
    const newcomer = workspace.getEntity(asEntityId('sample-member-hannah'));
    expect(newcomer?.createdAt).toBeGreaterThan(Date.parse('2025-06-01'));
  });

  it('is idempotent: a second load changes nothing', () => {
    const doc = createGraphDoc();
    loadSampleCommunity(doc, { user: 'u_demo' });
    const before = JSON.stringify(doc.toJSON());
    expect(loadSampleCommunity(doc, { user: 'u_demo' })).toEqual({
      loaded: false,
      entities: 0,
      relations: 0,
    });
    expect(JSON.stringify(doc.toJSON())).toBe(before);
  });
});
