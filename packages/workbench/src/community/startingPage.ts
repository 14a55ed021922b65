import type { Entity } from '@repertoire/schema';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

/** The workspace's most connected entry, from a sample so that opening a large one stays fast. */
function mostConnected(session: WorkspaceSession): Entity | undefined {
  const ws = session.workspace;
  const sample = ws.entities().slice(0, 300);
  const degree = (e: Entity) => ws.relations({ entity: e.id }).length;
  return sample.length ? sample.reduce((a, b) => (degree(b) > degree(a) ? b : a)) : undefined;
}

/**
 * Opens what a member meets first: a plugin's start page (a view declared with `startPage`, the
 * community's home page) when one is contributed, else the workspace's most connected entry, so a
 * newcomer meets a living workspace at once. Nothing, when a tab is already open: the member (or
 * a plugin greeting a new member) was quicker.
 */
export function openStartingPage(services: WorkbenchServices, session: WorkspaceSession): void {
  if (services.editors.activeUri() !== undefined) return;
  const start = services.menus
    .all()
    .filter((m) => m.menu === 'workspace/start' && services.commands.get(m.command))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))[0];
  if (start) {
    void services.commands.execute(start.command);
    return;
  }
  const best = mostConnected(session);
  if (best) services.editors.open(`entity:${best.id}`);
}
