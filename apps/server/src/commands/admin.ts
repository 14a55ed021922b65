import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import {
  AccountStore,
  DATABASE_FILE,
  DocumentStore,
  exportWorkspace,
  graphDocumentName,
  importWorkspace,
  openDatabase,
  readServerKinds,
  repairGraphDocument,
  runningServerPid,
  WorkspaceStore,
} from '@repertoire/server';
import type { Command } from 'commander';
import * as Y from 'yjs';
import { PLUGINS_DIR } from '../paths.ts';
import { progressBar } from '../progress.ts';
import {
  asFormat,
  describeCounts,
  exportInFormat,
  FORMATS,
  importAsWorkspace,
  nameFromSource,
  readImport,
} from './workspaceFormats.ts';

const DATA_OPTION = ['-d, --data <dir>', 'data directory (SQLite store)', './data'] as const;

async function stores(dataDir: string) {
  const db = await openDatabase(dataDir);
  return {
    db,
    accounts: new AccountStore(db),
    workspaces: new WorkspaceStore(db),
    documents: new DocumentStore(db),
  };
}

async function ownerId(accounts: AccountStore, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  const user = await accounts.byEmail(email);
  if (!user)
    throw new Error(
      `--owner: no account with email '${email}' (create it with 'repertoire user add')`,
    );
  return user.id;
}

