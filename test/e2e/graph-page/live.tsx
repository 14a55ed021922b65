/// <reference lib="dom" />
// The live mode of the graph test page: the graph explorer on a workspace synced through a real
// Repertoire server, the way the graph-explorer plugin embeds it. Query parameters: workspace,
// sync (the server's /sync WebSocket URL), member (a display name).
import { HocuspocusProvider } from '@hocuspocus/provider';
import { createGraphDoc, GraphIndex, graphDocName, Workspace } from '@repertoire/core';
import {
  GraphExplorer,
  memoryPositionStore,
  serverGraphAt,
  stylesFromManifests,
  workspaceGraphSource,
} from '@repertoire/graph-view';
import { builtinManifests, registerBuiltinKinds } from '@repertoire/plugin-sample-community';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    /** The live workspace behind the page, for the tests to act as the member would. */
    live?: { workspace: Workspace; linked: string[] };
  }
}

/** Connects to the server and shows the explorer once the graph has synced. */
export function startLive(root: HTMLElement, params: URLSearchParams): void {
  const workspaceId = params.get('workspace') ?? '';
  const doc = createGraphDoc();
  const provider = new HocuspocusProvider({
    url: params.get('sync') ?? '',
    name: graphDocName(workspaceId),
    document: doc,
    // The session cookie goes with this same-origin request; the token names the member.
    token: async () =>
      ((await (await fetch('/api/sync-token', { method: 'POST' })).json()) as { token: string })
        .token,
  });
  const workspace = new Workspace(doc, { user: params.get('member') ?? 'member', id: workspaceId });
  registerBuiltinKinds(workspace);
  const manifests = builtinManifests();
  const { styles, labels } = stylesFromManifests(manifests);
  const relationKinds = manifests.flatMap((m) => m.contributes.relationKinds ?? []);
  const linked: string[] = [];
  window.live = { workspace, linked };

  // The member picked entities and asked to link them: the first relation kind that may join
  // the first to the second (the workbench asks which one).
  const link = (ids: string[]) => {
    const [from, to] = ids.map((id) => workspace.getEntity(id as never));
    if (!from || !to) return;
    const kind = relationKinds.find((r) => r.from.includes(from.kind) && r.to.includes(to.kind));
    if (!kind) return;
    linked.push(workspace.link(from.id, kind.type, to.id).id);
  };

  provider.on('synced', () => {
    if (window.graph.view) return;
    const source = workspaceGraphSource(workspace, new GraphIndex(doc));
    createRoot(root).render(
      <GraphExplorer
        source={source}
        styles={styles}
        labels={labels}
        positions={memoryPositionStore()}
        graphAt={serverGraphAt({ workspaceId })}
        onOpen={(id) => window.graph.opened.push(id)}
        onLink={link}
        onReady={(view) => {
          window.graph.view = view;
        }}
      />,
    );
  });
}
