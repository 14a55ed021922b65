import { fromBase64 } from '@repertoire/core';
import type { DocumentVersionInfo, DocumentVersions } from './documentVersions.ts';

/** Options of {@link httpDocumentVersions}. */
export interface HttpDocumentVersionsOptions {
  /** The workspace id. */
  workspaceId: string;
  /** The document entity's id (not its `<workspace>/doc/<id>` name). */
  documentId: string;
  /** The server's origin; same origin when omitted (the browser sends the session cookie). */
  baseUrl?: string;
  /** A fetch to use instead of the global one (a Node test's, carrying a session cookie). */
  fetch?: typeof fetch;
}

/**
 * A document's named versions over the server's history routes
 * (`/api/workspaces/:id/documents/:docId/versions`, see packages/server/API.md): what the
 * workbench passes as `DocumentEditor`'s `versions`. Errors carry the server's message.
 */
export function httpDocumentVersions(options: HttpDocumentVersionsOptions): DocumentVersions {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = `${options.baseUrl ?? ''}/api/workspaces/${encodeURIComponent(
    options.workspaceId,
  )}/documents/${encodeURIComponent(options.documentId)}/versions`;
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await doFetch(`${base}${path}`, {
      credentials: 'include',
      ...init,
      headers: {
        accept: 'application/json',
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
      },
    });
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } } & T;
    if (!res.ok) throw new Error(body.error?.message ?? `the server answered ${res.status}`);
    return body;
  };
  return {
    list: async () => (await call<{ versions: DocumentVersionInfo[] }>('')).versions,
    save: async (name) =>
      (
        await call<{ version: DocumentVersionInfo }>('', {
          method: 'POST',
          body: JSON.stringify({ name }),
        })
      ).version,
    load: async (id) =>
      fromBase64((await call<{ update: string }>(`/${encodeURIComponent(id)}`)).update),
  };
}
