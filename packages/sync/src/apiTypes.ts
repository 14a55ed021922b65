/** A signed-up account. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

/** What a member may do in a workspace: owner manages, editor writes, viewer reads. */
export type Role = 'owner' | 'editor' | 'viewer';

/** A workspace as the signed-in user sees it, with their role. */
export interface WorkspaceSummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

/** A member of a workspace. */
export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly joinedAt: string;
}

/** An invitation link to a workspace. */
export interface Invitation {
  readonly token: string;
  readonly url: string;
  readonly role: Exclude<Role, 'owner'>;
  readonly expiresAt: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
}

/** An invitation link as its workspace's owners list it: still usable, until it expires or is used up. */
export interface InvitationInfo {
  readonly token: string;
  readonly url: string;
  readonly role: Exclude<Role, 'owner'>;
  readonly expiresAt: string;
  /** How many more people can join with it. */
  readonly usesLeft: number;
  /** The user id of the owner who made it. */
  readonly createdBy: string;
}

/** What anyone holding an invitation token may learn about it. */
export interface InvitationPreview {
  readonly workspaceName: string;
  readonly role: Exclude<Role, 'owner'>;
  readonly expiresAt: string;
}

/** A snapshot the server kept of a workspace's graph (automatically while members edit, or asked). */
export interface GraphSnapshotInfo {
  readonly id: string;
  /** When it was taken (ISO 8601). */
  readonly at: string;
  readonly trigger: 'auto' | 'manual';
  readonly label: string | null;
  /** Who asked for it (null for automatic ones). */
  readonly createdBy: string | null;
}
