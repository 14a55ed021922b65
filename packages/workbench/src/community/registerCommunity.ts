import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import type { AccountActions } from './accountCommands.ts';
import type { Community } from './communityContext.tsx';
import { registerEditCommands } from './editCommands.ts';
import { registerEntityQuickOpen } from './entityQuickOpen.ts';
import { registerMembers } from './membersContribution.ts';
import { registerSessionState } from './sessionState.ts';
import { registerTabEditors } from './tabEditors.ts';

export type { AccountActions } from './accountCommands.ts';
export { openStartingPage } from './startingPage.ts';

/**
 * The Members view and quick open over entities, the last community views still in the shell:
 * kept together so moving them to a plugin removes one call.
 */
function registerMembersAndQuickOpen(
  services: WorkbenchServices,
  community: Community,
): Disposable {
  return combineDisposables(
    registerMembers(services, community.session),
    registerEntityQuickOpen(services, community),
  );
}

/**
 * Registers what the open workspace needs of the shell (entity pages, the Explorer and the
 * documents are plugins): the tabs that host the plugins' pages and documents, undo and redo,
 * the session's state and commands, and the members view and quick open. Each part is its own
 * module; this only composes them. Dispose when the workspace closes.
 */
export function registerCommunity(
  services: WorkbenchServices,
  community: Community,
  account: AccountActions,
): Disposable {
  const { session } = community;
  return combineDisposables(
    registerMembersAndQuickOpen(services, community),
    registerTabEditors(services, community),
    ...registerEditCommands(services, session.workspace),
    registerSessionState(services, session, account),
  );
}
