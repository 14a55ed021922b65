import { createGraphDoc, Workspace } from '@repertoire/core';
import { writeZip } from '@repertoire/interop';
import * as artifacts from '@repertoire/plugin-artifacts';
import * as community from '@repertoire/plugin-community';
import { createHeadlessHost } from '@repertoire/plugin-host';
import * as knowledge from '@repertoire/plugin-knowledge';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as interop from './index.ts';

async function setUp(packageJson: unknown = interop.packageJson) {
  const workspace = new Workspace(createGraphDoc(), { user: 'ana', id: 'w1' });
  const { host, ui } = createHeadlessHost(workspace, {
    modules: {
      'repertoire.community': async () => community,
      'repertoire.knowledge': async () => knowledge,
      'repertoire.artifacts': async () => artifacts,
      'repertoire.interop': async () => interop,
    },
  });
  await host.add(
    [community.packageJson, knowledge.packageJson, artifacts.packageJson, packageJson].map((p) => ({
      packageJson: p,
      builtin: true,
    })),
  );
  await host.start();
  return { workspace, host, ui };
}

const note = (path: string, text: string) => ({ path, text });
const bytes = (text: string) => new TextEncoder().encode(text);

/** An e-learning committee's vault: two practices, a problem and a meeting note linking them. */
function vault(practiceTitle = 'Peer observation') {
  return writeZip([
    note(
      'Practices/Peer observation.md',
      `---\ntitle: ${practiceTitle}\nkind: practice\n---\nWorks for [[Quiet students]].`,
    ),
    note('Practices/Think pair share.md', '---\nkind: practice\n---\nSee [[Peer observation]].'),
    note('Problems/Quiet students.md', '---\nkind: problem\n---\nStudents who never speak.'),
    note(
      'Notes/Kick-off.md',
      'We discussed [[Peer observation]], [[Think pair share]] and [[Nowhere]].',
    ),
  ]);
}

/** JSON Canvas 1.0 (jsoncanvas.org/spec/1.0), the parts a reader checks. */
const canvasSchema = z
  .strictObject({
    nodes: z.array(
      z.discriminatedUnion('type', [
        ...(['text', 'file', 'group'] as const).map((type) =>
          z.object({
            id: z.string().min(1),
            type: z.literal(type),
            x: z.int(),
            y: z.int(),
            width: z.int().positive(),
            height: z.int().positive(),
            color: z.string().optional(),
            ...(type === 'text' ? { text: z.string() } : {}),
            ...(type === 'file' ? { file: z.string().min(1) } : {}),
            ...(type === 'group' ? { label: z.string().optional() } : {}),
          }),
        ),
      ] as never),
    ),
    edges: z.array(
      z.object({
        id: z.string().min(1),
        fromNode: z.string(),
        toNode: z.string(),
        toEnd: z.enum(['none', 'arrow']).optional(),
        label: z.string().optional(),
      }),
    ),
  })
  .refine(
    (c) => new Set(c.nodes.map((n: { id: string }) => n.id)).size === c.nodes.length,
    'unique ids',
  )
  .refine((c) => {
    const ids = new Set(c.nodes.map((n: { id: string }) => n.id));
    return c.edges.every((e) => ids.has(e.fromNode) && ids.has(e.toNode));
  }, 'every edge joins two nodes');