/** `user add`, `workspace create|list|export|import|repair`, `backup`, `restore`. */
export function addAdminCommands(program: Command): void {
  const user = program.command('user').description('Manage accounts');
  user
    .command('add')
    .description('Create an account')
    .requiredOption('--email <email>', 'email address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--password <password>', 'password, 8 to 200 characters')
    .option(...DATA_OPTION)
    .action(async (options) => {
      const { db, accounts } = await stores(options.data);
      try {
        const created = await accounts.create(options);
        console.log(`Created ${created.email} (${created.id})`);
      } finally {
        await db.close();
      }
    });

  const workspace = program.command('workspace').description('Manage workspaces (communities)');
  workspace
    .command('create <name>')
    .description('Create a workspace')
    .option('--owner <email>', 'the account that owns it')
    .option(...DATA_OPTION)
    .action(async (name: string, options) => {
      const { db, accounts, workspaces } = await stores(options.data);
      try {
        const created = await workspaces.create(name, await ownerId(accounts, options.owner));
        console.log(`Created workspace '${created.name}' (${created.id})`);
      } finally {
        await db.close();
      }
    });
  workspace
    .command('list')
    .description('List workspaces')
    .option('--json', 'print JSON')
    .option(...DATA_OPTION)
    .action(async (options) => {
      const { db, workspaces } = await stores(options.data);
      try {
        const all = await workspaces.all();
        if (options.json) console.log(JSON.stringify(all, null, 2));
        else
          for (const w of all)
            console.log(`${w.id}\t${w.name}\t${w.members} member(s)\t${w.createdAt}`);
      } finally {
        await db.close();
      }
    });
  workspace
    .command('export <workspaceId>')
    .description(
      'Export a workspace: the full JSON archive (graph and every document), or the graph as csv, gexf, graphml, canvas or markdown',
    )
    .option(
      '-f, --format <format>',
      `json (full archive) or ${FORMATS.filter((f) => f !== 'json').join(', ')}`,
      'json',
    )
    .option(
      '-o, --out <file>',
      'write to a file (a folder or .zip for csv and markdown) instead of stdout',
    )
    .option('--static', 'gexf: leave out the dynamic start dates Gephi’s timeline plays')
    .option(...DATA_OPTION)
    .action(async (workspaceId: string, options) => {
      const format = asFormat(options.format);
      const { db, workspaces, documents } = await stores(options.data);
      if (format !== 'json') {
        // The headless editor reads the documents' text, for the formats that carry it.
        const { documentTextReader } = await import('../textDocuments.ts');
        try {
          const said = await exportInFormat(
            { workspaces, documents },
            workspaceId,
            format,
            options.out,
            {
              ...options,
              documentText: await documentTextReader(documents, workspaceId),
            },
          );
          if (said) console.error(said);
        } finally {
          await db.close();
        }
        return;
      }
      const bar = progressBar('Exporting');
      try {
        const archive = await exportWorkspace(
          workspaces,
          documents,
          workspaceId,
          undefined,
          bar.update,
        );
        bar.stop();
        const text = JSON.stringify(archive);
        if (options.out) {
          writeFileSync(options.out, text);
          console.error(
            `Exported ${Object.keys(archive.documents).length} document(s) to ${options.out}`,
          );
        } else process.stdout.write(`${text}\n`);
      } finally {
        bar.stop();
        await db.close();
      }
    });
  workspace
    .command('repair <workspaceId>')
    .description(
      "Remove from a workspace's graph every value the server would refuse (a string where an entity belongs, a null relation, fields that break their kind…), saying what was removed",
    )
    .option('--dry-run', 'only list what would be removed')
    .option('--plugins <dir>', 'installed plugins, whose kinds are valid too', PLUGINS_DIR)
    .option(...DATA_OPTION)
    .action(async (workspaceId: string, options) => {
      const pid = options.dryRun ? null : runningServerPid(options.data);
      if (pid !== null)
        throw new Error(
          `--data: a server (process ${pid}) is serving ${options.data}; stop it before repairing (--dry-run works while serving)`,
        );
      const { db, workspaces, documents } = await stores(options.data);
      try {
        if ((await workspaces.name(workspaceId)) === null)
          throw new Error(`<workspaceId>: no workspace '${workspaceId}' (see 'workspace list')`);
        const name = graphDocumentName(workspaceId);
        const doc = new Y.Doc();
        await documents.loadInto(name, doc);
        const before = Y.encodeStateVector(doc);
        const kinds = readServerKinds([PLUGINS_DIR, options.plugins]);
        const items = repairGraphDocument(doc, kinds, { dryRun: options.dryRun });
        for (const item of items) {
          const where = `${item.map}/${item.key}${item.field ? ` ${item.field}` : ''}`;
          const verb = !item.removed
            ? 'kept (fix by hand)'
            : options.dryRun
              ? 'would remove'
              : 'removed';
          console.log(`${verb}: ${where}: ${item.reason}`);
        }
        if (!options.dryRun && items.some((item) => item.removed))
          await documents.append(name, Y.encodeStateAsUpdate(doc, before));
        const removed = items.filter((item) => item.removed).length;
        console.log(
          items.length === 0
            ? `The graph of '${workspaceId}' is valid; nothing to repair.`
            : `${options.dryRun ? 'Would remove' : 'Removed'} ${removed} value(s) from the graph of '${workspaceId}'.`,
        );
      } finally {
        await db.close();
      }
    });
  workspace
    .command('import <source>')
    .description(
      'Import as a new workspace: an exported JSON archive, or a graph from csv, gexf, graphml or a markdown vault (folder or .zip)',
    )
    .option(
      '-f, --format <format>',
      `json (archive or portable graph) or ${FORMATS.filter((f) => f !== 'json' && f !== 'canvas').join(', ')}`,
      'json',
    )
    .option('--name <name>', 'the new workspace’s name (default: the file’s name)')
    .option('--kind <kind>', 'the kind of a row, node or note that names none', 'artifact')
    .option(
      '--skip-invalid',
      'leave out what cannot be imported instead of refusing the whole import',
    )
    .option('--dry-run', 'show what would be imported and change nothing')
    .option('--owner <email>', 'the account that owns it')
    .option(...DATA_OPTION)
    .action(async (source: string, options) => {
      const format = asFormat(options.format);
      // The headless editor (Markdown and text documents, a vault's notes) loads only for an import.
      const { importTextDocument } = await import('../textDocuments.ts');
      const { db, accounts, workspaces, documents } = await stores(options.data);
      try {
        const owner = await ownerId(accounts, options.owner);
        if (format === 'json') {
          const archive = JSON.parse(readFileSync(source, 'utf8')) as { format?: unknown };
          if (archive?.format === 'repertoire-workspace') {
            const bar = progressBar('Importing');
            try {
              const imported = await importWorkspace(
                workspaces,
                documents,
                archive,
                owner,
                bar.update,
                undefined,
                importTextDocument,
              );
              bar.stop();
              console.log(`Imported workspace '${imported.name}' (${imported.id})`);
            } finally {
              bar.stop();
            }
            return;
          }
        }
        const result = readImport(source, format, options.kind);
        console.error(`Read ${describeCounts(result)}`);
        const done = await importAsWorkspace({ workspaces, documents }, result, {
          name: options.name ?? nameFromSource(source),
          ownerId: owner,
          skipInvalid: options.skipInvalid === true,
          dryRun: options.dryRun === true,
          writeDocument: (markdown) => importTextDocument('markdown', markdown),
        });
        if (done.refused.length > 0) {
          process.exitCode = 1;
          console.error(
            `Nothing was imported. Fix these, or pass --skip-invalid to leave them out:\n${done.refused.join('\n')}`,
          );
        } else if (done.id)
          console.log(
            `Imported workspace '${options.name ?? nameFromSource(source)}' (${done.id}): ${done.entities} entities, ${done.relations} relations`,
          );
        else
          console.log(
            `Dry run: would import ${done.entities} entities and ${done.relations} relations`,
          );
      } finally {
        await db.close();
      }
    });

  program
    .command('backup <file>')
    .description('Copy the whole store to <file>; consistent even while the server runs')
    .option(...DATA_OPTION)
    .action(async (file: string, options) => {
      const source = join(options.data, DATABASE_FILE);
      if (!existsSync(source)) throw new Error(`--data: no store at ${source}`);
      const db = new DatabaseSync(source);
      const bar = progressBar('Backing up');
      try {
        // SQLite's online backup copies a consistent snapshot page by page while others write.
        await backup(db, file, {
          rate: 256,
          progress: ({ totalPages, remainingPages }) =>
            bar.update(totalPages - remainingPages, totalPages),
        });
      } finally {
        bar.stop();
        await db.close();
      }
      console.log(`Backed up to ${file}`);
    });

  program
    .command('restore <file>')
    .description('Replace the store with a backup (stop the server first)')
    .option(...DATA_OPTION)
    .action(async (file: string, options) => {
      if (!existsSync(file)) throw new Error(`<file>: no backup at ${file}`);
      const pid = runningServerPid(options.data);
      if (pid !== null)
        throw new Error(
          `--data: a server (process ${pid}) is serving ${options.data}; stop it before restoring (backups can be taken while serving)`,
        );
      const check = new DatabaseSync(file, { readOnly: true });
      try {
        const row = check
          .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'")
          .get() as {
          n: number;
        };
        if (row.n !== 1) throw new Error(`<file>: ${file} is not a Repertoire backup`);
      } finally {
        check.close();
      }
      const target = join(options.data, DATABASE_FILE);
      const db = await openDatabase(options.data);
      await db.close();
      const bar = progressBar('Restoring');
      const staging = `${target}.restoring`;
      rmSync(staging, { force: true });
      const source = new DatabaseSync(file, { readOnly: true });
      return backup(source, staging, {
        progress: ({ totalPages, remainingPages }) =>
          bar.update(totalPages - remainingPages, totalPages),
      }).then(async () => {
        source.close();
        bar.stop();
        rmSync(`${target}-wal`, { force: true });
        rmSync(`${target}-shm`, { force: true });
        renameSync(staging, target);
        // Opening once migrates a backup taken by an older version.
        await (await openDatabase(options.data)).close();
        console.log(`Restored ${file} into ${options.data}`);
      });
    });
}
