import { AccountStore, openDatabase, WorkspaceStore } from '@repertoire/server';
import type { Command } from 'commander';

const DATA_OPTION = ['-d, --data <dir>', 'data directory (SQLite store)', './data'] as const;

/** Reads all of stdin (a password piped in, so it never shows in `ps` or the shell history). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `user reset-password`, `invitation list|revoke`: an administrator's access controls. */
export function addAccessCommands(program: Command): void {
  const user =
    program.commands.find((command) => command.name() === 'user') ??
    program.command('user').description('Manage accounts');
  user
    .command('reset-password')
    .description('Set a new password for an account and sign out all of its sessions')
    .requiredOption('--email <email>', 'the account')
    .option('--password <password>', 'the new password, 8 to 200 characters')
    .option('--password-stdin', 'read the new password from standard input instead')
    .option(...DATA_OPTION)
    .action(async (options) => {
      if (Boolean(options.password) === Boolean(options.passwordStdin))
        throw new Error('give the new password with exactly one of --password or --password-stdin');
      const password = options.passwordStdin ? await readStdin() : options.password;
      const db = await openDatabase(options.data);
      try {
        const reset = await new AccountStore(db).resetPassword(options.email, password);
        console.log(`Reset the password of ${reset.email}; all of its sessions are signed out`);
      } finally {
        await db.close();
      }
    });

  const invitation = program
    .command('invitation')
    .description("List and revoke a workspace's invitation links");
  invitation
    .command('list <workspaceId>')
    .description('List the invitation links that can still be used')
    .option('--json', 'print JSON')
    .option(...DATA_OPTION)
    .action(async (workspaceId: string, options) => {
      const db = await openDatabase(options.data);
      try {
        const links = await new WorkspaceStore(db).invitations(workspaceId);
        if (options.json) console.log(JSON.stringify(links, null, 2));
        else if (links.length === 0) console.log('No usable invitation links');
        else
          for (const link of links)
            console.log(
              `${link.token}\t${link.role}\t${link.usesLeft} use(s) left\texpires ${link.expiresAt}`,
            );
      } finally {
        await db.close();
      }
    });
  invitation
    .command('revoke <workspaceId> <token>')
    .description('Revoke an invitation link so nobody can join with it')
    .option(...DATA_OPTION)
    .action(async (workspaceId: string, token: string, options) => {
      const db = await openDatabase(options.data);
      try {
        await new WorkspaceStore(db).revokeInvitation(workspaceId, token);
        console.log(`Revoked invitation ${token}`);
      } finally {
        await db.close();
      }
    });
}
