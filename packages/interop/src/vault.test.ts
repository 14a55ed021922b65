import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportFormatError, importCounts } from './importResult.ts';
import type { PortableGraph } from './portableGraph.ts';
import { importVault, type VaultFile } from './vault.ts';
import { exportVault } from './vaultExport.ts';
import { readZip, writeZip } from './zip.ts';

/**
 * A small vault with everything that makes links hard: aliases, headings, block references,
 * embeds of notes and pictures, two notes with the same name in different folders, links inside
 * code, links to nothing, a self-link and an embed cycle. The expected figures below were counted
 * by hand from these files.
 */
const VAULT: VaultFile[] = [
  {
    path: 'Home.md',
    text: [
      '---',
      'aliases: [Start]',
      'kind: artifact',
      '---',
      '# Home',
      'See [[Peer observation]] and [[Practices/Peer observation#Why|why it works]].',
      'Also [[Meeting notes^abc123]] and ![[diagram.png]] and ![[Meeting notes]].',
      '[[Nowhere]] is missing; `[[Not a link]]` is code.',
      '',
      '```',
      '[[Also not]]',
      '```',
      '',
      '[[#Local heading]] and [[Start]].',
    ].join('\n'),
  },
  {
    path: 'Practices/Peer observation.md',
    text: [
      '---',
      'title: Peer observation',
      'kind: practice',
      'status: established',
      'relations:',
      '  addresses: ["[[Problems/Quiet students]]"]',
      '---',
      'Links back to [[Home|the home page]].',
    ].join('\n'),
  },
  {
    path: 'Archive/2024/Peer observation.md',
    text: 'Old notes, superseded by [[Practices/Peer observation]].\n',
  },
  {
    path: 'Meetings/Meeting notes.md',
    text: [
      '---',
      'kind: meeting',
      'date: 2025-02-03',
      'attendees: [Ana, Ben]',
      '---',
      '## Agenda',
      '- [[Quiet students]]',
      '- [[Missing note|Alias]]',
      '',
      '![[Home]]',
    ].join('\n'),
  },
  {
    path: 'Problems/Quiet students.md',
    text: '---\nkind: problem\ntags: [equity, participation]\n---\nStudents who never speak in class.\n',
  },
  { path: '.obsidian/workspace.json', text: '{}' },
  { path: 'diagram.png', text: '' },
];

const keys = (g: PortableGraph) => g.relations.map((r) => `${r.from}|${r.type}|${r.to}`).sort();

describe('a Markdown/Obsidian vault', () => {
  it('gives the counts worked out by hand', () => {
    const result = importVault(VAULT, { kind: 'note' });
    expect(importCounts(result)).toEqual({
      entities: 5,
      relations: 6,
      documents: 5,
      unresolvedLinks: 2,
      embeds: 3,
      errors: 1,
    });
    expect(keys(result.graph)).toEqual(
      [
        'Home|mentions|Practices/Peer observation',
        'Home|mentions|Meetings/Meeting notes',
        'Practices/Peer observation|addresses|Problems/Quiet students',
        'Practices/Peer observation|mentions|Home',
        'Archive/2024/Peer observation|mentions|Practices/Peer observation',
        'Meetings/Meeting notes|mentions|Problems/Quiet students',
      ].sort(),
    );
  });

  it('lists each unresolved link with its note and line', () => {
    const { unresolved } = importVault(VAULT, { kind: 'note' });
    expect(unresolved).toEqual([
      { from: 'Home', target: 'Nowhere', file: 'Home.md', line: 8 },
      {
        from: 'Meetings/Meeting notes',
        target: 'Missing note',
        file: 'Meetings/Meeting notes.md',
        line: 8,
      },
    ]);
  });

  it('reports an embed cycle, and still imports the notes', () => {
    const { issues } = importVault(VAULT, { kind: 'note' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/Home\.md → Meetings\/Meeting notes\.md → Home\.md/);
  });

  it('turns front matter into kinds and fields, and the text into the document', () => {
    const { graph } = importVault(VAULT, { kind: 'note', kinds: { artifact: 'artifact' } });
    const byId = new Map(graph.entities.map((e) => [e.id, e]));
    expect(byId.get('Home')).toMatchObject({ kind: 'artifact', title: 'Home', fields: {} });
    expect(byId.get('Practices/Peer observation')).toMatchObject({
      kind: 'practice',
      title: 'Peer observation',
      fields: { status: 'established' },
      document: 'Links back to [[Home|the home page]].',
    });
    expect(byId.get('Archive/2024/Peer observation')).toMatchObject({
      kind: 'note',
      title: 'Peer observation',
    });
    expect(byId.get('Meetings/Meeting notes')?.fields).toEqual({
      date: '2025-02-03',
      attendees: ['Ana', 'Ben'],
    });
    expect(byId.get('Problems/Quiet students')?.fields).toEqual({
      tags: ['equity', 'participation'],
    });
  });

  it('reads the same vault from a zip, with or without a top folder', () => {
    const zipped = writeZip(VAULT.map((f) => ({ ...f, path: `My vault/${f.path}` })));
    const fromZip = importVault(readZip(zipped), { kind: 'note' });
    expect(importCounts(fromZip)).toEqual(importCounts(importVault(VAULT, { kind: 'note' })));
  });

  it('refuses a truncated zip whole, saying so', () => {
    const zipped = writeZip(VAULT);
    expect(() => readZip(zipped.subarray(0, zipped.length - 30))).toThrow(ImportFormatError);
    expect(() => readZip(zipped.subarray(0, zipped.length - 30))).toThrow(/not a readable zip/);
  });

  it('refuses a note that is not UTF-8, naming the file', () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café" in Windows-1252
    expect(() => readZip(zipSync({ 'Café.md': latin1 }))).toThrow(/Café\.md.*not UTF-8 text/);
  });

  it('reports a broken front matter with its line, and imports the other notes', () => {
    const result = importVault(
      [...VAULT, { path: 'Broken.md', text: '---\ntitle: [unclosed\n---\nBody' }],
      { kind: 'note' },
    );
    expect(result.graph.entities).toHaveLength(5);
    expect(result.issues.find((i) => i.file === 'Broken.md')?.message).toMatch(/not valid YAML/);
  });

  it('reports a 10,000-character title instead of importing it', () => {
    const result = importVault(
      [{ path: 'Long.md', text: `---\ntitle: ${'x'.repeat(10_000)}\n---\n` }],
      {
        kind: 'note',
      },
    );
    expect(result.graph.entities).toHaveLength(0);
    expect(result.issues[0]).toMatchObject({ file: 'Long.md' });
    expect(result.issues[0]?.message).toMatch(/10000 characters \(at most 500\)/);
  });

  it('exports notes Obsidian can open: a folder per kind, safe file names, typed links', () => {
    const files = exportVault({
      entities: [
        {
          id: 'p1',
          kind: 'practice',
          title: 'Think / pair / share',
          fields: { status: 'established' },
        },
        {
          id: 'q1',
          kind: 'problem',
          title: 'Quiet students',
          fields: {},
          document: 'Who never speaks?',
        },
      ],
      relations: [{ from: 'p1', type: 'addresses', to: 'q1', attributes: {} }],
    });
    expect(files.map((f) => f.path)).toEqual([
      'practice/Think - pair - share.md',
      'problem/Quiet students.md',
    ]);
    expect(files[0]?.text).toContain('addresses:');
    expect(files[0]?.text).toContain('[[problem/Quiet students|Quiet students]]');
    expect(files[1]?.text).toMatch(/---\n\nWho never speaks\?|---\nWho never speaks\?/);
  });
});
