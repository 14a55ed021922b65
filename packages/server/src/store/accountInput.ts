import { z } from 'zod';

/**
 * The one form an email is stored and looked up in: Unicode NFKC (so a fullwidth `ａ＠ｂ` is the
 * same address as `a@b`), trimmed and lower-cased.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** An email address, normalized by {@link normalizeEmail}. */
export const emailSchema = z
  .string('must be an email address')
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address')
      .max(320),
  );

/** A new password. */
export const passwordSchema = z
  .string('must be 8 to 200 characters')
  .min(8, 'must be 8 to 200 characters')
  .max(200, 'must be 8 to 200 characters');

/** A display name, trimmed. */
export const displayNameSchema = z
  .string('must be 1 to 100 characters')
  .trim()
  .min(1, 'must be 1 to 100 characters')
  .max(100, 'must be 1 to 100 characters');

/** What a new account needs. */
export const accountInputSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: displayNameSchema,
});
