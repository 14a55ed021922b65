import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { startingPoints } from './JoinedWelcome.tsx';

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
