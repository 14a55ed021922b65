import { Icon } from '@repertoire/icons';
import type { Member, Role } from '@repertoire/sync';
import { useCallback, useEffect, useState } from 'react';
import { useCommunity } from '../community/communityContext.tsx';
import { useServices, useValue } from '../shell/context.tsx';
import { InvitationLinks } from './InvitationLinks.tsx';
import { colourFor } from './workspaceSession.ts';

const ROLE_HELP: Record<Role, string> = {
  owner: 'manages members and plugins',
  editor: 'reads and changes everything',
  viewer: 'reads everything, changes nothing',
};

/** Who belongs to the workspace, with roles (owners change them), who is here now, and invites. */
export function MembersView() {
  const services = useServices();
  const { session } = useCommunity();
  const peers = useValue(session.peers);
  const [members, setMembers] = useState<Member[]>();
  const [error, setError] = useState<string>();
  // Bumped when a link was just made, so the owner's list of links shows it.
  const [invited, setInvited] = useState(0);
  const isOwner = session.summary.role === 'owner';
  const load = useCallback(() => {
    session.api.members(session.summary.id).then(
      (m) => {
        setMembers(m);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
  }, [session]);
  useEffect(load, [load]);
  // Refresh when someone joins (the presence list changes) so a new member shows up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: peers.length is the trigger
  useEffect(load, [load, peers.length]);

  const here = new Set(peers.map((p) => p.name));
  const setRole = async (m: Member, role: Role) => {
    try {
      await session.api.setRole(session.summary.id, m.userId, role);
      load();
    } catch (e) {
      services.notifications.error(`Could not change ${m.name}'s role`, (e as Error).message);
    }
  };

  return (
    <div className="rp-members">
      {isOwner ? (
        <div className="rp-members-invite">
          <button
            type="button"
            className="rp-button rp-button-small"
            onClick={async () => {
              await services.commands.execute('workspace.invite');
              setInvited((n) => n + 1);
            }}
          >
            <Icon name="user-plus" size={14} /> Invite people
          </button>
        </div>
      ) : null}
      {error ? <p className="rp-empty rp-error">{error}</p> : null}
      {!members && !error ? <p className="rp-empty">Loading members…</p> : null}
      <ul className="rp-member-list" aria-label="Members">
        {members?.map((m) => {
          const online = m.userId === session.user.id || here.has(m.name);
          return (
            <li key={m.userId} className="rp-member">
              <span
                className="rp-avatar"
                style={{ background: colourFor(m.userId) }}
                aria-hidden="true"
              >
                {m.name.slice(0, 1).toUpperCase()}
                {online ? <span className="rp-online" title="Here now" /> : null}
              </span>
              <span className="rp-member-name">
                {m.name}
                {m.userId === session.user.id ? <span className="rp-muted"> (you)</span> : null}
                <span className="rp-member-email">{m.email}</span>
              </span>
              {isOwner && m.userId !== session.user.id ? (
                <select
                  className="rp-role-select"
                  aria-label={`Role of ${m.name}`}
                  value={m.role}
                  onChange={(e) => setRole(m, e.target.value as Role)}
                >
                  {(['owner', 'editor', 'viewer'] as const).map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="rp-role" data-role={m.role} title={ROLE_HELP[m.role]}>
                  {m.role}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {isOwner ? <InvitationLinks version={invited} members={members ?? []} /> : null}
    </div>
  );
}

/** Creates an invitation link for a role, copies it and shows it (owners only). */
export async function inviteFlow(
  services: import('../services/workbenchServices.ts').WorkbenchServices,
  session: import('./workspaceSession.ts').WorkspaceSession,
): Promise<string | undefined> {
  if (session.summary.role !== 'owner') {
    services.notifications.warn('Only an owner can invite people. Ask an owner of this workspace.');
    return undefined;
  }
  const role = await services.quickInput.pick(
    [
      { label: 'Editor', description: ROLE_HELP.editor, icon: 'pencil', value: 'editor' as const },
      {
        label: 'Viewer',
        description: ROLE_HELP.viewer,
        icon: 'book-open',
        value: 'viewer' as const,
      },
    ],
    { title: `Invite to ${session.summary.name} as…` },
  );
  if (!role) return undefined;
  try {
    const invitation = await session.api.invite(session.summary.id, {
      role: role.value,
      maxUses: 20,
    });
    const url = invitation.url.startsWith('http')
      ? invitation.url
      : `${location.origin}${invitation.url}`;
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    await services.quickInput.input({
      title: `Invitation link (${role.label.toLowerCase()}, copied) — send it to the people you invite`,
      value: url,
    });
    return url;
  } catch (e) {
    services.notifications.error('Could not create the invitation', (e as Error).message);
    return undefined;
  }
}
