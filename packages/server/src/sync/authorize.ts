import type { AccountStore } from '../store/accountStore.ts';
import type { WorkspaceStore } from '../store/workspaceStore.ts';
import { parseDocumentName } from './documentName.ts';
import type { SyncContext } from './syncContext.ts';
import type { SyncTokens } from './syncToken.ts';

/** Why a document connection was refused. */
export class AccessRefused extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(code: 4401 | 4403 | 4429, reason: string) {
    super(reason);
    this.code = code;
    this.reason = reason;
  }
}

/**
 * Checks a sync token and the caller's membership of the workspace that `documentName` belongs
 * to; every document protocol (Hocuspocus, y-websocket) goes through this one check.
 */
export async function authorizeDocument(
  deps: { tokens: SyncTokens; accounts: AccountStore; workspaces: WorkspaceStore },
  token: string | null | undefined,
  documentName: string,
): Promise<SyncContext> {
  const claims = await deps.tokens.verify(token);
  if (!claims) throw new AccessRefused(4401, 'Unauthorized');
  // The token dies with its session: after sign-out it opens nothing, though not yet expired.
  const user = await deps.accounts.sessionUser(claims.sessionId);
  if (user?.id !== claims.userId)
    throw new AccessRefused(4401, 'Unauthorized: the session has ended; sign in again');
  const name = parseDocumentName(documentName);
  if (!name) throw new AccessRefused(4403, `Forbidden: '${documentName}' is not a document name`);
  const role = await deps.workspaces.role(name.workspaceId, user.id);
  if (!role) throw new AccessRefused(4403, 'Forbidden: not a member of this workspace');
  return { user, workspaceId: name.workspaceId, role, sessionId: claims.sessionId };
}
