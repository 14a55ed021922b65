import type { IncomingMessage } from 'node:http';
import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ServerServices } from '../services.ts';
import type { User } from '../store/accountStore.ts';
import { ApiError } from '../store/errors.ts';
import { atLeast, type Role, type WorkspaceSummary } from '../store/workspaceStore.ts';
import type { ClientAddressOf } from './clientAddress.ts';
import { readCookie } from './httpIO.ts';

/** The name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'repertoire_session';

/** What the API routes share: the services, the live Hocuspocus instance, and options. */
export interface ApiContext {
  services: ServerServices;
  hocuspocus: () => Hocuspocus;
  /** Where installed plugins live (`<dir>/<plugin>/package.json`). */
  pluginsDir: string | undefined;
  /** Set the `Secure` flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** The origin members reach the server at (`https://cop.example.org`), when configured. */
  publicOrigin: string | undefined;
  /** The client behind a request, through trusted proxies (for limits and logs). */
  clientAddress: ClientAddressOf;
}

/** The origin links and WebSocket URLs are built on: the public URL's, else the request's host. */
export function publicBase(api: ApiContext, request: IncomingMessage): string {
  if (api.publicOrigin) return api.publicOrigin;
  return `${api.secureCookies ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
}

/** The signed-in user of a request, or a 401. */
export async function requireUser(api: ApiContext, request: IncomingMessage): Promise<User> {
  const session = readCookie(request, SESSION_COOKIE);
  const user = session ? await api.services.accounts.sessionUser(session) : null;
  if (!user) throw new ApiError('unauthenticated', 'sign in first');
  return user;
}

/** The caller's membership of `workspaceId` when it is at least `needed`, else 403/404. */
export async function requireRole(
  api: ApiContext,
  workspaceId: string,
  user: User,
  needed: Role,
): Promise<WorkspaceSummary> {
  const summary = await api.services.workspaces.summary(workspaceId, user.id);
  if (!summary) {
    if (!(await api.services.workspaces.exists(workspaceId)))
      throw new ApiError('not_found', 'no such workspace');
    throw new ApiError('forbidden', 'you are not a member of this workspace');
  }
  if (!atLeast(summary.role, needed))
    throw new ApiError('forbidden', `this needs the ${needed} role; you are ${summary.role}`);
  return summary;
}

/** The current state of a document: the live one if loaded, else the stored one. */
export async function documentState(api: ApiContext, name: string): Promise<Uint8Array> {
  const live = api.hocuspocus().documents.get(name);
  if (live) return Y.encodeStateAsUpdate(live);
  return (await api.services.documents.load(name)) ?? Y.encodeStateAsUpdate(new Y.Doc());
}

/** Base64 of bytes, for JSON. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
