import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { type AccountActions, registerAccountCommands } from './accountCommands.ts';
import { registerReadOnlyState } from './readOnlyState.ts';
import { registerRefusalNotices } from './refusalNotices.ts';
import { registerRepairCommand } from './repairCommand.ts';
import { registerSyncStatus } from './syncStatus.ts';

/**
 * What the member sees of their session and connection: the account commands, the sync status
 * item, the repair command, the read-only state (a viewer, a lost write) and the notices of
 * changes the server refused.
 */
export function registerSessionState(
  services: WorkbenchServices,
  session: WorkspaceSession,
  account: AccountActions,
): Disposable {
  return combineDisposables(
    ...registerRepairCommand(services, session),
    registerAccountCommands(services, session, account),
    registerSyncStatus(services, session),
    registerReadOnlyState(services, session),
    registerRefusalNotices(services, session),
  );
}
