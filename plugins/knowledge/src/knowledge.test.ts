import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { startBuiltIns } from '@repertoire/plugin-host';
import { expect, it } from 'vitest';
import * as knowledge from './index.ts';

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = await startBuiltIns(workspace, [knowledge, community]);
  return { workspace, host, ui };
}

it('contributes domain, problem and practice kinds and their relations to the core', async () => {
  const { workspace } = await setUp();
  for (const kind of ['domain', 'problem', 'practice'])
    expect(workspace.kinds.entityKind(kind)).toBeDefined();
  expect(workspace.kinds.relationKinds().map((r) => r.type)).toEqual(
    expect.arrayContaining(['addresses', 'belongs-to', 'practises', 'is-expert-in']),
  );
});

it('activates community first, since members practise practices', async () => {
  const { host } = await setUp();
  const order: string[] = [];
  host.onDidChangePlugins(() => {
    for (const p of host.plugins())
      if (p.state === 'active' && !order.includes(p.id)) order.push(p.id);
  });
  await host.executeCommand('knowledge.addDomain', 'E-learning');
  expect(order).toEqual(['repertoire.community', 'repertoire.knowledge']);
});

it('builds domain → problem → practice, moves a practice from emerging to established', async () => {
  const { workspace, host } = await setUp();
  const domain = (await host.executeCommand(
    'knowledge.addDomain',
    'E-learning across the school',
  )) as string;
  const problem = (await host.executeCommand(
    'knowledge.addProblem',
    'Teachers lack time to learn new digital tools',
    domain,
  )) as string;
  const practice = (await host.executeCommand(
    'knowledge.addPractice',
    'Ten-minute tool demos at each meeting',
    problem,
  )) as string;
  expect(workspace.relations({ from: problem as never, type: 'belongs-to' })[0]?.to).toBe(domain);
  expect(workspace.relations({ from: practice as never, type: 'addresses' })[0]?.to).toBe(problem);
  expect(workspace.getEntity(practice as never)?.fields.status).toBe('emerging');
  await host.executeCommand('knowledge.establishPractice', practice);
  expect(workspace.getEntity(practice as never)?.fields.status).toBe('established');
  const member = (await host.executeCommand('community.addMember', 'Ana', 'member')) as string;
  await host.executeCommand('knowledge.recordPractitioner', member, practice, true);
  expect(workspace.relations({ from: member as never })[0]?.type).toBe('is-expert-in');
  const tree = await host.resolveView('knowledge.repertoire');
  expect(tree).toMatchObject({
    type: 'tree',
    items: [
      {
        label: 'E-learning across the school',
        children: [{ children: [{ description: 'established' }] }],
      },
    ],
  });
});

it('refuses a relation the kinds do not allow, changing nothing', async () => {
  const { workspace, host } = await setUp();
  const domain = (await host.executeCommand('knowledge.addDomain', 'Assessment')) as string;
  const problem = (await host.executeCommand(
    'knowledge.addProblem',
    'Feedback is slow',
    domain,
  )) as string;
  // A domain cannot "address" a problem: only practices do.
  await expect(host.executeCommand('knowledge.linkPractice', domain, problem)).rejects.toThrow(
    /addresses/,
  );
  expect(workspace.relations({ type: 'addresses' })).toEqual([]);
});

it('shows gaps in the repertoire', async () => {
  const { host } = await setUp();
  await host.executeCommand('knowledge.addProblem', 'Students disengage online', '');
  const gaps = await host.resolveView('knowledge.gaps');
  expect(gaps.type === 'table' && gaps.rows.map((r) => r.gap)).toEqual([
    'No practice addresses this problem yet',
  ]);
});
