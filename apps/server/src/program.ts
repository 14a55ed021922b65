import { Command } from 'commander';
import { addAccessCommands } from './commands/access.ts';
import { addAdminCommands } from './commands/admin.ts';
import { addServeCommand } from './commands/serve.ts';

/** The `repertoire` command line. */
export function createProgram(): Command {
  const program = new Command('repertoire')
    .description('Repertoire: a collaborative workspace for communities of practice')
    .version('0.1.0')
    .showHelpAfterError();
  addServeCommand(program);
  addAdminCommands(program);
  addAccessCommands(program);
  return program;
}
