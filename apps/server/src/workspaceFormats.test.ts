import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGraphDoc, readGraphState } from '@repertoire/core';
import { readDocumentText } from '@repertoire/editor/headless';
import { loadSampleCommunity } from '@repertoire/plugin-sample-community';
import { DocumentStore, openDatabase, WorkspaceStore } from '@repertoire/server';
import { type TempDir, tempDir } from '@repertoire/testing';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const run = promisify(execFile);

/** Runs the real CLI in its own process, as an administrator would. */
const cli = (...args: string[]) => run(process.execPath, [MAIN, ...args], { timeout: 60_000 });

async function cliFails(...args: string[]): Promise<string> {
  try {
    await cli(...args);
  } catch (error) {
    return (error as { stderr: string }).stderr;
  }
  throw new Error(`expected 'repertoire ${args.join(' ')}' to fail`);
}

const dirs: TempDir[] = [];
async function dir(): Promise<string> {
  const made = await tempDir('repertoire-formats-');
  dirs.push(made);
  return made.path;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => d.dispose()));
});

/** A store holding one workspace with the sample community in its graph. */
async function sampleStore(
  data: string,
): Promise<{ id: string; entities: number; relations: number }> {
  const db = await openDatabase(data);
  try {
    const workspace = await new WorkspaceStore(db).create('Sample community', null);
    const doc = createGraphDoc();
    loadSampleCommunity(doc, { user: 'facilitator', id: workspace.id });
    await new DocumentStore(db).put(`${workspace.id}/graph`, Y.encodeStateAsUpdate(doc));
    const state = readGraphState(doc);
    return { id: workspace.id, entities: state.entities.size, relations: state.relations.size };
  } finally {
    await db.close();
  }
}

/** Every workspace in a store, with what its graph holds. */
async function graphs(
  data: string,
): Promise<{ id: string; name: string; entities: number; relations: number }[]> {
  const db = await openDatabase(data);
  try {
    const out = [];
    for (const w of await new WorkspaceStore(db).all()) {
      const doc = createGraphDoc();
      await new DocumentStore(db).loadInto(`${w.id}/graph`, doc);
      const state = readGraphState(doc);
      out.push({
        id: w.id,
        name: w.name,
        entities: state.entities.size,
        relations: state.relations.size,
      });
    }
    return out;
  } finally {
    await db.close();
  }
}

