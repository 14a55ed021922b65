import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { type AccountActions, registerAccountCommands } from './accountCommands.ts';
import type { Community } from './communityContext.tsx';
import { registerEntityCommands } from './entityCommands.ts';
import { registerEntityEditors } from './entityEditors.ts';
import { startingPoints } from './JoinedWelcome.tsx';
import { registerReadOnlyState } from './readOnlyState.ts';
import { registerRefusalNotices } from './refusalNotices.ts';
import { registerRepairCommand } from './repairCommand.ts';
import { registerSyncStatus } from './syncStatus.ts';

export type { AccountActions } from './accountCommands.ts';

/**
 * Registers what the open workspace shows that is still the shell's (the Explorer, the Members
 * view and quick open are plugins): entity pages, the entry, account and sync commands,
 * the status items and the read-only state. Each part is its own module; this only composes them.
 * Dispose when the workspace closes.
 */
export function registerCommunity(
  services: WorkbenchServices,
  community: Community,
  account: AccountActions,
): Disposable {
  const { session } = community;
  return combineDisposables(
    registerEntityEditors(services, community),
    ...registerEntityCommands(services, session.workspace),
    ...registerRepairCommand(services, session),
    registerAccountCommands(services, session, account),
    registerSyncStatus(services, session),
    registerReadOnlyState(services, session),
    registerRefusalNotices(services, session),
  );
}

/**
 * Opens what a member meets first: a plugin's start page (the community's home page) when one
 * is contributed, else the workspace's most connected entry, so a newcomer meets a living
 * workspace at once. Nothing, when a tab is already open.
 */
export function openStartingPage(services: WorkbenchServices, session: WorkspaceSession): void {
  // A member quicker than the plugins has already opened something: never cover it.
  if (services.editors.activeUri() !== undefined) return;
  const start = services.menus
    .all()
    .filter((m) => m.menu === 'workspace/start' && services.commands.get(m.command))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))[0];
  if (start) {
    void services.commands.execute(start.command);
    return;
  }
  const best = startingPoints(session).mostConnected;
  if (best) services.editors.open(`entity:${best.id}`);
}
