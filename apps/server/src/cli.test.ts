import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mentionsInYDoc, readDocumentText } from '@repertoire/editor/headless';
import {
  AccountStore,
  createRepertoireServer,
  DocumentStore,
  openDatabase,
  WorkspaceStore,
} from '@repertoire/server';
import { type TempDir, tempDir } from '@repertoire/testing';
import type { Command } from 'commander';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProgram } from './program.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const run = promisify(execFile);

/** Runs the real CLI in its own process. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [MAIN, ...args], { timeout: 60_000 });
}

/** Runs the real CLI with `input` on its standard input; resolves with its stdout. */
function cliWithInput(input: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [MAIN, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}

async function cliFails(...args: string[]): Promise<string> {
  try {
    await cli(...args);
  } catch (error) {
    return (error as { stderr: string }).stderr;
  }
  throw new Error(`expected 'repertoire ${args.join(' ')}' to fail`);
}

async function items(dataDir: string, name: string): Promise<string[]> {
  const db = await openDatabase(dataDir);
  try {
    const doc = new Y.Doc();
    await new DocumentStore(db).loadInto(name, doc);
    return doc.getArray<string>('items').toArray();
  } finally {
    await db.close();
  }
}

const dirs: TempDir[] = [];
async function dir(): Promise<string> {
  const made = await tempDir('repertoire-cli-');
  dirs.push(made);
  return made.path;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => d.dispose()));
});

