import { createGraphDoc, Workspace } from '@repertoire/core';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { expect, it } from 'vitest';
import * as explorer from './index.ts';

it('answers quick open with the entities whose titles match, and opens the one picked', async () => {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = createHeadlessHost(workspace, {
    modules: {
      'repertoire.community': async () => community,
      'repertoire.knowledge': async () => knowledge,
      'repertoire.explorer': async () => explorer,
    },
  });
  await host.add(
    [community, knowledge, explorer].map((p) => ({ packageJson: p.packageJson, builtin: true })),
  );
  await host.start();
  const walks = workspace.createEntity({ kind: 'practice', title: 'Learning walks' });
  workspace.createEntity({ kind: 'practice', title: 'Exit tickets' });
  workspace.createEntity({ kind: 'problem', title: 'Late work' });
  const provider = host.quickOpen.all().find((p) => p.id === 'explorer.entities');
  expect(provider).toMatchObject({ pluginId: 'repertoire.explorer' });
  expect(provider?.provider.title).toBe('Community');
  // Prefix type-ahead, and a small typo forgiven.
  for (const query of ['learn', 'lerning walks'])
    expect(await provider?.provider.search(query, 50)).toEqual([
      { id: walks.id, label: 'Learning walks', description: 'Practice', icon: expect.any(String) },
    ]);
  // Before the member types: the first entities in list order, at most `limit`.
  expect((await provider?.provider.search('', 2))?.map((r) => r.label)).toEqual([
    'Exit tickets',
    'Late work',
  ]);
  expect(await provider?.provider.search('nothing like it', 50)).toEqual([]);
  await provider?.provider.open(walks.id);
  expect(ui.opened).toEqual([walks.id]);
  await host.shutdown();
});
