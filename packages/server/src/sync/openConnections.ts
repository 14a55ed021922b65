import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { Role } from '../store/workspaceStore.ts';
import type { AccessChange } from './accessChanges.ts';
import { closeSocket } from './closeSocket.ts';
import { parseDocumentName } from './documentName.ts';
import type { SyncContext } from './syncContext.ts';

/** Close codes and reasons of connections ended by an access change (see API.md). */
export const ACCESS_CLOSE = {
  removed: { code: 4403, reason: 'Forbidden: no longer a member of this workspace' },
  signedOut: { code: 4401, reason: 'Unauthorized: signed out' },
  roleChanged: { code: 4409, reason: 'Role changed: reconnect to continue' },
} as const;

/**
 * The stateless message every window on a workspace's graph gets after a role change or removal
 * there, so member lists (the plugin API's `members.onDidChange`) follow another owner's change.
 */
export const MEMBERS_CHANGED = JSON.stringify({ type: 'members-changed' });

/** A y-websocket connection as the access rules see it. */
export interface TrackedSocket {
  readonly context: SyncContext;
  close(code: number, reason: string): void;
}

/**
 * Applies access changes to the connections open on this instance, on both protocols:
 * - a removed member's connections to the workspace close (4403), so they get no more edits;
 * - a new role applies at once: a viewer's connection is read-only from that moment. A
 *   Hocuspocus socket is then closed with 4409 so the provider reconnects and learns its new
 *   scope; a y-websocket connection keeps going under the new role (its next edit as a viewer
 *   closes it with the read-only reason);
 * - a session that ends (sign-out) closes every connection opened with it (4401).
 */
export class OpenConnections {
  readonly #sockets = new Set<TrackedSocket>();
  #hocuspocus: Hocuspocus | undefined;

  /** The Hocuspocus instance whose document connections follow the changes. */
  attach(hocuspocus: Hocuspocus): void {
    this.#hocuspocus = hocuspocus;
  }

  /** Follows a y-websocket connection until the returned function is called. */
  track(socket: TrackedSocket): () => void {
    this.#sockets.add(socket);
    return () => this.#sockets.delete(socket);
  }

  /** Applies `change` to every matching open connection. */
  apply(change: AccessChange): void {
    if (change.type === 'member') this.#tellMembersChanged(change.workspaceId);
    for (const connection of this.#hocuspocusConnections(change)) {
      const context = connection.context as SyncContext;
      if (change.type === 'session') {
        closeSocket(connection, ACCESS_CLOSE.signedOut.code, ACCESS_CLOSE.signedOut.reason);
      } else if (change.role === null) {
        connection.readOnly = true;
        closeSocket(connection, ACCESS_CLOSE.removed.code, ACCESS_CLOSE.removed.reason);
      } else if (change.role !== context.role) {
        setRole(context, change.role);
        connection.readOnly = change.role === 'viewer';
        closeSocket(connection, ACCESS_CLOSE.roleChanged.code, ACCESS_CLOSE.roleChanged.reason);
      }
    }
    for (const socket of [...this.#sockets]) {
      if (!matches(socket.context, change)) continue;
      if (change.type === 'session')
        socket.close(ACCESS_CLOSE.signedOut.code, ACCESS_CLOSE.signedOut.reason);
      else if (change.role === null)
        socket.close(ACCESS_CLOSE.removed.code, ACCESS_CLOSE.removed.reason);
      else setRole(socket.context, change.role);
    }
  }

  /** Every instance applies each change, so this tells only the connections open here. */
  #tellMembersChanged(workspaceId: string): void {
    const graph = this.#hocuspocus?.documents.get(`${workspaceId}/graph`);
    for (const connection of graph?.getConnections() ?? [])
      connection.sendStateless(MEMBERS_CHANGED);
  }

  *#hocuspocusConnections(change: AccessChange): Iterable<Connection> {
    if (!this.#hocuspocus) return;
    for (const [name, document] of this.#hocuspocus.documents) {
      if (change.type === 'member' && parseDocumentName(name)?.workspaceId !== change.workspaceId)
        continue;
      for (const connection of document.getConnections()) {
        const context = connection.context as SyncContext | undefined;
        if (context?.user && matches(context, change)) yield connection;
      }
    }
  }
}

function matches(context: SyncContext, change: AccessChange): boolean {
  return change.type === 'session'
    ? context.sessionId === change.sessionId
    : context.user.id === change.userId && context.workspaceId === change.workspaceId;
}

function setRole(context: SyncContext, role: Role): void {
  context.role = role;
}
