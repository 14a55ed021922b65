import * as Y from 'yjs';
import type { DocumentStore } from './store/documentStore.ts';
import { invalid } from './store/errors.ts';
import { newId } from './store/ids.ts';
import type { WorkspaceStore } from './store/workspaceStore.ts';

/** A whole workspace as JSON: its name and every document as a base64 Yjs update. */
export interface WorkspaceArchive {
  format: 'repertoire-workspace';
  version: 1;
  workspace: { id: string; name: string };
  documents: Record<string, string>;
}

/**
 * Exports a workspace. `stateOf` reads a document's current state (the live one when loaded),
 * so an export while serving is consistent per document.
 */
export function exportWorkspace(
  workspaces: WorkspaceStore,
  documents: DocumentStore,
  workspaceId: string,
  stateOf: (name: string) => Uint8Array = (name) => documents.load(name) ?? new Uint8Array(),
  onProgress?: (done: number, total: number) => void,
): WorkspaceArchive {
  const name = workspaces.name(workspaceId);
  if (name === null) throw invalid('workspaceId', `no workspace '${workspaceId}'`);
  const names = documents.names(`${workspaceId}/`);
  const out: Record<string, string> = {};
  names.forEach((doc, i) => {
    out[doc.slice(workspaceId.length + 1)] = Buffer.from(stateOf(doc)).toString('base64');
    onProgress?.(i + 1, names.length);
  });
  return {
    format: 'repertoire-workspace',
    version: 1,
    workspace: { id: workspaceId, name },
    documents: out,
  };
}

/**
 * Imports an archive as a new workspace (new id, so it never overwrites one) owned by
 * `ownerId`. Validates everything before writing anything.
 */
export function importWorkspace(
  workspaces: WorkspaceStore,
  documents: DocumentStore,
  archive: unknown,
  ownerId: string | null,
  onProgress?: (done: number, total: number) => void,
): { id: string; name: string } {
  const a = archive as Partial<WorkspaceArchive> | null;
  if (typeof a !== 'object' || a === null || a.format !== 'repertoire-workspace')
    throw invalid('format', "must be 'repertoire-workspace'");
  if (a.version !== 1) throw invalid('version', 'must be 1');
  if (typeof a.workspace?.name !== 'string') throw invalid('workspace.name', 'must be a string');
  if (typeof a.documents !== 'object' || a.documents === null)
    throw invalid('documents', 'must be an object');
  const decoded: [string, Uint8Array][] = [];
  for (const [suffix, base64] of Object.entries(a.documents)) {
    if (suffix !== 'graph' && !/^doc\/[A-Za-z0-9_-]{1,100}$/.test(suffix))
      throw invalid(`documents.${suffix}`, "names must be 'graph' or 'doc/<id>'");
    if (typeof base64 !== 'string') throw invalid(`documents.${suffix}`, 'must be a base64 string');
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    try {
      Y.applyUpdate(new Y.Doc(), bytes);
    } catch {
      throw invalid(`documents.${suffix}`, 'is not a Yjs update');
    }
    decoded.push([suffix, bytes]);
  }
  const id = newId('w');
  const workspace = workspaces.create(a.workspace.name, ownerId, id);
  decoded.forEach(([suffix, bytes], i) => {
    documents.put(`${id}/${suffix}`, bytes);
    onProgress?.(i + 1, decoded.length);
  });
  return { id, name: workspace.name };
}
