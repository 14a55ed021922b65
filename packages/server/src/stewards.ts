// Coordinators and facilitators ("stewards") see every member's activity and participation
// (issue 16, "Who sees what"). Who is one is the `role` field of their `member` entity in the
// shared graph, so the server guards that field: only owners make or unmake a steward.

/** The entity kind whose `role` field makes a steward. */
export const MEMBER_KIND = 'member';

/** Member roles that see everyone's activity. */
export const STEWARD_ROLES: ReadonlySet<string> = new Set(['coordinator', 'facilitator']);

/** Whether a member entity's `role` field value makes them a steward. */
export const isStewardRole = (value: unknown): boolean =>
  typeof value === 'string' && STEWARD_ROLES.has(value);
