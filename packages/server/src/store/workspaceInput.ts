import { z } from 'zod';

/** A workspace's name, trimmed. */
export const workspaceNameSchema = z
  .string('must be 1 to 120 characters')
  .trim()
  .min(1, 'must be 1 to 120 characters')
  .max(120, 'must be 1 to 120 characters');

/** A member's role. */
export const roleSchema = z.enum(['owner', 'editor', 'viewer'], {
  error: "must be 'owner', 'editor' or 'viewer'",
});

/** What an invitation link is made with. */
export const invitationInputSchema = z.object({
  role: z.enum(['editor', 'viewer'], { error: "must be 'editor' or 'viewer'" }),
  expiresInHours: z
    .number('must be a number of hours between 0 and 2160')
    .gt(0, 'must be a number of hours between 0 and 2160')
    .max(24 * 90, 'must be a number of hours between 0 and 2160')
    .default(168),
  maxUses: z
    .int('must be an integer from 1 to 1000')
    .min(1, 'must be an integer from 1 to 1000')
    .max(1000, 'must be an integer from 1 to 1000')
    .default(1),
});

/** The plugins a workspace enables: ids, or null for "all installed". */
export const enabledPluginsSchema = z
  .array(z.string().max(200), 'must be a list of plugin ids or null')
  .max(1000)
  .nullable();
