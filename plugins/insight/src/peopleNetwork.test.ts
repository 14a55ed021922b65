import { createGraphDoc, Workspace } from '@repertoire/core';
import { createHeadlessHost } from '@repertoire/plugin-host';
import { loadSampleCommunity } from '@repertoire/plugin-sample-community';
import { describe, expect, it } from 'vitest';
import * as insight from './index.ts';

/** The sample community over a headless host, seen by a facilitator (all records) or a member. */
async function sample(access: 'all' | 'own') {
  const doc = createGraphDoc();
  loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
  const workspace = new Workspace(doc, { user: 'u_demo', id: 'w_sample' });
  const { host } = createHeadlessHost(workspace, {
    modules: { 'repertoire.insight': async () => insight },
    // The server's answers for this window (its activity routes are tested over the server).
    activity: {
      member: async () => 'sample-member-lucia',
      claimMember: async () => undefined,
      access: async () => access,
      records: async () => [],
    },
  });
  await host.add([{ packageJson: insight.packageJson, builtin: true }]);
  await host.start();
  return { workspace, host };
}

describe('the People mode’s network (insight.peopleNetwork)', () => {
  it('gives a plain member only their own ties, never the others’', async () => {
    const { host } = await sample('own');
    const people = (await host.executeCommand(
      'insight.peopleNetwork',
      '2025-12-18T00:00:00.000Z',
    )) as { ties: { a: string; b: string }[]; brokers: unknown[] };
    expect(people.ties.length).toBeGreaterThan(0);
    for (const t of people.ties) expect([t.a, t.b]).toContain('sample-member-lucia');
    expect(people.brokers).toEqual([]);
    await host.shutdown();
  });

  it('gives a facilitator the sample community’s member ties, several communities and explained brokers', async () => {
    const { workspace, host } = await sample('all');
    // Through the command, as the graph explorer asks for it.
    const people = (await host.executeCommand(
      'insight.peopleNetwork',
      '2025-12-18T00:00:00.000Z',
    )) as {
      kind: string;
      ties: { a: string; b: string; weight: number }[];
      communities: { name: string; members: string[] }[];
      brokers: { memberId: string; betweenness: number; explanation: string }[];
    };
    const kindOf = new Map(workspace.entities().map((e) => [e.id as string, e.kind]));
    expect(people.kind).toBe('member');
    expect(people.ties.length).toBeGreaterThan(5);
    for (const t of people.ties) {
      expect([kindOf.get(t.a), kindOf.get(t.b)]).toEqual(['member', 'member']);
      expect(t.weight).toBeGreaterThan(0);
    }
    expect(people.communities.length).toBeGreaterThan(1);
    // Every member is in at most one community.
    const placed = people.communities.flatMap((c) => c.members);
    expect(new Set(placed).size).toBe(placed.length);
    expect(people.brokers.length).toBeGreaterThan(0);
    expect(people.brokers[0]?.explanation).toMatch(/^(Bridges|Connects)/);
    await expect(host.executeCommand('insight.peopleNetwork', 'last week')).rejects.toThrow(
      /ISO 8601/,
    );
    await host.shutdown();
  });
});
