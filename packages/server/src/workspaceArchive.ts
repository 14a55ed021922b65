import * as Y from 'yjs';
import { z } from 'zod';
import type { DocumentStore } from './store/documentStore.ts';
import { invalid } from './store/errors.ts';
import { newId } from './store/ids.ts';
import { parseInput } from './store/validate.ts';
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

/**
 * Exports a workspace. `stateOf` reads a document's current state (the live one when loaded),
 * so an export while serving is consistent per document.
 */
export async function exportWorkspace(
  workspaces: WorkspaceStore,
  documents: DocumentStore,
  workspaceId: string,
  stateOf: (name: string) => Promise<Uint8Array> = async (name) =>
    (await documents.load(name)) ?? new Uint8Array(),
  onProgress?: (done: number, total: number) => void,
): Promise<WorkspaceArchive> {
  const name = await workspaces.name(workspaceId);
  if (name === null) throw invalid('workspaceId', `no workspace '${workspaceId}'`);
  const names = await documents.names(`${workspaceId}/`);
  const out: Record<string, string> = {};
  for (const [i, doc] of names.entries()) {
    out[doc.slice(workspaceId.length + 1)] = Buffer.from(await stateOf(doc)).toString('base64');
    onProgress?.(i + 1, names.length);
  }
  return {
    format: 'repertoire-workspace',
    version: 1,
    workspace: { id: workspaceId, name },
    documents: out,
  };
}

const archiveSchema = z.object({
  format: z.literal('repertoire-workspace', "must be 'repertoire-workspace'"),
  version: z.literal(1, 'must be 1'),
  workspace: z.object({ name: z.string('must be a string') }, 'must be an object'),
  documents: z.record(
    z.string().regex(/^(graph|doc\/[A-Za-z0-9_-]{1,100})$/, "names must be 'graph' or 'doc/<id>'"),
    z.union(
      [z.base64(), z.strictObject({ markdown: z.string() }), z.strictObject({ text: z.string() })],
      'must be a base64 Yjs update, or { "markdown": … } or { "text": … } for a document',
    ),
    'must be an object',
  ),
});

/**
 * Imports an archive as a new workspace (new id, so it never overwrites one) owned by
 * `ownerId`. Validates everything before writing anything. Each document is stored as the state
 * it decodes to, re-encoded, so bytes an update does not use (padding) are never stored;
 * `checkSize` sees the total about to be stored and may refuse it by throwing. With `importText`,
 * `doc/<id>` entries may also be {@link TextDocument}s (Markdown or plain text), which become
 * editor documents.
 */
export async function importWorkspace(
  workspaces: WorkspaceStore,
  documents: DocumentStore,
  archive: unknown,
  ownerId: string | null,
  onProgress?: (done: number, total: number) => void,
  checkSize?: (bytes: number) => void | Promise<void>,
  importText?: TextDocumentImporter,
): Promise<{ id: string; name: string }> {
  const a = parseInput(archiveSchema, archive);
  const decoded: [string, Uint8Array][] = [];
  for (const [suffix, entry] of Object.entries(a.documents)) {
    if (typeof entry !== 'string') {
      if (suffix === 'graph') throw invalid('documents.graph', 'must be a base64 Yjs update');
      if (!importText)
        throw invalid(
          `documents.${suffix}`,
          'Markdown and text documents can only be imported with `repertoire workspace import`',
        );
      decoded.push(
        'markdown' in entry
          ? [suffix, importText('markdown', entry.markdown)]
          : [suffix, importText('text', entry.text)],
      );
      continue;
    }
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, new Uint8Array(Buffer.from(entry, 'base64')));
    } catch {
      throw invalid(`documents.${suffix}`, 'is not a Yjs update');
    }
    decoded.push([suffix, Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
  }
  await checkSize?.(decoded.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0));
  const id = newId('w');
  const workspace = await workspaces.create(a.workspace.name, ownerId, id);
  for (const [i, [suffix, bytes]] of decoded.entries()) {
    await documents.put(`${id}/${suffix}`, bytes);
    onProgress?.(i + 1, decoded.length);
  }
  return { id, name: workspace.name };
}
