import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost } from '@repertoire/plugin-host';
import { createNodeSandbox } from '@repertoire/plugin-host/node';
import * as knowledge from '@repertoire/plugin-knowledge';
import { afterEach, expect, it } from 'vitest';
import { packageJson } from './index.ts';

const ID = 'sample.inquiry-cycle';
const hosts: { shutdown(): Promise<void> }[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown();
});

/**
 * A workspace with the built-in community and knowledge plugins in the page and this plugin as a
 * third party would ship it: enabled by the workspace, running in a Worker, importing its main
 * module from its package directory.
 */
async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = createHeadlessHost(workspace, {
    createSandbox: createNodeSandbox,
    modules: {
      'repertoire.community': async () => community,
      'repertoire.knowledge': async () => knowledge,
    },
  });
  hosts.push(host);
  await host.add([
    { packageJson: community.packageJson, builtin: true },
    { packageJson: knowledge.packageJson, builtin: true },
    { packageJson, baseUrl: new URL('../', import.meta.url).href },
  ]);
  await host.setEnabled(ID, true);
  await host.start();
  const problem = (await host.executeCommand(
    'knowledge.addProblem',
    'Students stay silent in maths discussions',
  )) as string;
  return { workspace, host, ui, problem };
}

it('is a sandboxed third-party plugin whose kinds and commands exist before it runs', async () => {
  const { workspace, host } = await setUp();
  expect(host.plugins().find((p) => p.id === ID)).toMatchObject({
    builtin: false,
    sandboxed: true,
    state: 'inactive',
  });
  // Its kinds carry its plugin id: the short names are the built-ins'.
  expect(workspace.kinds.entityKind('sample.inquiry-cycle/inquiry')?.definition.label).toBe(
    'Inquiry cycle',
  );
  expect(workspace.kinds.entityKind('inquiry')).toBeUndefined();
  expect(workspace.kinds.relationKind('sample.inquiry-cycle/investigates')).toMatchObject({
    from: ['sample.inquiry-cycle/inquiry'],
    to: ['problem'],
  });
  expect(
    host.contributions
      .menu('entity/context')
      .filter((m) => m.when === 'entityKind == sample.inquiry-cycle/inquiry')
      .map((m) => m.command),
  ).toEqual(['inquiry.recordNotes', 'inquiry.advance', 'inquiry.nextCycle']);
});

it('would be refused with the short kind names a built-in uses, naming the name it needs', async () => {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host } = createHeadlessHost(workspace, { createSandbox: createNodeSandbox });
  hosts.push(host);
  const shortNamed = structuredClone(packageJson) as typeof packageJson;
  (shortNamed.repertoire.contributes.entityKinds[0] as { kind: string }).kind = 'inquiry';
  const [refused] = await host.add([{ packageJson: shortNamed }]);
  expect(refused?.reason).toMatch(
    /entityKinds\[0\]\.kind: plugin sample\.inquiry-cycle contributes the entity kind "inquiry" without its namespace.*name it "sample\.inquiry-cycle\/inquiry"/,
  );
  expect(workspace.kinds.entityKinds()).toEqual([]);
});

it('walks a cycle plan → act → observe → reflect → complete on a problem of practice', async () => {
  const { workspace, host, problem } = await setUp();
  const practice = (await host.executeCommand(
    'knowledge.addPractice',
    'Talk moves',
    problem,
  )) as string;
  const lucia = (await host.executeCommand('community.addMember', 'Lucía', 'member')) as string;

  const inquiry = (await host.executeCommand(
    'inquiry.start',
    problem,
    'Do talk moves get more students explaining their reasoning?',
  )) as string;
  expect(host.state(ID)).toBe('active');
  expect(workspace.getEntity(inquiry as never)).toMatchObject({
    kind: 'sample.inquiry-cycle/inquiry',
    title: 'Do talk moves get more students explaining their reasoning? (cycle 1)',
    fields: { phase: 'plan', cycle: 1 },
  });
  expect(workspace.getEntity(problem as never)?.fields.status).toBe('in inquiry');
  await host.executeCommand('inquiry.tryPractice', inquiry, practice);
  await host.executeCommand('inquiry.addParticipant', inquiry, lucia);

  const notes = {
    plan: 'Use revoicing and wait time in two Year 7 classes; count who explains.',
    act: 'Three lessons each, talk moves cards on the wall.',
    observe: '9 of 27 students explained reasoning, up from 4.',
    reflect: 'Wait time mattered most; next, try partner talk first.',
  };
  const phases: unknown[] = [];
  for (const text of Object.values(notes)) {
    await host.executeCommand('inquiry.recordNotes', inquiry, text);
    phases.push(await host.executeCommand('inquiry.advance', inquiry));
  }
  expect(phases).toEqual(['act', 'observe', 'reflect', 'complete']);
  expect(workspace.getEntity(inquiry as never)?.fields).toMatchObject({
    plan: notes.plan,
    action: notes.act,
    observation: notes.observe,
    reflection: notes.reflect,
    phase: 'complete',
  });
  expect(
    workspace.relations({ entity: inquiry as never }).map((r) => `${r.from}|${r.type}|${r.to}`),
  ).toEqual(
    expect.arrayContaining([
      `${inquiry}|sample.inquiry-cycle/investigates|${problem}`,
      `${inquiry}|sample.inquiry-cycle/tries|${practice}`,
      `${lucia}|sample.inquiry-cycle/participates-in|${inquiry}`,
    ]),
  );
});

