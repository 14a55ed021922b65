import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import type { AccountActions } from './accountCommands.ts';
import type { Community } from './communityContext.tsx';
import { registerEditCommands } from './editCommands.ts';
import { registerSessionState } from './sessionState.ts';
import { registerTabEditors } from './tabEditors.ts';

export type { AccountActions } from './accountCommands.ts';
export { openStartingPage } from './startingPage.ts';

/**
 * Registers what the open workspace needs of the shell (entity pages, the Explorer and the
 * documents are plugins): the tabs that host the plugins' pages and documents, undo and redo,
 * the session's state and commands. Each part is its own
 * module; this only composes them. Dispose when the workspace closes.
 */
export function registerCommunity(
  services: WorkbenchServices,
  community: Community,
  account: AccountActions,
): Disposable {
  const { session } = community;
  return combineDisposables(
    registerTabEditors(services, community),
    ...registerEditCommands(services, session.workspace),
    registerSessionState(services, session, account),
  );
}
