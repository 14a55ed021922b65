import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import {
  AccountStore,
  DATABASE_FILE,
  DocumentStore,
  exportWorkspace,
  importWorkspace,
  openDatabase,
  runningServerPid,
  WorkspaceStore,
} from '@repertoire/server';
import type { Command } from 'commander';
import { progressBar } from '../progress.ts';

const DATA_OPTION = ['-d, --data <dir>', 'data directory (SQLite store)', './data'] as const;

function stores(dataDir: string) {
  const db = openDatabase(dataDir);
  return {
    db,
    accounts: new AccountStore(db),
    workspaces: new WorkspaceStore(db),
    documents: new DocumentStore(db),
  };
}

function ownerId(accounts: AccountStore, email: string | undefined): string | null {
  if (!email) return null;
  const user = accounts.byEmail(email);
  if (!user)
    throw new Error(
      `--owner: no account with email '${email}' (create it with 'repertoire user add')`,
    );
  return user.id;
}

/** `user add`, `workspace create|list|export|import`, `backup`, `restore`. */
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
      const { db, accounts } = stores(options.data);
      try {
        const created = await accounts.create(options);
        console.log(`Created ${created.email} (${created.id})`);
      } finally {
        db.close();
      }
    });

  const workspace = program.command('workspace').description('Manage workspaces (communities)');
  workspace
    .command('create <name>')
    .description('Create a workspace')
    .option('--owner <email>', 'the account that owns it')
    .option(...DATA_OPTION)
    .action((name: string, options) => {
      const { db, accounts, workspaces } = stores(options.data);
      try {
        const created = workspaces.create(name, ownerId(accounts, options.owner));
        console.log(`Created workspace '${created.name}' (${created.id})`);
      } finally {
        db.close();
      }
    });
  workspace
    .command('list')
    .description('List workspaces')
    .option('--json', 'print JSON')
    .option(...DATA_OPTION)
    .action((options) => {
      const { db, workspaces } = stores(options.data);
      try {
        const all = workspaces.all();
        if (options.json) console.log(JSON.stringify(all, null, 2));
        else
          for (const w of all)
            console.log(`${w.id}\t${w.name}\t${w.members} member(s)\t${w.createdAt}`);
      } finally {
        db.close();
      }
    });
  workspace
    .command('export <workspaceId>')
    .description('Export a workspace (graph and every document) as JSON')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option(...DATA_OPTION)
    .action((workspaceId: string, options) => {
      const { db, workspaces, documents } = stores(options.data);
      const bar = progressBar('Exporting');
      try {
        const archive = exportWorkspace(workspaces, documents, workspaceId, undefined, bar.update);
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
        db.close();
      }
    });
  workspace
    .command('import <file>')
    .description(
      'Import an exported workspace as a new workspace (a document may also be given as { "markdown": … } or { "text": … })',
    )
    .option('--owner <email>', 'the account that owns it')
    .option(...DATA_OPTION)
    .action(async (file: string, options) => {
      // The headless editor (for Markdown and text documents) loads only for an import.
      const { importTextDocument } = await import('../textDocuments.ts');
      const { db, accounts, workspaces, documents } = stores(options.data);
      const bar = progressBar('Importing');
      try {
        const archive = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        const imported = importWorkspace(
          workspaces,
          documents,
          archive,
          ownerId(accounts, options.owner),
          bar.update,
          importTextDocument,
        );
        bar.stop();
        console.log(`Imported workspace '${imported.name}' (${imported.id})`);
      } finally {
        bar.stop();
        db.close();
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
        db.close();
      }
      console.log(`Backed up to ${file}`);
    });

  program
    .command('restore <file>')
    .description('Replace the store with a backup (stop the server first)')
    .option(...DATA_OPTION)
    .action((file: string, options) => {
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
      const db = openDatabase(options.data);
      db.close();
      const bar = progressBar('Restoring');
      const staging = `${target}.restoring`;
      rmSync(staging, { force: true });
      const source = new DatabaseSync(file, { readOnly: true });
      return backup(source, staging, {
        progress: ({ totalPages, remainingPages }) =>
          bar.update(totalPages - remainingPages, totalPages),
      }).then(() => {
        source.close();
        bar.stop();
        rmSync(`${target}-wal`, { force: true });
        rmSync(`${target}-shm`, { force: true });
        renameSync(staging, target);
        // Opening once migrates a backup taken by an older version.
        openDatabase(options.data).close();
        console.log(`Restored ${file} into ${options.data}`);
      });
    });
}