it('starts the next cycle after a complete one, following it with the same problem and team', async () => {
  const { workspace, host, ui, problem } = await setUp();
  const lucia = (await host.executeCommand('community.addMember', 'Lucía', 'member')) as string;
  const first = (await host.executeCommand('inquiry.start', problem, 'Who is lost?')) as string;
  await host.executeCommand('inquiry.addParticipant', first, lucia);
  expect(await host.executeCommand('inquiry.nextCycle', first)).toBeUndefined();
  expect(ui.notifications.at(-1)?.message).toMatch(/Finish .* before the next cycle/);

  for (const phase of ['plan', 'act', 'observe', 'reflect']) {
    await host.executeCommand('inquiry.recordNotes', first, `${phase} notes`);
    await host.executeCommand('inquiry.advance', first);
  }
  // From the palette: the quick pick offers the finished cycle.
  ui.quickPickAnswers.push('Who is lost? (cycle 1)');
  const second = (await host.executeCommand('inquiry.nextCycle')) as string;
  expect(workspace.getEntity(second as never)).toMatchObject({
    title: 'Who is lost? (cycle 2)',
    fields: { phase: 'plan', cycle: 2, question: 'Who is lost?' },
  });
  expect(workspace.relations({ from: second as never }).map((r) => `${r.type}|${r.to}`)).toEqual(
    expect.arrayContaining([
      `sample.inquiry-cycle/follows|${first}`,
      `sample.inquiry-cycle/investigates|${problem}`,
    ]),
  );
  expect(workspace.relations({ to: second as never }).map((r) => r.from)).toEqual([lucia]);
});

it('will not move on without the phase notes, unless the workspace turns that off', async () => {
  const { workspace, host, ui, problem } = await setUp();
  const inquiry = (await host.executeCommand('inquiry.start', problem, 'Who is lost?')) as string;
  expect(await host.executeCommand('inquiry.advance', inquiry)).toBe('plan');
  expect(ui.notifications.at(-1)).toMatchObject({
    severity: 'warning',
    message: 'Record the plan notes of "Who is lost? (cycle 1)" before moving on.',
  });
  expect(workspace.getEntity(inquiry as never)?.fields.phase).toBe('plan');

  host.settings.setPluginSetting(ID, 'inquiry.requireNotes', false);
  expect(await host.executeCommand('inquiry.advance', inquiry)).toBe('act');
});

it('asks from the palette, and shows cycles by problem in its view and the status bar', async () => {
  const { host, ui, problem } = await setUp();
  ui.quickPickAnswers.push('Students stay silent in maths discussions');
  ui.inputAnswers.push('Does wait time help?');
  const inquiry = (await host.executeCommand('inquiry.start')) as string;
  expect(inquiry).toBeTypeOf('string');

  const view = await host.resolveView('inquiry.cycles');
  expect(view).toEqual({
    type: 'tree',
    items: [
      {
        id: `problem:${problem}`,
        label: 'Students stay silent in maths discussions',
        icon: 'help-circle',
        entityId: problem,
        children: [
          {
            id: inquiry,
            label: 'Does wait time help? (cycle 1)',
            description: 'planning',
            icon: 'refresh-cw',
            entityId: inquiry,
          },
        ],
      },
    ],
  });
  await expect
    .poll(() => host.statusBar.items().map((i) => i.text))
    .toContain('Inquiry: 1 in progress');
});

it('cannot write a problem that is not one, and a failed command changes nothing', async () => {
  const { workspace, host } = await setUp();
  const lucia = (await host.executeCommand('community.addMember', 'Lucía', 'member')) as string;
  const before = workspace.entities().length;
  await expect(host.executeCommand('inquiry.start', lucia, 'Who is lost?')).rejects.toThrow(
    /is not a problem of practice/,
  );
  expect(workspace.entities()).toHaveLength(before);
  expect(host.state(ID)).toBe('active'); // a command that throws does not stop the plugin
});
