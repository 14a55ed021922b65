import type { Event } from '@repertoire/base';

/** What a member may do in the workspace: owners manage members and plugins (since 1.4). */
export type MemberRole = 'owner' | 'editor' | 'viewer';

/** One account that belongs to the workspace, as the server lists it (since 1.4). */
export interface MemberInfo {
  /** The account's user id. */
  readonly userId: string;
  /** Its display name. */
  readonly name: string;
  /** Its sign-in e-mail. */
  readonly email: string;
  /** Its role in this workspace, as the server records it. */
  readonly role: MemberRole;
  /** When it joined (ISO 8601). */
  readonly joinedAt: string;
  /** Whether it has the workspace open now (this window's member always has). */
  readonly here: boolean;
  /** Whether it is the account using this window. */
  readonly you: boolean;
  /** Its presence colour (CSS), the same as its cursor's and avatar's on every screen. */
  readonly colour: string;
}

/** An invitation link that can still be used, as the workspace's owners see it (since 1.4). */
export interface InvitationLinkInfo {
  /** The link's secret token; revoke with it. */
  readonly token: string;
  /** The link to send, absolute. */
  readonly url: string;
  /** The role whoever joins with it gets. */
  readonly role: Exclude<MemberRole, 'owner'>;
  /** When it stops working (ISO 8601). */
  readonly expiresAt: string;
  /** How many more people can join with it. */
  readonly usesLeft: number;
  /** The user id of the owner who made it. */
  readonly createdBy: string;
}

/** What {@link MembersApi.invite} makes (since 1.4). */
export interface NewInvitation {
  /** The role whoever joins with it gets. */
  readonly role: Exclude<MemberRole, 'owner'>;
  /** How many people can join with it (default: the server's). */
  readonly maxUses?: number;
}

/**
 * The workspace's accounts: who belongs, with which role, who is here now, and the owners' tools
 * (roles, removal, invitation links). Since API 1.4. Reading needs `members.read`; every change
 * needs `members.manage`, and the server still refuses it unless this window's member is an owner,
 * so a plugin can never give anyone more than its member has.
 */
export interface MembersApi {
  /** Every member, with role and presence (`members.read`). */
  list(): Promise<MemberInfo[]>;
  /**
   * Fires when the list may have changed: someone arrived or left, or a change made through this
   * API (`members.read`). Call {@link MembersApi.list} again.
   */
  readonly onDidChange: Event<void>;
  /** Gives a member another role (`members.manage`; owners only, the server decides). */
  setRole(userId: string, role: MemberRole): Promise<MemberInfo>;
  /** Removes a member from the workspace (`members.manage`; owners only). */
  remove(userId: string): Promise<void>;
  /** Makes an invitation link (`members.manage`; owners only). */
  invite(invitation: NewInvitation): Promise<InvitationLinkInfo>;
  /** The invitation links that can still be used (`members.manage`; owners only). */
  invitations(): Promise<InvitationLinkInfo[]>;
  /** Revokes an invitation link at once (`members.manage`; owners only). */
  revokeInvitation(token: string): Promise<void>;
}
