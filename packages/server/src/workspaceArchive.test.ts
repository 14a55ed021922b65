import { type TempDir, tempDir } from '@repertoire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from './store/database.ts';
import { DocumentStore } from './store/documentStore.ts';
import { WorkspaceStore } from './store/workspaceStore.ts';
import { importWorkspace } from './workspaceArchive.ts';

const dirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => d.dispose()));
});

async function stores() {
  const dir = await tempDir('repertoire-archive-');
  dirs.push(dir);
  const db = await openDatabase(dir.path);
  return { db, workspaces: new WorkspaceStore(db), documents: new DocumentStore(db) };
}

const graph = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64');
const archive = (documents: Record<string, unknown>) => ({
  format: 'repertoire-workspace',
  version: 1,
  workspace: { id: 'w_old', name: 'Imported notes' },
  documents: { graph, ...documents },
});

// What the CLI passes is the headless editor (tested in apps/server); this one records its calls.
const calls: [string, string][] = [];
const importText = (format: 'markdown' | 'text', source: string) => {
  calls.push([format, source]);
  const doc = new Y.Doc();
  doc.getText('source').insert(0, source);
  return Y.encodeStateAsUpdate(doc);
};

describe('importing Markdown and text documents', () => {
  it('hands { markdown } and { text } entries to the importer and stores what it returns', async () => {
    const { db, workspaces, documents } = await stores();
    calls.length = 0;
    const imported = await importWorkspace(
      workspaces,
      documents,
      archive({ 'doc/notes': { markdown: '# Notes' }, 'doc/plain': { text: 'Plain words' } }),
      null,
      undefined,
      undefined,
      importText,
    );
    expect(calls).toEqual([
      ['markdown', '# Notes'],
      ['text', 'Plain words'],
    ]);
    const stored = new Y.Doc();
    await documents.loadInto(`${imported.id}/doc/notes`, stored);
    expect(stored.getText('source').toString()).toBe('# Notes');
    await db.close();
  });

  it('refuses a text document when no importer is given, and creates nothing', async () => {
    const { db, workspaces, documents } = await stores();
    await expect(
      importWorkspace(workspaces, documents, archive({ 'doc/notes': { markdown: '# x' } }), null),
    ).rejects.toThrow(/documents\.doc\/notes.*workspace import/);
    expect(await workspaces.all()).toEqual([]);
    await db.close();
  });

  it('refuses a malformed entry with a clear message, and creates nothing', async () => {
    const { db, workspaces, documents } = await stores();
    for (const bad of [{ markdown: 5 }, { markdown: 'a', text: 'b' }, 7]) {
      await expect(
        importWorkspace(
          workspaces,
          documents,
          archive({ 'doc/x': bad }),
          null,
          undefined,
          undefined,
          importText,
        ),
      ).rejects.toThrow(/documents\.doc\/x.*must be a base64 Yjs update, or \{ "markdown"/);
    }
    await expect(
      importWorkspace(
        workspaces,
        documents,
        { ...archive({}), documents: { graph: { text: 'g' } } },
        null,
        undefined,
        undefined,
        importText,
      ),
    ).rejects.toThrow(/documents\.graph/);
    expect(await workspaces.all()).toEqual([]);
    await db.close();
  });
});