describe('import and export through the plugin API', () => {
  it('previews a vault, imports it in one batch, and undoes it in one step', async () => {
    const { workspace, host, ui } = await setUp();
    ui.openAnswers.push([{ name: 'committee.zip', path: 'committee.zip', data: vault() }]);
    ui.quickPickAnswers.push('Import');
    ui.notificationAnswers.push('Undo');
    const made = await host.executeCommand('interop.importVault', 'artifact');
    expect(made).toEqual({ created: 4, updated: 0, linked: 4 });
    expect(ui.notifications.at(-2)?.message).toBe(
      'Imported 4 new and 0 updated entities, 4 new relations from committee.zip.',
    );
    // The Undo action was taken: the notification's promise ran the undo batch.
    await expect.poll(() => workspace.entities().length).toBe(0);
    expect(workspace.relations()).toHaveLength(0);
    expect(ui.notifications.at(-1)?.message).toBe('Undid the import of committee.zip.');
  });

  it('turns notes into kinds from their front matter and links into relations', async () => {
    const { workspace, host, ui } = await setUp();
    ui.openAnswers.push([{ name: 'committee.zip', path: 'committee.zip', data: vault() }]);
    ui.quickPickAnswers.push('Import');
    await host.executeCommand('interop.importVault', 'artifact');
    const titles = workspace
      .entities()
      .map((e) => `${e.kind}:${e.title}`)
      .sort();
    expect(titles).toEqual([
      'artifact:Kick-off',
      'practice:Peer observation',
      'practice:Think pair share',
      'problem:Quiet students',
    ]);
    expect(workspace.relations().map((r) => r.type)).toEqual([
      'mentions',
      'mentions',
      'mentions',
      'mentions',
    ]);
  });

  it('updates what an earlier import of the same source made, instead of duplicating it', async () => {
    const { workspace, host, ui } = await setUp();
    ui.openAnswers.push([{ name: 'committee.zip', path: 'committee.zip', data: vault() }]);
    ui.quickPickAnswers.push('Import');
    await host.executeCommand('interop.importVault', 'artifact');
    ui.openAnswers.push([
      { name: 'committee.zip', path: 'committee.zip', data: vault('Peer observation rounds') },
    ]);
    ui.quickPickAnswers.push('Import');
    const again = await host.executeCommand('interop.importVault', 'artifact');
    expect(again).toEqual({ created: 0, updated: 4, linked: 0 });
    expect(workspace.entities()).toHaveLength(4);
    expect(workspace.entities().map((e) => e.title)).toContain('Peer observation rounds');
  });

  it('changes nothing when the preview is cancelled, or the file cannot be read', async () => {
    const { workspace, host, ui } = await setUp();
    ui.openAnswers.push([{ name: 'committee.zip', path: 'committee.zip', data: vault() }]);
    ui.quickPickAnswers.push('Cancel');
    expect(await host.executeCommand('interop.importVault', 'artifact')).toBeUndefined();
    ui.openAnswers.push([
      { name: 'broken.zip', path: 'broken.zip', data: vault().subarray(0, 40) },
    ]);
    expect(await host.executeCommand('interop.importVault', 'artifact')).toBeUndefined();
    expect(ui.notifications.at(-1)).toMatchObject({ severity: 'error' });
    expect(ui.notifications.at(-1)?.message).toMatch(
      /Nothing was imported: broken\.zip is not a readable zip/,
    );
    expect(workspace.entities()).toHaveLength(0);
  });

  it('refuses the whole import when one entity breaks its kind, and says which', async () => {
    const { workspace, host, ui } = await setUp();
    const xml = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes>
      <node id="a" label="Peer observation"><attvalues><attvalue for="kind" value="practice"/></attvalues></node>
      <node id="b" label="A spaceship"><attvalues><attvalue for="kind" value="spaceship"/></attvalues></node>
    </nodes><edges/></graph></gexf>`;
    ui.openAnswers.push([{ name: 'net.gexf', path: 'net.gexf', data: bytes(xml) }]);
    ui.quickPickAnswers.push('Import');
    expect(await host.executeCommand('interop.importGexf', 'artifact')).toBeUndefined();
    expect(ui.notifications.at(-1)?.message).toMatch(/Nothing was imported: .*spaceship/);
    expect(workspace.entities()).toHaveLength(0);
  });

  it('exports a JSON Canvas that validates, with a group box around the entities grouped in the graph', async () => {
    const { workspace, host, ui } = await setUp();
    const add = (kind: string, title: string) => workspace.createEntity({ kind, title }).id;
    const domain = add('domain', 'Feedback that moves learning');
    const late = add('problem', 'Late work');
    const copying = add('problem', 'Copying');
    const other = add('problem', 'Marking load');
    // As Group… in the graph explorer links them: the relation names which end is the group.
    workspace.link(late, 'belongs-to', domain, { attributes: { group: 'to' } });
    workspace.link(copying, 'belongs-to', domain, { attributes: { group: 'to' } });
    // Belonging without Group… is a plain relation, not a box.
    workspace.link(other, 'belongs-to', add('domain', 'Workload'));
    const name = (await host.executeCommand('interop.exportCanvas')) as string;
    const canvas = canvasSchema.parse(
      JSON.parse(String(ui.saved.find((f) => f.name === name)?.data)),
    );
    type Box = {
      id: string;
      type: string;
      x: number;
      y: number;
      width: number;
      height: number;
      label?: string;
    };
    const nodes = canvas.nodes as Box[];
    const groups = nodes.filter((n) => n.type === 'group');
    expect(groups.map((g) => g.label)).toEqual(['Feedback that moves learning']);
    const box = groups[0] as Box;
    const inside = (n: Box) =>
      n.x >= box.x &&
      n.y >= box.y &&
      n.x + n.width <= box.x + box.width &&
      n.y + n.height <= box.y + box.height;
    const card = (id: string) => nodes.find((n) => n.id === id) as Box;
    expect(inside(card(late))).toBe(true);
    expect(inside(card(copying))).toBe(true);
    // Groups come first, so a canvas app draws the box behind its cards.
    expect(nodes[0]?.type).toBe('group');
    expect(canvas.edges).toHaveLength(3);
  });

  it('exports GEXF that graphology reads, with every entity and relation', async () => {
    const { workspace, host, ui } = await setUp();
    ui.openAnswers.push([{ name: 'committee.zip', path: 'committee.zip', data: vault() }]);
    ui.quickPickAnswers.push('Import');
    await host.executeCommand('interop.importVault', 'artifact');
    const name = (await host.executeCommand('interop.exportGexf')) as string;
    const saved = ui.saved.find((f) => f.name === name);
    expect(saved?.mimeType).toBe('application/gexf+xml');
    const g = gexf.parse(MultiGraph, String(saved?.data), { allowUndeclaredAttributes: true });
    expect(g.order).toBe(workspace.entities().length);
    expect(g.size).toBe(workspace.relations().length);
  });

  it('may not open or save files without the files permission', async () => {
    const manifest = structuredClone(interop.packageJson) as {
      repertoire: { permissions: string[] };
    };
    manifest.repertoire.permissions = ['graph.read', 'graph.write'];
    const { host } = await setUp(manifest);
    await expect(host.executeCommand('interop.exportJson')).rejects.toThrow(/files/);
  });
});
