import type { User } from '../store/accountStore.ts';
import type { Role } from '../store/workspaceStore.ts';

/** What the server knows about an authenticated document connection. */
export interface SyncContext {
  user: User;
  workspaceId: string;
  /** Kept up to date while the connection is open: a role change applies at once. */
  role: Role;
  /** The session the sync token was issued to; signing out closes the connection. */
  sessionId: string;
}

/** A transaction origin that names the member behind a change made outside Hocuspocus's own connections. */
export interface MemberOrigin {
  source: 'local';
  context: SyncContext;
}

/** The member behind a Yjs transaction origin, when the server knows one. */
export function memberOf(origin: unknown): SyncContext | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const o = origin as { source?: string; connection?: { context?: unknown }; context?: unknown };
  const context =
    o.source === 'connection'
      ? o.connection?.context
      : o.source === 'local'
        ? o.context
        : undefined;
  if (typeof context !== 'object' || context === null) return null;
  const c = context as Partial<SyncContext>;
  return c.user && c.workspaceId ? (c as SyncContext) : null;
}