describe('repertoire CLI', { timeout: 120_000 }, () => {
  it('adds a user, creates and lists workspaces, and names a bad owner', async () => {
    const data = await dir();
    const added = await cli(
      'user',
      'add',
      '--email',
      'ada@example.org',
      '--name',
      'Ada',
      '--password',
      'long secret',
      '--data',
      data,
    );
    expect(added.stdout).toContain('Created ada@example.org');
    const created = await cli(
      'workspace',
      'create',
      'Maths teachers',
      '--owner',
      'ada@example.org',
      '--data',
      data,
    );
    expect(created.stdout).toContain("Created workspace 'Maths teachers'");
    const list = JSON.parse((await cli('workspace', 'list', '--json', '--data', data)).stdout);
    expect(list).toMatchObject([{ name: 'Maths teachers', members: 1 }]);
    expect(
      await cliFails('workspace', 'create', 'X', '--owner', 'nobody@x', '--data', data),
    ).toMatch(/--owner: no account with email 'nobody@x'/);
    expect(await cliFails('user', 'add', '--email', 'b@x.org', '--data', data)).toMatch(/--name/);
    const db = await openDatabase(data);
    expect(await new WorkspaceStore(db).all()).toHaveLength(1);
    expect(await new AccountStore(db).count()).toBe(1);
    await db.close();
  });

  it('has --help, with a description, on every command', async () => {
    const seen: string[] = [];
    const visit = (command: Command, path: string) => {
      seen.push(path);
      expect(command.description(), path).not.toBe('');
      expect(command.helpInformation(), path).toContain('-h, --help');
      for (const sub of command.commands) visit(sub, `${path} ${sub.name()}`);
    };
    visit(createProgram(), 'repertoire');
    expect(seen).toEqual(
      expect.arrayContaining([
        'repertoire serve',
        'repertoire user add',
        'repertoire user reset-password',
        'repertoire invitation list',
        'repertoire invitation revoke',
        'repertoire workspace create',
        'repertoire workspace list',
        'repertoire workspace export',
        'repertoire workspace import',
        'repertoire workspace repair',
        'repertoire backup',
        'repertoire restore',
      ]),
    );
    expect((await cli('backup', '--help')).stdout).toMatch(/^Usage: repertoire backup/);
  });

  it('backs up while serving under writes, and restores every acknowledged change', async () => {
    const data = await dir();
    const server = await createRepertoireServer({
      dataDir: data,
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    await server.listen();
    const workspace = await server.services.workspaces.create('Backed up', null);
    const names = [`${workspace.id}/graph`, `${workspace.id}/doc/notes`];
    const connections = await Promise.all(names.map((name) => server.openDocument(name)));
    let written = 0;
    const write = async () => {
      for (const [d, connection] of connections.entries())
        await connection.transact((doc) => doc.getArray<string>('items').push([`${d}:${written}`]));
      written += 1;
    };
    for (let i = 0; i < 300; i++) await write();
    // Writes keep landing while the backup (another process) copies the store.
    let writing = true;
    const load = (async () => {
      while (writing) {
        await write();
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const backupFile = join(await dir(), 'backup.sqlite');
    const backedUp = await cli('backup', backupFile, '--data', data);
    writing = false;
    await load;
    expect(backedUp.stdout).toContain(`Backed up to ${backupFile}`);

    expect(await cliFails('restore', backupFile, '--data', data)).toMatch(
      /a server \(process \d+\) is serving/,
    );
    await Promise.all(connections.map((c) => c.disconnect()));
    await server.close();

    const restored = await dir();
    await cli('restore', backupFile, '--data', restored);
    for (const name of names) {
      const got = await items(restored, name);
      // A consistent snapshot: at least everything written before the backup started, and
      // a prefix of the live document (nothing torn, nothing reordered).
      expect(got.length).toBeGreaterThanOrEqual(300);
      expect(got).toEqual((await items(data, name)).slice(0, got.length));
    }
    const db = await openDatabase(restored);
    expect((await new WorkspaceStore(db).all()).map((w) => w.name)).toEqual(['Backed up']);
    await db.close();
    expect(await cliFails('restore', join(restored, 'missing.sqlite'), '--data', restored)).toMatch(
      /<file>: no backup at/,
    );
  });

  it('exports a workspace and imports it as a new one with the same documents', async () => {
    const data = await dir();
    const db = await openDatabase(data);
    const workspaces = new WorkspaceStore(db);
    const documents = new DocumentStore(db);
    const original = await workspaces.create('Exported', null);
    for (const suffix of ['graph', 'doc/a']) {
      const doc = new Y.Doc();
      doc.getArray<string>('items').push([suffix, 'x']);
      await documents.put(`${original.id}/${suffix}`, Y.encodeStateAsUpdate(doc));
    }
    await db.close();
    const file = join(await dir(), 'ws.json');
    await cli('workspace', 'export', original.id, '--out', file, '--data', data);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'repertoire-workspace',
      workspace: { name: 'Exported' },
    });
    const imported = await cli('workspace', 'import', file, '--data', data);
    const id = /\((w_[^)]+)\)/.exec(imported.stdout)?.[1] as string;
    expect(id).not.toBe(original.id);
    expect(await items(data, `${id}/graph`)).toEqual(['graph', 'x']);
    expect(await items(data, `${id}/doc/a`)).toEqual(['doc/a', 'x']);
    expect(await cliFails('workspace', 'export', 'w_nope', '--data', data)).toMatch(/workspaceId/);
  });

  it('repairs a graph: removes what the server would refuse, says what, and keeps the rest', async () => {
    const data = await dir();
    const db = await openDatabase(data);
    const workspace = await new WorkspaceStore(db).create('Broken', null);
    const doc = new Y.Doc();
    const entities = doc.getMap<unknown>('entities');
    const member = (title: string, extra: Record<string, unknown> = {}) => {
      const map = new Y.Map<unknown>();
      const stamp = { by: 'u_1', at: 1_700_000_000_000 };
      for (const [k, v] of Object.entries({
        kind: 'member',
        title,
        created: stamp,
        updated: stamp,
        ...extra,
      }))
        map.set(k, v);
      return map;
    };
    entities.set('ana', member('Ana'));
    entities.set('ben', member('Ben', { 'f:role': 'wizard' }));
    entities.set('x', 'not a map');
    doc.getMap<unknown>('relations').set('ana|mentors|ben', { by: 'u_1', at: 1 });
    doc.getMap<unknown>('relations').set('ana|practises|ben', null);
    await new DocumentStore(db).put(`${workspace.id}/graph`, Y.encodeStateAsUpdate(doc));
    await db.close();

    const dry = await cli('workspace', 'repair', workspace.id, '--dry-run', '--data', data);
    expect(dry.stdout).toContain(
      'would remove: entities/x: entity "x" holds a string, not an entity',
    );
    expect(dry.stdout).toContain('Would remove 3 value(s)');
    const repaired = await cli('workspace', 'repair', workspace.id, '--data', data);
    expect(repaired.stdout.split('\n').filter((l) => l.startsWith('removed: '))).toEqual([
      'removed: entities/ben f:role: entity "ben": Role is invalid: Invalid option: expected one of "coordinator"|"facilitator"|"member"|"sponsor"|"guest"',
      'removed: entities/x: entity "x" holds a string, not an entity',
      'removed: relations/ana|practises|ben: relation "ana|practises|ben" holds null, not a relation',
    ]);
    const after = new Y.Doc();
    const check = await openDatabase(data);
    await new DocumentStore(check).loadInto(`${workspace.id}/graph`, after);
    await check.close();
    expect([...after.getMap('entities').keys()].sort()).toEqual(['ana', 'ben']);
    expect((after.getMap('entities').get('ben') as Y.Map<unknown>).get('f:role')).toBeUndefined();
    expect([...after.getMap('relations').keys()]).toEqual(['ana|mentors|ben']);
    expect((await cli('workspace', 'repair', workspace.id, '--data', data)).stdout).toContain(
      'is valid; nothing to repair',
    );
    expect(await cliFails('workspace', 'repair', 'w_nope', '--data', data)).toMatch(/no workspace/);
  });

  it('resets a password from stdin, signing out every session of the account', async () => {
    const data = await dir();
    await cli(
      'user',
      'add',
      '--email',
      'bo@example.org',
      '--name',
      'Bo',
      '--password',
      'first secret',
      '--data',
      data,
    );
    let db = await openDatabase(data);
    const accounts = new AccountStore(db);
    const user = await accounts.byEmail('bo@example.org');
    const session = await accounts.openSession(user?.id as string);
    await db.close();
    const reset = await cliWithInput(
      'second secret\n',
      'user',
      'reset-password',
      '--email',
      'BO@example.org',
      '--password-stdin',
      '--data',
      data,
    );
    expect(reset).toContain('Reset the password of bo@example.org');
    db = await openDatabase(data);
    try {
      const after = new AccountStore(db);
      expect(await after.sessionUser(session.id)).toBeNull();
      expect(await after.authenticate('bo@example.org', 'first secret')).toBeNull();
      expect((await after.authenticate('bo@example.org', 'second secret'))?.id).toBe(user?.id);
    } finally {
      await db.close();
    }
    expect(
      await cliFails(
        'user',
        'reset-password',
        '--email',
        'nobody@example.org',
        '--password',
        'whatever long',
        '--data',
        data,
      ),
    ).toContain("no account with email 'nobody@example.org'");
    expect(
      await cliFails(
        'user',
        'reset-password',
        '--email',
        'bo@example.org',
        '--password',
        'short',
        '--data',
        data,
      ),
    ).toContain('password: must be 8 to 200 characters');
  });

  it('lists and revokes invitation links', async () => {
    const data = await dir();
    const db = await openDatabase(data);
    const workspaces = new WorkspaceStore(db);
    const ws = await workspaces.create('Circle', null);
    const link = await workspaces.invite(ws.id, 'cli', { role: 'editor' });
    await db.close();
    expect((await cli('invitation', 'list', ws.id, '--data', data)).stdout).toContain(link.token);
    expect((await cli('invitation', 'revoke', ws.id, link.token, '--data', data)).stdout).toContain(
      'Revoked',
    );
    expect((await cli('invitation', 'list', ws.id, '--data', data)).stdout).toContain(
      'No usable invitation links',
    );
    expect(await cliFails('invitation', 'revoke', ws.id, link.token, '--data', data)).toContain(
      'no such invitation',
    );
  });

  it('imports Markdown and text documents as real editor documents', async () => {
    const data = await dir();
    const file = join(await dir(), 'notes.json');
    const graph = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64');
    const markdown = [
      '## Actions',
      '',
      '- [ ] [@Ada](repertoire:member/m-ada) books the library',
      '',
      '| Option | Cost |',
      '| --- | --- |',
      '| Canvas | per student |',
    ].join('\n');
    const archive = (documents: Record<string, unknown>) =>
      JSON.stringify({
        format: 'repertoire-workspace',
        version: 1,
        workspace: { id: 'w_elsewhere', name: 'From Markdown' },
        documents: { graph, ...documents },
      });
    writeFileSync(
      file,
      archive({
        'doc/notes': { markdown },
        'doc/plain': { text: 'First line\n\n# not a heading' },
      }),
    );
    const imported = await cli('workspace', 'import', file, '--data', data);
    const id = /\((w_[^)]+)\)/.exec(imported.stdout)?.[1] as string;
    const load = async (name: string) => {
      const db = await openDatabase(data);
      try {
        const doc = new Y.Doc();
        await new DocumentStore(db).loadInto(`${id}/${name}`, doc);
        return doc;
      } finally {
        await db.close();
      }
    };
    const notes = await load('doc/notes');
    expect(readDocumentText(notes)).toContain('@Ada books the library');
    expect(notes.get('root-v2', Y.XmlElement).toString()).toContain('<table');
    expect(mentionsInYDoc(notes)).toEqual([{ entityId: 'm-ada', kind: 'member' }]);
    expect(readDocumentText(await load('doc/plain'))).toBe('First line\n\n# not a heading');

    writeFileSync(file, archive({ 'doc/notes': { markdown: 42 } }));
    expect(await cliFails('workspace', 'import', file, '--data', data)).toMatch(
      /documents\.doc\/notes/,
    );
    const db = await openDatabase(data);
    expect((await new WorkspaceStore(db).all()).map((w) => w.name)).toEqual(['From Markdown']);
    await db.close();
  });
});
