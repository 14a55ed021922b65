import { createGraphDoc, Workspace } from '@repertoire/core';
import type { QuickPickItem, WindowApi } from '@repertoire/plugin-api';
import { headlessPluginContext } from '@repertoire/plugin-host';
import { describe, expect, it } from 'vitest';
import { groupSelected } from './groupSelected.ts';

const kind = (k: string, label: string, pluralLabel: string, required = false) => ({
  kind: k,
  label,
  pluralLabel,
  icon: 'circle',
  colour: '#888888',
  fields: required ? [{ name: 'date', label: 'Date', type: 'date' as const, required: true }] : [],
});

/** A workspace with the knowledge plugins' kinds (a meeting needs a date), over a headless host. */
async function community() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  for (const k of [
    kind('member', 'Member', 'Members'),
    kind('domain', 'Domain', 'Domains'),
    kind('problem', 'Problem of practice', 'Problems of practice'),
    kind('practice', 'Practice', 'Practices'),
    kind('inquiry', 'Inquiry', 'Inquiries'),
    kind('meeting', 'Meeting', 'Meetings', true),
  ])
    workspace.registerEntityKind(k);
  for (const [type, label, from, to] of [
    ['belongs-to', 'belongs to', ['problem'], ['domain']],
    ['addresses', 'addresses', ['practice'], ['problem']],
    ['practises', 'practises', ['member'], ['practice']],
    ['participates-in', 'participates in', ['member'], ['inquiry']],
    ['tries', 'tries', ['inquiry'], ['practice']],
    ['discussed', 'discussed', ['meeting'], ['problem', 'practice']],
  ] as const)
    workspace.registerRelationKind({ type, label, from: [...from], to: [...to] });
  const { host, ui, context } = await headlessPluginContext(workspace, [
    'graph.read',
    'graph.write',
  ]);
  // The same window, remembering what each quick pick offered.
  const offered: string[][] = [];
  const window: WindowApi = {
    ...context.window,
    showQuickPick: <T extends QuickPickItem>(items: T[], options?: object) => {
      offered.push(items.map((i) => i.label));
      return context.window.showQuickPick(items, options);
    },
  };
  const add = (k: string, title: string) => workspace.createEntity({ kind: k, title }).id;
  return { workspace, graph: context.graph, window, host, ui, offered, add };
}

describe('groupSelected (Group… in the graph explorer)', () => {
  it('creates the group the member picks and links every selected entity to it, in one transaction', async () => {
    const { workspace, graph, window, host, ui, offered, add } = await community();
    const problems = ['Late work', 'Silent students', 'Copying', 'Marking load'].map((t) =>
      add('problem', t),
    );
    workspace.stopCapturing();
    let transactions = 0;
    workspace.onDidChange(() => {
      transactions += 1;
    });
    ui.quickPickAnswers.push('A new Domain the 4 selected belong to');
    ui.inputAnswers.push('  Feedback that moves learning ');
    const id = await groupSelected(graph, window, problems);

    // Meetings need a date, so they are not offered; practices address problems.
    expect(offered[0]).toEqual([
      'A new Domain the 4 selected belong to',
      'A new Practice that addresses the 4 selected',
    ]);
    expect(workspace.getEntity(id as never)).toMatchObject({
      kind: 'domain',
      title: 'Feedback that moves learning',
    });
    const members = workspace.relations({ to: id as never });
    expect(members.map((r) => r.type)).toEqual(Array(4).fill('belongs-to'));
    expect(members.map((r) => r.from).sort()).toEqual([...problems].sort());
    // Marked as a grouping, so the JSON Canvas export boxes them (the group is the `to` end).
    expect(members.map((r) => r.attributes)).toEqual(Array(4).fill({ group: 'to' }));
    expect(transactions).toBe(1);
    // One undo step takes the group and its links back, and leaves the problems.
    workspace.undo();
    expect(workspace.getEntity(id as never)).toBeUndefined();
    expect(workspace.relations()).toEqual([]);
    expect(workspace.entities('problem')).toHaveLength(4);
    await host.shutdown();
  });

  it('links the other way when the group is the relation’s start, and says mixed kinds in words', async () => {
    const { workspace, graph, window, host, ui, offered, add } = await community();
    const ana = add('member', 'Ana');
    const ben = add('member', 'Ben');
    const walks = add('practice', 'Learning walks');
    ui.quickPickAnswers.push(
      'A new Inquiry: the 2 members participate in it, it tries the practice',
    );
    ui.inputAnswers.push('Do learning walks change feedback?');
    const id = (await groupSelected(graph, window, [ana, ben, walks])) as never;
    expect(offered[0]).toEqual([
      'A new Inquiry: the 2 members participate in it, it tries the practice',
    ]);
    expect(
      workspace
        .relations({ entity: id })
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      [
        `${ana}|participates-in|${id}`,
        `${ben}|participates-in|${id}`,
        `${id}|tries|${walks}`,
      ].sort(),
    );
    await host.shutdown();
  });

  it('tells the member when nothing fits, fewer than two are selected, or they cancel; nothing is created', async () => {
    const { workspace, graph, window, host, ui, add } = await community();
    const ana = add('member', 'Ana');
    const domain = add('domain', 'Assessment');
    const late = add('problem', 'Late work');
    const copying = add('problem', 'Copying');
    const count = () => workspace.entities().length;

    expect(await groupSelected(graph, window, [late])).toBeUndefined();
    expect(ui.notifications.at(-1)?.message).toBe('Select two or more entities to group them.');

    expect(await groupSelected(graph, window, [ana, domain])).toBeUndefined();
    expect(ui.notifications.at(-1)).toMatchObject({
      severity: 'warning',
      message:
        'No kind of entity can be related to every selected one (member, domain), so they cannot be grouped.',
    });

    ui.quickPickAnswers.push(undefined);
    expect(await groupSelected(graph, window, [late, copying])).toBeUndefined();
    expect(ui.notifications.at(-1)?.message).toBe('Grouping cancelled: nothing was created.');

    ui.quickPickAnswers.push('A new Domain the 2 selected belong to');
    ui.inputAnswers.push('   ');
    expect(await groupSelected(graph, window, [late, copying])).toBeUndefined();
    expect(ui.notifications.at(-1)?.message).toBe('Grouping cancelled: nothing was created.');

    workspace.deleteEntity(copying as never);
    expect(await groupSelected(graph, window, [late, copying])).toBeUndefined();
    expect(ui.notifications.at(-1)?.message).toMatch(/deleted meanwhile/);
    expect(count()).toBe(3);
    expect(workspace.relations()).toEqual([]);
    await host.shutdown();
  });
});
