import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { startBuiltIns } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { expect, it } from 'vitest';
import * as artifacts from './index.ts';

async function setUp() {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = await startBuiltIns(workspace, [community, knowledge, artifacts]);
  return { workspace, host, ui };
}

it('contributes the artifact kind and documents / contributes-to relations', async () => {
  const { workspace } = await setUp();
  expect(workspace.kinds.entityKind('artifact')).toBeDefined();
  expect(workspace.kinds.relationKind('documents')).toMatchObject({
    from: ['artifact'],
    to: ['practice'],
  });
  expect(workspace.kinds.relationKind('contributes-to')).toMatchObject({
    from: ['member'],
    to: ['artifact'],
  });
});

it('creates an artifact that owns a co-edited document, linked to the practice it documents', async () => {
  const { workspace, host, ui } = await setUp();
  const practice = (await host.executeCommand(
    'knowledge.addPractice',
    'Digital citizenship lessons',
    '',
  )) as string;
  const doc = (await host.executeCommand(
    'artifacts.newDocument',
    'Digital citizenship programme',
    practice,
  )) as string;
  const entity = workspace.getEntity(doc as never);
  expect(entity).toMatchObject({ kind: 'artifact', document: true, fields: { type: 'document' } });
  expect(workspace.relations({ from: doc as never, type: 'documents' })[0]?.to).toBe(practice);
  expect(ui.opened).toEqual([doc]);
});

it('adds a guideline from the palette and records its contributors', async () => {
  const { workspace, host, ui } = await setUp();
  const ana = (await host.executeCommand('community.addMember', 'Ana', 'member')) as string;
  ui.inputAnswers.push('Google Team Drive guideline');
  ui.quickPickAnswers.push('guideline');
  const guideline = (await host.executeCommand('artifacts.addArtifact')) as string;
  ui.quickPickAnswers.push('Ana', 'Google Team Drive guideline');
  expect(await host.executeCommand('artifacts.addContributor')).toBe(true);
  expect(workspace.relations({ to: guideline as never })[0]).toMatchObject({
    from: ana,
    type: 'contributes-to',
  });
  const view = await host.resolveView('artifacts.recent');
  expect(view.type === 'tree' && view.items[0]?.description).toBe('guideline');
});