describe('workspace export|import --format', { timeout: 180_000 }, () => {
  it('exports GEXF that graphology reads, with every entity and relation of the sample', async () => {
    const data = await dir();
    const sample = await sampleStore(data);
    const out = join(data, 'community.gexf');
    const { stderr } = await cli(
      'workspace',
      'export',
      sample.id,
      '--format',
      'gexf',
      '-o',
      out,
      '-d',
      data,
    );
    expect(stderr).toContain(
      `Exported ${sample.entities} entities and ${sample.relations} relations`,
    );
    const g = gexf.parse(MultiGraph, readFileSync(out, 'utf8'), {
      allowUndeclaredAttributes: true,
    });
    expect(g.order).toBe(sample.entities);
    expect(g.size).toBe(sample.relations);
    expect(readFileSync(out, 'utf8')).toMatch(/mode="dynamic"/);
  });

  for (const [format, out] of [
    ['gexf', 'c.gexf'],
    ['graphml', 'c.graphml'],
    ['csv', 'csv-folder'],
    ['csv', 'c.zip'],
    ['markdown', 'vault'],
    ['markdown', 'vault.zip'],
  ] as const) {
    it(`exports ${format} to ${out} and imports it back as the same graph`, async () => {
      const data = await dir();
      const sample = await sampleStore(data);
      const path = join(data, out);
      await cli('workspace', 'export', sample.id, '--format', format, '-o', path, '-d', data);
      const { stdout } = await cli(
        'workspace',
        'import',
        path,
        '--format',
        format,
        '--name',
        'Moved in',
        '-d',
        data,
      );
      expect(stdout).toMatch(/Imported workspace 'Moved in'/);
      const moved = (await graphs(data)).find((g) => g.name === 'Moved in');
      expect(moved).toMatchObject({ entities: sample.entities, relations: sample.relations });
    });
  }

  it('writes a JSON Canvas with a card per entity and an arrow per relation', async () => {
    const data = await dir();
    const sample = await sampleStore(data);
    const { stdout } = await cli(
      'workspace',
      'export',
      sample.id,
      '--format',
      'canvas',
      '-d',
      data,
    );
    const canvas = JSON.parse(stdout) as { nodes: { x: number; y: number }[]; edges: unknown[] };
    expect(canvas.nodes).toHaveLength(sample.entities);
    expect(canvas.edges).toHaveLength(sample.relations);
    expect(new Set(canvas.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(sample.entities);
  });

  it('imports a members spreadsheet, guessing the mapping from its header', async () => {
    const data = await dir();
    const sheet = join(data, 'members.csv');
    writeFileSync(sheet, 'Name,Expertise\nAna Lopez,LMS\nBen Ng,Digital citizenship\n');
    const { stdout, stderr } = await cli(
      'workspace',
      'import',
      sheet,
      '--format',
      'csv',
      '--kind',
      'member',
      '-d',
      data,
    );
    expect(stderr).toContain('Read 2 entities, 0 relations');
    expect(stdout).toMatch(/Imported workspace 'members'.*2 entities/);
  });

  it("imports a vault's note text as the co-edited document of its entity", async () => {
    const data = await dir();
    const vault = join(data, 'vault');
    mkdirSync(join(vault, 'Practices'), { recursive: true });
    writeFileSync(
      join(vault, 'Practices', 'Exit tickets.md'),
      '---\nkind: practice\n---\n# Why\n\nAgreed: every unit ends with a reflection.\n',
    );
    await cli('workspace', 'import', vault, '--format', 'markdown', '--name', 'Notes', '-d', data);
    const db = await openDatabase(data);
    try {
      const [workspace] = await new WorkspaceStore(db).all();
      const graph = createGraphDoc();
      const docs = new DocumentStore(db);
      await docs.loadInto(`${workspace?.id}/graph`, graph);
      const [entity] = readGraphState(graph).entities.values();
      expect(entity).toMatchObject({ kind: 'practice', title: 'Exit tickets', document: true });
      const text = new Y.Doc();
      await docs.loadInto(`${workspace?.id}/doc/${entity?.id}`, text);
      expect(readDocumentText(text)).toContain('Agreed: every unit ends with a reflection.');
    } finally {
      await db.close();
    }
  });

  it('refuses bad input with a clear message and creates nothing', async () => {
    const data = await dir();
    const svg = join(data, 'picture.gexf');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await cliFails('workspace', 'import', svg, '--format', 'gexf', '-d', data)).toMatch(
      /is not GEXF: its root element is <svg>/,
    );
    const ragged = join(data, 'ragged.csv');
    writeFileSync(ragged, 'Name,School\nAna,Hillside\nBen,Hillside,extra\n');
    expect(
      await cliFails(
        'workspace',
        'import',
        ragged,
        '--format',
        'csv',
        '--kind',
        'member',
        '-d',
        data,
      ),
    ).toMatch(/Nothing was imported[\s\S]*row 2, line 3: has 3 cells where the header has 2/);
    const unknownKind = join(data, 'kinds.csv');
    writeFileSync(unknownKind, 'Name\nAna\n');
    expect(
      await cliFails(
        'workspace',
        'import',
        unknownKind,
        '--format',
        'csv',
        '--kind',
        'spaceship',
        '-d',
        data,
      ),
    ).toMatch(/Nothing was imported[\s\S]*spaceship/);
    expect(
      await cliFails(
        'workspace',
        'export',
        'w-nope',
        '--format',
        'csv',
        '-o',
        join(data, 'x'),
        '-d',
        data,
      ),
    ).toMatch(/no workspace 'w-nope'/);
    expect(await graphs(data)).toEqual([]);
    expect(readdirSync(data)).not.toContain('x');
  });
});
