import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';

/**
 * The owners' "Repair the community graph": values a buggy or hostile client left in the graph
 * are skipped by every reader; an owner can remove them (the CLI's `workspace repair` also
 * removes values that break their kind).
 */
export function registerRepairCommand(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Disposable[] {
  const ws = session.workspace;
  return contributeCommands(services, [
    {
      id: 'community.repairGraph',
      title: 'Repair the community graph',
      category: 'Community',
      run: () => {
        const removed = ws.repair();
        if (removed.length === 0) {
          services.notifications.info('The community graph is sound: nothing to repair.');
          return;
        }
        const listed = removed
          .slice(0, 5)
          .map((v) => `${v.key} (${v.reason})`)
          .join('; ');
        const more = removed.length > 5 ? `, and ${removed.length - 5} more` : '';
        services.notifications.info(
          `Removed ${removed.length} unusable value(s): ${listed}${more}.`,
        );
      },
      icon: 'wrench',
      enabled: () => !services.readOnly.get().readOnly && session.summary.role === 'owner',
    },
  ]);
}
