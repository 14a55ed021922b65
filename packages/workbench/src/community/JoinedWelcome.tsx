import { Icon } from '@repertoire/icons';
import { compareEntities } from '@repertoire/plugin-api';
import type { Entity } from '@repertoire/schema';
import type { ReactNode } from 'react';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { formatChord } from '../services/keybindings.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { useRegistry, useServices } from '../shell/context.tsx';
import { useCatalogVersion, useCommunity } from './communityContext.tsx';

/** The URI of the page a member meets right after accepting an invitation. */
export const JOINED_URI = 'welcome:joined';

const ROLE_SAYS = {
  owner: 'As an owner you can change everything, invite people and manage plugins.',
  editor: 'As an editor you can add to everything: pages, links, documents and meeting notes.',
  viewer: 'As a viewer you can read everything; ask an owner if you want to add to it.',
} as const;

/** The entries a newcomer is pointed to: the latest meeting and the most connected entry. */
export function startingPoints(session: WorkspaceSession): {
  latestMeeting: Entity | undefined;
  mostConnected: Entity | undefined;
} {
  const ws = session.workspace;
  const latestMeeting = ws.entities('meeting').sort(compareEntities)[0];
  // Only a sample of a large workspace is scored, so opening stays fast.
  const sample = ws.entities().slice(0, 300);
  const degree = (e: Entity) => ws.relations({ entity: e.id }).length;
  const mostConnected = sample.length
    ? sample.reduce((a, b) => (degree(b) > degree(a) ? b : a))
    : undefined;
  return { latestMeeting, mostConnected };
}

/** "You joined <community>": who they are here, and where to start. */
export function JoinedWelcome() {
  const services = useServices();
  const { session, catalog } = useCommunity();
  useCatalogVersion(catalog);
  useRegistry(services.keybindings);
  const { latestMeeting, mostConnected } = startingPoints(session);
  const members = session.workspace.entities('member').length;
  // The side bar's first view (the Explorer plugin's), whichever plugin contributes it.
  const firstView = useRegistry(services.containers)
    .filter((c) => c.location === 'sidebar')
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))[0];
  const action = (
    label: ReactNode,
    icon: string,
    run: () => unknown,
    command?: string,
  ): ReactNode => {
    const key = command ? services.keybindings.keyForCommand(command) : undefined;
    return (
      <li>
        <button type="button" className="rp-welcome-action" onClick={() => void run()}>
          <Icon name={icon} />
          <span>{label}</span>
          {key ? <kbd>{formatChord(key)}</kbd> : null}
        </button>
      </li>
    );
  };
  return (
    <section className="rp-welcome rp-joined" aria-labelledby="joined-title">
      <div className="rp-welcome-mark" aria-hidden="true">
        <Icon name="sparkles" size={48} />
      </div>
      <h1 id="joined-title">You joined {session.summary.name}</h1>
      <p>
        Welcome, {session.user.name}. {ROLE_SAYS[session.summary.role]}{' '}
        {members > 0
          ? `The community has ${members} member${members === 1 ? '' : 's'}.`
          : 'You are among its first members.'}
      </p>
      <h2 className="rp-joined-subtitle">Where to start</h2>
      <ul>
        {latestMeeting
          ? action(
              <>
                Read the latest meeting: <strong>{latestMeeting.title}</strong>
              </>,
              'calendar',
              () => services.editors.open(`entity:${latestMeeting.id}`),
            )
          : null}
        {mostConnected && mostConnected.id !== latestMeeting?.id
          ? action(
              <>
                See what connects most: <strong>{mostConnected.title}</strong>
              </>,
              'network',
              () => services.editors.open(`entity:${mostConnected.id}`),
            )
          : null}
        {action('Meet the members', 'users', () => services.commands.execute('members.show'))}
        {firstView
          ? action(`Browse everything in the ${firstView.title}`, firstView.icon, () =>
              services.layout.showSidebar(firstView.id),
            )
          : null}
        {action(
          'Go to a member, practice or artifact',
          'search',
          () => services.commands.execute('workbench.quickOpen'),
          'workbench.quickOpen',
        )}
        {action(
          'Show all commands',
          'command',
          () => services.commands.execute('workbench.showCommands'),
          'workbench.showCommands',
        )}
      </ul>
    </section>
  );
}

/**
 * Opens the welcome page after an invitation was accepted. It opens once the plugins have
 * started; a member quicker than them, who already opened an entry, keeps it in front and finds
 * the welcome in the tab beside it.
 */
export function openJoinedWelcome(services: WorkbenchServices): void {
  const { activeGroup } = services.editors.state.get();
  const before = services.editors.activeUri();
  services.editors.open(JOINED_URI);
  if (before !== undefined) services.editors.focus(activeGroup, before);
}
