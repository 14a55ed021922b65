import { randomBytes } from 'node:crypto';

/** A random id with a readable prefix, e.g. `u_3kq…` (URL-safe). */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}
