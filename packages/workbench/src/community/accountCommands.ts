import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';

/** What the app does for account-level commands (they leave the workspace). */
export interface AccountActions {
  signOut(): void;
  switchWorkspace(): void;
  createWorkspace(): void;
}

/**
 * The commands that leave this workspace (switch, create another, sign out) and the status item
 * naming the workspace and the member's role.
 */
export function registerAccountCommands(
  services: WorkbenchServices,
  session: WorkspaceSession,
  account: AccountActions,
): Disposable {
  return combineDisposables(
    ...contributeCommands(services, [
      {
        id: 'workspace.switch',
        title: 'Switch workspace…',
        category: 'Workspace',
        run: () => account.switchWorkspace(),
        icon: 'layers',
      },
      {
        id: 'workspace.create',
        title: 'Create a workspace…',
        category: 'Workspace',
        run: () => account.createWorkspace(),
        icon: 'plus',
      },
      {
        id: 'account.signOut',
        title: 'Sign out',
        category: 'Account',
        run: () => account.signOut(),
        icon: 'log-out',
      },
    ]),
    services.statusItems.register({
      id: 'workspace.name',
      alignment: 'left',
      priority: 100,
      text: session.summary.name,
      icon: 'layers',
      tooltip: `Your role: ${session.summary.role}. Click to switch workspace.`,
      command: 'workspace.switch',
    }),
  );
}
