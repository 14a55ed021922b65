import { inviteFlow, MembersView } from '../account/MembersView.tsx';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';

/**
 * The side bar container of the workspace's members (accounts, roles, who is here, invites).
 * `workspace.*`, not `community.*`: the community plugin owns that namespace (its roles view).
 */
export const MEMBERS_CONTAINER = 'workspace.members';

/**
 * The workspace's members: the Members view, "Invite people…", "Show members" and the presence
 * status item ("Only you", "N here") that opens the view.
 */
export function registerMembers(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Disposable {
  const d: Disposable[] = [
    services.containers.register({
      id: MEMBERS_CONTAINER,
      title: 'Members',
      icon: 'users',
      location: 'sidebar',
      order: 5,
    }),
    services.views.register({
      id: 'workspace.members',
      container: MEMBERS_CONTAINER,
      title: 'Members',
      component: MembersView,
    }),
    ...contributeCommands(services, [
      {
        id: 'workspace.invite',
        title: 'Invite people…',
        category: 'Workspace',
        run: () => inviteFlow(services, session),
        icon: 'user-plus',
        enabled: () => session.summary.role === 'owner',
      },
      {
        id: 'workspace.showMembers',
        title: 'Show members',
        category: 'Workspace',
        run: () => services.layout.showSidebar(MEMBERS_CONTAINER),
        icon: 'users',
      },
    ]),
  ];
  let presence: Disposable | undefined;
  const renderPeers = () => {
    const peers = session.peers.get();
    presence = services.statusItems.register({
      id: 'presence',
      alignment: 'right',
      priority: 50,
      text: peers.length === 0 ? 'Only you' : `${peers.length + 1} here`,
      icon: 'users',
      tooltip:
        peers.length === 0
          ? 'Nobody else has this workspace open.'
          : `Here now: you, ${peers.map((p) => p.name).join(', ')}`,
      command: 'workspace.showMembers',
    });
  };
  renderPeers();
  d.push(session.peers.onDidChange(renderPeers), { dispose: () => presence?.dispose() });
  return combineDisposables(...d);
}
