import { Emitter, type InvitationLinkInfo, type MemberInfo } from '@repertoire/plugin-api';
import type { MembersBackend } from '@repertoire/plugin-host';
import type { InvitationInfo, Member, SyncClient } from '@repertoire/sync';
import { colourFor, type WorkspaceSession } from '../account/workspaceSession.ts';
import type { Disposable } from '../services/disposable.ts';

/** What the members backend needs of a workspace session (all of it, in the app). */
export type MembersSession = Pick<WorkspaceSession, 'api' | 'summary' | 'user' | 'peers'> & {
  /** The server's word that a role changed or a member left (another owner, another window). */
  readonly sync: Pick<SyncClient, 'onDidChangeMembers'>;
};

/**
 * The plugin API's `members` over this window's session: the server's member and invitation
 * routes (which let only owners change anything), the session's presence for who is here, and
 * the server's notice of role changes and removals made elsewhere.
 * Dispose to stop following presence.
 */
export function sessionMembers(session: MembersSession): MembersBackend & Disposable {
  // The link as a member opens it: on the server's origin (the page's, in the app) for a path.
  const origin = session.api.baseUrl || globalThis.location?.origin || '';
  const absolute = (url: string) => (/^https?:/.test(url) ? url : `${origin}${url}`);
  const linkOf = (link: InvitationInfo): InvitationLinkInfo => ({
    token: link.token,
    url: absolute(link.url),
    role: link.role,
    expiresAt: link.expiresAt,
    usesLeft: link.usesLeft,
    createdBy: link.createdBy,
  });
  const changed = new Emitter<void>();
  const workspaceId = session.summary.id;
  const me = session.user.id;
  const here = () => {
    const peers = session.peers.get();
    return {
      ids: new Set(peers.flatMap((p) => (p.userId ? [p.userId] : []))),
      // A window from before presence carried the account names only its member.
      names: new Set(peers.filter((p) => !p.userId).map((p) => p.name)),
    };
  };
  const infoOf = (m: Member, now = here()): MemberInfo => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    joinedAt: m.joinedAt,
    here: m.userId === me || now.ids.has(m.userId) || now.names.has(m.name),
    you: m.userId === me,
    colour: colourFor(m.userId),
  });
  // Presence fires on every cursor move; the list only changes when who is here does.
  let present = '';
  const followPresence = session.peers.onDidChange(() => {
    const now = [...new Set(session.peers.get().map((p) => p.userId ?? p.name))].sort().join('\n');
    if (now === present) return;
    present = now;
    changed.fire();
  });
  // Another owner's change, or one from this member's other window: the server tells every window.
  const followServer = session.sync.onDidChangeMembers(() => changed.fire());
  const after = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    changed.fire();
    return result;
  };
  return {
    list: async () => {
      const now = here();
      return (await session.api.members(workspaceId)).map((m) => infoOf(m, now));
    },
    onDidChange: changed.event,
    setRole: async (userId, role) =>
      infoOf(await after(session.api.setRole(workspaceId, userId, role))),
    remove: (userId) => after(session.api.removeMember(workspaceId, userId)),
    invite: async (invitation) => {
      const made = await after(session.api.invite(workspaceId, invitation));
      const listed = (await session.api.invitations(workspaceId)).find(
        (l) => l.token === made.token,
      );
      // The server's list says how many may join with it and who made it; the answer does not.
      if (!listed) throw new Error('The server made the link but does not list it: reload.');
      return linkOf(listed);
    },
    invitations: async () => (await session.api.invitations(workspaceId)).map(linkOf),
    revokeInvitation: (token) => after(session.api.revokeInvitation(workspaceId, token)),
    dispose: () => {
      followPresence.dispose();
      followServer.dispose();
      changed.dispose();
    },
  };
}
