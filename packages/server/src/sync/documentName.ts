/** A parsed document name: the workspace graph, or one co-edited document of a workspace. */
export type DocumentName =
  | { kind: 'graph'; workspaceId: string }
  | { kind: 'doc'; workspaceId: string; docId: string };

const ID = '[A-Za-z0-9_-]{1,100}';
const GRAPH = new RegExp(`^(${ID})/graph$`);
const DOC = new RegExp(`^(${ID})/doc/(${ID})$`);

/** Parses `<workspaceId>/graph` or `<workspaceId>/doc/<docId>`; null for anything else. */
export function parseDocumentName(name: string): DocumentName | null {
  const graph = GRAPH.exec(name);
  if (graph) return { kind: 'graph', workspaceId: graph[1] as string };
  const doc = DOC.exec(name);
  if (doc) return { kind: 'doc', workspaceId: doc[1] as string, docId: doc[2] as string };
  return null;
}

/** The graph document name of a workspace. */
export function graphDocumentName(workspaceId: string): string {
  return `${workspaceId}/graph`;
}
