import type { MemberRole } from '@repertoire/plugin-api';

/** What each role may do, as the member reads it beside the role. */
export const ROLE_HELP: Record<MemberRole, string> = {
  owner: 'manages members and plugins',
  editor: 'reads and changes everything',
  viewer: 'reads everything, changes nothing',
};

/** The roles, most to least. */
export const ROLES: readonly MemberRole[] = ['owner', 'editor', 'viewer'];

const COLOURS = [
  '#e5484d',
  '#f76b15',
  '#ffb224',
  '#30a46c',
  '#0d74ce',
  '#8e4ec6',
  '#d6409f',
  '#12a594',
];

/** A stable colour for an account, so a member keeps theirs on every screen. */
export function colourFor(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length] ?? COLOURS[0]!;
}
