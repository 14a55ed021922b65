import * as Y from 'yjs';
import { ApiError } from '../store/errors.ts';
import { snapshotLabelSchema, versionNameSchema } from '../store/historyStore.ts';
import { graphDocumentName } from '../sync/documentName.ts';
import { exportWorkspace, importWorkspace } from '../workspaceArchive.ts';
import {
  type ApiContext,
  documentState,
  requireRole,
  requireUser,
  toBase64,
} from './apiContext.ts';
import { readJson, sendJson } from './httpIO.ts';
import { readBody } from './requestBody.ts';
import type { Router } from './router.ts';

const DOC_ID = /^[A-Za-z0-9_-]{1,100}$/;

function checkDocId(docId: string): string {
  if (!DOC_ID.test(docId)) throw new ApiError('invalid_input', 'docId: not a document id', 'docId');
  return docId;
}

/** Graph snapshots, document versions, and import/export. */
export function addHistoryRoutes(router: Router, api: ApiContext): void {
  const { history, workspaces, documents } = api.services;

  router.add('GET', '/api/workspaces/:id/history/graph', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    await requireRole(api, params.id as string, user, 'viewer');
    sendJson(response, 200, { snapshots: await history.snapshots(params.id as string) });
  });

  router.add('POST', '/api/workspaces/:id/history/graph', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    const id = params.id as string;
    await requireRole(api, id, user, 'editor');
    const { label } = await readBody(request, snapshotLabelSchema);
    const state = await documentState(api, graphDocumentName(id));
    sendJson(response, 201, {
      snapshot: await history.addSnapshot(id, state, 'manual', label, user.id),
    });
  });

  router.add(
    'GET',
    '/api/workspaces/:id/history/graph/state',
    async ({ request, response, params, url }) => {
      const user = await requireUser(api, request);
      const id = params.id as string;
      await requireRole(api, id, user, 'viewer');
      const at = url.searchParams.get('at');
      const snapshotId = url.searchParams.get('snapshot');
      if (!at && !snapshotId)
        throw new ApiError('invalid_input', 'at: give `at` or `snapshot`', 'at');
      if (at && Number.isNaN(Date.parse(at)))
        throw new ApiError('invalid_input', 'at: must be an ISO 8601 time', 'at');
      const found = await history.snapshotAt(
        id,
        snapshotId ? { id: snapshotId } : { at: new Date(at as string).toISOString() },
      );
      if (!found && snapshotId) throw new ApiError('not_found', 'no such snapshot');
      sendJson(response, 200, {
        snapshot: found?.info ?? null,
        update: toBase64(found?.state ?? Y.encodeStateAsUpdate(new Y.Doc())),
      });
    },
  );

  router.add(
    'GET',
    '/api/workspaces/:id/documents/:docId/versions',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      await requireRole(api, params.id as string, user, 'viewer');
      const name = `${params.id}/doc/${checkDocId(params.docId as string)}`;
      sendJson(response, 200, { versions: await history.versions(name) });
    },
  );

  router.add(
    'POST',
    '/api/workspaces/:id/documents/:docId/versions',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      await requireRole(api, params.id as string, user, 'editor');
      const name = `${params.id}/doc/${checkDocId(params.docId as string)}`;
      const body = await readBody(request, versionNameSchema);
      const version = await history.addVersion(
        name,
        body.name,
        user.id,
        await documentState(api, name),
      );
      sendJson(response, 201, { version });
    },
  );

  router.add(
    'GET',
    '/api/workspaces/:id/documents/:docId/versions/:versionId',
    async ({ request, response, params }) => {
      const user = await requireUser(api, request);
      await requireRole(api, params.id as string, user, 'viewer');
      const name = `${params.id}/doc/${checkDocId(params.docId as string)}`;
      const found = await history.version(name, params.versionId as string);
      if (!found) throw new ApiError('not_found', 'no such version');
      sendJson(response, 200, { version: found.version, update: toBase64(found.state) });
    },
  );

  router.add('GET', '/api/workspaces/:id/export', async ({ request, response, params }) => {
    const user = await requireUser(api, request);
    await requireRole(api, params.id as string, user, 'viewer');
    sendJson(
      response,
      200,
      await exportWorkspace(workspaces, documents, params.id as string, (name) =>
        documentState(api, name),
      ),
    );
  });

  router.add('POST', '/api/workspaces/import', async ({ request, response }) => {
    const user = await requireUser(api, request);
    const body = await readJson(request, api.services.limits.maxImportBytes);
    const imported = await importWorkspace(
      workspaces,
      documents,
      body,
      user.id,
      undefined,
      (bytes) => api.services.quota.checkNewWorkspace(user.id, bytes),
    );
    sendJson(response, 201, { workspace: await workspaces.summary(imported.id, user.id) });
  });
}
