import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';

/**
 * The owners' "Repair the community graph": values a buggy or hostile client left in the graph
 * are skipped by every reader; an owner can remove them (the CLI's `workspace repair` also
 * removes values that break their kind). And "Upgrade entities to their kinds' current fields":
 * entities an older plugin version wrote are read migrated; this writes the migration into the
 * shared graph for all of them at once (one undo step).
 */
export function registerRepairCommand(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Disposable[] {
  const ws = session.workspace;
  const ownerOnly = () => !services.readOnly.get().readOnly && session.summary.role === 'owner';
  return contributeCommands(services, [
    {
      id: 'community.repairGraph',
      title: 'Repair the community graph',
      category: 'Community',
      run: () => {
        const removed = ws.repair();
        const outdated = ws.outdatedEntities().length + ws.outdatedRelations().length;
        const upgrade = outdated
          ? ` ${outdated} entr${outdated === 1 ? 'y is' : 'ies are'} stored in an older shape of ${outdated === 1 ? 'its kind' : 'their kinds'}: run "Upgrade entities to their kinds' current fields".`
          : '';
        if (removed.length === 0) {
          services.notifications.info(`The community graph is sound: nothing to repair.${upgrade}`);
          return;
        }
        const listed = removed
          .slice(0, 5)
          .map((v) => `${v.key} (${v.reason})`)
          .join('; ');
        const more = removed.length > 5 ? `, and ${removed.length - 5} more` : '';
        services.notifications.info(
          `Removed ${removed.length} unusable value(s): ${listed}${more}.${upgrade}`,
        );
      },
      icon: 'wrench',
      enabled: ownerOnly,
    },
    {
      id: 'community.upgradeEntities',
      title: "Upgrade entities to their kinds' current fields",
      category: 'Community',
      run: () => {
        // Entities and relations (their attributes) alike; each call is one undo step.
        const entities = ws.upgradeEntities();
        const relations = ws.upgradeRelations();
        const upgraded = [...entities.upgraded, ...relations.upgraded];
        const failed = [...entities.failed, ...relations.failed];
        if (upgraded.length === 0 && failed.length === 0) {
          services.notifications.info(
            "Every entity and relation is stored in its kind's current shape: nothing to upgrade.",
          );
          return;
        }
        if (upgraded.length > 0)
          services.notifications.info(
            `Upgraded ${upgraded.length} entr${upgraded.length === 1 ? 'y' : 'ies'} to ${upgraded.length === 1 ? "its kind's" : "their kinds'"} current fields (Undo reverts it).`,
          );
        if (failed.length > 0) {
          const listed = failed
            .slice(0, 5)
            .map((f) => `${ws.getEntity(f.id as never)?.title ?? f.id}: ${f.reason}`)
            .join('; ');
          const more = failed.length > 5 ? `, and ${failed.length - 5} more` : '';
          services.notifications.warn(
            `${failed.length} entr${failed.length === 1 ? 'y was' : 'ies were'} left as stored: ${listed}${more}. Fix the field on the entity's page, or update the plugin for a newer version.`,
          );
        }
      },
      icon: 'wrench',
      enabled: ownerOnly,
    },
  ]);
}
