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
 * A co-edited document given as text in an archive to import, instead of a Yjs update:
 * `{ "markdown": "# Notes…" }` or `{ "text": "Plain words…" }`. An export never writes these.
 */
export type TextDocument = { markdown: string } | { text: string };

/**
 * Turns a {@link TextDocument} into a Yjs update of a real editor document. The server package
 * has no editor; the caller passes the headless editor's writer.
 */
export type TextDocumentImporter = (format: 'markdown' | 'text', source: string) => Uint8Array;

/** The source of a text document entry, or undefined when the entry is not one. */
function textDocument(value: unknown): { format: 'markdown' | 'text'; source: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const keys = Object.keys(value);
  const entry = value as Record<string, unknown>;
  if (keys.length !== 1) return undefined;
  if (typeof entry.markdown === 'string') return { format: 'markdown', source: entry.markdown };
  if (typeof entry.text === 'string') return { format: 'text', source: entry.text };
  return undefined;
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
 * `ownerId`. Validates everything before writing anything. With `importText`, `doc/<id>`
 * entries may also be {@link TextDocument}s (Markdown or plain text), which become editor
 * documents.
 */
export function importWorkspace(
  workspaces: WorkspaceStore,
  documents: DocumentStore,
  archive: unknown,
  ownerId: string | null,
  onProgress?: (done: number, total: number) => void,
  importText?: TextDocumentImporter,
): { id: string; name: string } {
  const a = archive as Partial<WorkspaceArchive> | null;
  if (typeof a !== 'object' || a === null || a.format !== 'repertoire-workspace')
    throw invalid('format', "must be 'repertoire-workspace'");
  if (a.version !== 1) throw invalid('version', 'must be 1');
  if (typeof a.workspace?.name !== 'string') throw invalid('workspace.name', 'must be a string');
  if (typeof a.documents !== 'object' || a.documents === null)
    throw invalid('documents', 'must be an object');
  const decoded: [string, Uint8Array][] = [];
  for (const [suffix, base64] of Object.entries(a.documents as Record<string, unknown>)) {
    if (suffix !== 'graph' && !/^doc\/[A-Za-z0-9_-]{1,100}$/.test(suffix))
      throw invalid(`documents.${suffix}`, "names must be 'graph' or 'doc/<id>'");
    const text = suffix === 'graph' ? undefined : textDocument(base64);
    if (text) {
      if (!importText)
        throw invalid(
          `documents.${suffix}`,
          'Markdown and text documents can only be imported with `repertoire workspace import`',
        );
      decoded.push([suffix, importText(text.format, text.source)]);
      continue;
    }
    if (typeof base64 !== 'string')
      throw invalid(
        `documents.${suffix}`,
        'must be a base64 Yjs update, or { "markdown": … } or { "text": … } for a document',
      );
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
