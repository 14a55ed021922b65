import type { MemberRole } from '@repertoire/plugin-api';

/** What each role may do, as the member reads it beside the role. */
export const ROLE_HELP: Record<MemberRole, string> = {
  owner: 'manages members and plugins',
  editor: 'reads and changes everything',
  viewer: 'reads everything, changes nothing',
};

/** The roles, most to least. */
export const ROLES: readonly MemberRole[] = ['owner', 'editor', 'viewer'];
