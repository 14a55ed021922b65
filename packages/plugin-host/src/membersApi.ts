import type {
  Event,
  MemberRole,
  MembersApi,
  NewInvitation,
  PluginPermission,
} from '@repertoire/plugin-api';
import type { MembersBackend } from './services.ts';

const ROLES: readonly MemberRole[] = ['owner', 'editor', 'viewer'];

/** Permission check of the plugin's context: throws `PermissionDeniedError` unless granted. */
type Need = (permission: PluginPermission, call: string) => void;
/** Subscribes through an event after the permission check, tracking the subscription. */
type Tracked = <T>(event: Event<T>, permission?: [PluginPermission, string]) => Event<T>;

const textOf = (call: string, what: string, value: unknown): string => {
  if (typeof value !== 'string' || value === '') throw new Error(`${call}: give ${what}.`);
  return value;
};

/**
 * The API's `members` for one plugin: reads need `members.read`, changes `members.manage`. Only
 * the permission and the arguments' shape are checked here; whether this window's member may make
 * the change (owners only) is the server's decision, through the backend.
 */
export function membersApi(
  backend: MembersBackend | undefined,
  need: Need,
  tracked: Tracked,
): MembersApi {
  const backendFor = (permission: PluginPermission, call: string): MembersBackend => {
    need(permission, call);
    if (!backend)
      throw new Error('Members are not available in this workspace (it has no server).');
    return backend;
  };
  const changes: Event<void> = (listener) =>
    backendFor('members.read', 'members.onDidChange').onDidChange(listener);
  return {
    async list() {
      return backendFor('members.read', 'members.list').list();
    },
    onDidChange: tracked(changes, ['members.read', 'members.onDidChange']),
    async setRole(userId, role) {
      const call = 'members.setRole';
      const members = backendFor('members.manage', call);
      const user = textOf(call, 'the user id of a member', userId);
      if (!ROLES.includes(role))
        throw new Error(`${call}: the role must be one of ${ROLES.join(', ')}.`);
      return members.setRole(user, role);
    },
    async remove(userId) {
      const call = 'members.remove';
      const members = backendFor('members.manage', call);
      return members.remove(textOf(call, 'the user id of a member', userId));
    },
    async invite(invitation: NewInvitation) {
      const call = 'members.invite';
      const members = backendFor('members.manage', call);
      const role = invitation?.role;
      if (role !== 'editor' && role !== 'viewer')
        throw new Error(
          `${call}: the role must be editor or viewer (owners are made, not invited).`,
        );
      const maxUses = invitation.maxUses;
      if (maxUses !== undefined && !(Number.isInteger(maxUses) && maxUses > 0))
        throw new Error(`${call}: maxUses must be a positive whole number.`);
      return members.invite(maxUses === undefined ? { role } : { role, maxUses });
    },
    async invitations() {
      return backendFor('members.manage', 'members.invitations').invitations();
    },
    async revokeInvitation(token) {
      const call = 'members.revokeInvitation';
      const members = backendFor('members.manage', call);
      return members.revokeInvitation(textOf(call, 'the token of an invitation link', token));
    },
  };
}
