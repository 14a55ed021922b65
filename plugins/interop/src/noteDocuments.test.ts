import { createGraphDoc, Workspace } from '@repertoire/core';
import { readDocumentText } from '@repertoire/editor/headless';
import { writeZip } from '@repertoire/interop';
import * as artifacts from '@repertoire/plugin-artifacts';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost, MemoryLiveDocuments } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { describe, expect, it } from 'vitest';
import * as interop from './index.ts';
import { linksAsChips } from './noteDocuments.ts';

const practice = {
  id: 'g-peer',
  kind: 'practice',
  title: 'Peer observation',
  sourceId: 'Practices/Peer observation',
};

describe('a note’s text as its co-edited document', () => {
  it('writes resolved links as chips and leaves embeds, unresolved links and code alone', () => {
    const text = [
      'We tried [[Peer observation|watching each other]] and [[Practices/Peer observation#How]].',
      'See ![[Peer observation]] and [[Nowhere]].',
      'In code: `[[Peer observation]]`',
    ].join('\n');
    expect(linksAsChips(text, [practice]).split('\n')).toEqual([
      'We tried [[[Peer observation]]](repertoire:practice/g-peer) and [[[Peer observation]]](repertoire:practice/g-peer).',
      'See ![[Peer observation]] and [[Nowhere]].',
      'In code: `[[Peer observation]]`',
    ]);
  });

  it('imports a vault whose notes open as documents with link chips, mentioning what they link', async () => {
    const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
    const live = new MemoryLiveDocuments();
    const { host, ui } = createHeadlessHost(workspace, {
      liveDocuments: live,
      modules: {
        'repertoire.community': async () => community,
        'repertoire.knowledge': async () => knowledge,
        'repertoire.artifacts': async () => artifacts,
        'repertoire.interop': async () => interop,
      },
    });
    await host.add(
      [community, knowledge, artifacts, interop].map((p) => ({
        packageJson: p.packageJson,
        builtin: true,
      })),
    );
    await host.start();
    const vault = writeZip([
      { path: 'Practices/Peer observation.md', text: '---\nkind: practice\n---\nWatch a lesson.' },
      { path: 'Notes/Kick-off.md', text: 'We tried [[Peer observation]]; see [[Missing]].' },
    ]);
    ui.openAnswers.push([{ name: 'v.zip', path: 'v.zip', data: vault }]);
    ui.quickPickAnswers.push('Import');
    await host.executeCommand('interop.importVault', 'artifact');
    expect(ui.notifications.at(-1)?.message).toMatch(/and 2 note texts from v\.zip\.$/);
    const kickOff = workspace.entities().find((e) => e.title === 'Kick-off');
    const peer = workspace.entities().find((e) => e.title === 'Peer observation');
    if (!kickOff || !peer) throw new Error('not imported');
    expect(kickOff.document).toBe(true);
    const text = readDocumentText(live.document(kickOff.id).doc);
    expect(text).toContain('We tried [[Peer observation]]; see [[Missing]].');
    expect(live.mentions(kickOff.id)).toEqual([peer.id]);
    await host.shutdown();
  });
});
