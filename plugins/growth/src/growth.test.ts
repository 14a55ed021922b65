// The plugin over a real headless host and the core's workspace: the records it writes are checked
// by the kinds' schemas like every other write, and bad input changes nothing.
import { createGraphDoc, Workspace } from '@repertoire/core';
import * as artifacts from '@repertoire/plugin-artifacts';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost, workspaceGraphBackend } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import * as meetings from '@repertoire/plugin-meetings';
import { describe, expect, it } from 'vitest';
import * as growth from './index.ts';

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const plugins = { community, knowledge, meetings, artifacts, growth };
  const { host, ui } = createHeadlessHost(workspace, {
    modules: Object.fromEntries(
      Object.values(plugins).map((p) => [p.packageJson.repertoire.id, async () => p]),
    ),
  });
  await host.add(
    Object.values(plugins).map((p) => ({ packageJson: p.packageJson, builtin: true })),
  );
  await host.start();
  const ids = {
    ana: (await host.executeCommand('community.addMember', 'Ana', 'facilitator')) as string,
    ben: (await host.executeCommand('community.addMember', 'Ben', 'member')) as string,
    meeting: (await host.executeCommand(
      'meetings.schedule',
      'Session 1',
      '2025-02-03',
      'Stories',
    )) as string,
  };
  return { workspace, host, ui, ids };
}

const count = (workspace: Workspace, kind: string) => workspace.entities(kind).length;

describe('the growth plugin', () => {
  it('records a confirmed phase with the suggestion and the signals of the day', async () => {
    const { workspace, host, ui } = await setUp();
    const id = (await host.executeCommand('growth.recordPhase', {
      phase: 'coalescing',
      since: '2025-02-03',
      note: 'We have just started.',
    })) as string;
    const record = workspace.getEntity(id as never);
    expect(record).toMatchObject({
      kind: 'life-phase',
      title: 'Coalescing since 2025-02-03',
      fields: { phase: 'coalescing', since: '2025-02-03', note: 'We have just started.' },
    });
    // Two members: the data says potential, and the record keeps that beside the choice.
    expect(record?.fields.suggested).toBe('potential');
    expect(record?.fields.signals).toEqual([expect.stringMatching(/^Only 2 members/)]);
    expect(ui.notifications.at(-1)?.message).toBe(
      'Recorded: the community is in its coalescing phase (its data suggested potential).',
    );
  });

  it('records a layer linked to its evidence and the members it notes', async () => {
    const { workspace, host, ids } = await setUp();
    const id = (await host.executeCommand('growth.recordLayer', {
      layer: 'talking about student learning',
      term: 'Term 1 2025',
      date: '2025-03-28',
      evidence: [ids.meeting],
      progress: [ids.ben],
    })) as string;
    expect(workspace.getEntity(id as never)).toMatchObject({
      kind: 'layer-reflection',
      title: 'Term 1 2025: Talking about student learning',
    });
    const links = workspace.relations({ from: id as never }).map((r) => `${r.type}→${r.to}`);
    expect(links.sort()).toEqual(
      [`evidenced-by→${ids.meeting}`, `notes-progress-of→${ids.ben}`].sort(),
    );
    const graph = workspaceGraphBackend(workspace);
    const history = growth.layerHistory({
      entities: graph.entities(),
      relations: graph.relations(),
    });
    expect(history).toEqual([
      expect.objectContaining({ id, evidence: [ids.meeting], progress: [ids.ben], withdrawal: [] }),
    ]);
  });

  it('refuses a phase that is not one, a layer without a term and evidence that is a member, changing nothing', async () => {
    const { workspace, host, ids } = await setUp();
    const before = workspace.entities().length;
    await expect(host.executeCommand('growth.recordPhase', { phase: 'growing' })).rejects.toThrow(
      /^Recording the life phase: phase must be one of potential, coalescing, maturing, stewardship, transformation\.$/,
    );
    await expect(
      host.executeCommand('growth.recordLayer', { layer: 'breaking isolation', term: ' ' }),
    ).rejects.toThrow('Recording the layer: term must name the term, e.g. Term 2 2025.');
    // Evidence is a meeting or an artifact: the relation kind refuses a member, and the whole
    // transaction (the reflection too) is not applied.
    await expect(
      host.executeCommand('growth.recordLayer', {
        layer: 'breaking isolation',
        term: 'Term 1 2025',
        evidence: [ids.ana],
      }),
    ).rejects.toThrow(/evidenced-by/);
    expect(workspace.entities().length).toBe(before);
    expect(count(workspace, 'layer-reflection')).toBe(0);
  });

  it('keeps the graph honest: the kinds refuse an unknown phase or layer written directly', () => {
    const workspace = new Workspace(createGraphDoc(), { user: 'ana' });
    for (const kind of growth.packageJson.repertoire.contributes.entityKinds)
      workspace.registerEntityKind(kind as never);
    expect(() =>
      workspace.createEntity({
        kind: 'life-phase',
        title: 'x',
        fields: { phase: 'growing', since: '2025-01-01' },
      }),
    ).toThrow(/phase/);
    expect(() =>
      workspace.createEntity({ kind: 'life-phase', title: 'x', fields: { phase: 'maturing' } }),
    ).toThrow(/since/);
    expect(() =>
      workspace.createEntity({
        kind: 'layer-reflection',
        title: 'x',
        fields: { layer: 'growth', term: 'T1', date: '2025-01-01' },
      }),
    ).toThrow(/layer/);
    expect(workspace.entities()).toEqual([]);
  });

  it('starts a guideline written together, with the members as co-authors, and opens it', async () => {
    const { workspace, host, ui, ids } = await setUp();
    const id = (await host.executeCommand(
      'growth.startCoAuthored',
      [ids.ana, ids.ben],
      'Feedback guideline',
    )) as string;
    expect(workspace.getEntity(id as never)).toMatchObject({
      kind: 'artifact',
      title: 'Feedback guideline',
      document: true,
    });
    expect(
      workspace
        .relations({ to: id as never, type: 'contributes-to' })
        .map((r) => r.from)
        .sort(),
    ).toEqual([ids.ana, ids.ben].sort());
    expect(ui.opened).toContain(id);
    await expect(host.executeCommand('growth.startCoAuthored', [ids.meeting], 'x')).rejects.toThrow(
      'every co-author must be a member',
    );
  });

  it('asks for the phase in the palette, suggestion first', async () => {
    const { workspace, host, ui } = await setUp();
    ui.quickPickAnswers.push('Potential');
    ui.inputAnswers.push('');
    const id = (await host.executeCommand('growth.recordPhase')) as string;
    expect(workspace.getEntity(id as never)?.fields).toMatchObject({
      phase: 'potential',
      suggested: 'potential',
    });
    expect(ui.notifications.at(-1)?.message).toBe(
      'Recorded: the community is in its potential phase, as its data suggests.',
    );
  });
});
