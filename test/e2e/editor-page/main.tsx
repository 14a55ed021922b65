// A page with one co-edited document and the community graph, both synced through a real
// Hocuspocus server, as the e2e tests and the editor benchmark drive it. Query parameters:
// ws (server URL), member (id), name, colour, seed=1 (create the sample community), plain=1 (the
// same editor without collaboration, for the benchmark), workspace (its id; default w1). When the
// runner exposes `editorSyncToken()` (the Repertoire server), every connection asks it for a
// signed-in member's sync token and the page writes nothing to the graph: the server checks the
// graph against the real kinds, which this page only imitates.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { GraphIndex, reconcileMentions, Workspace } from '@repertoire/core';
import {
  type CollabSession,
  createWorkspaceDirectory,
  DocumentEditor,
  type DocumentVersionInfo,
  type DocumentVersions,
  type EntityDirectory,
  type EntityHit,
  exportMarkdown,
  fromHocuspocus,
  importMarkdown,
  type MentionTarget,
} from '@repertoire/editor';
import { asEntityId } from '@repertoire/schema';
import { $getRoot, type LexicalEditor, UNDO_COMMAND } from 'lexical';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';

const params = new URLSearchParams(location.search);
const ws = params.get('ws') ?? '';
const memberId = params.get('member') ?? 'm-ada';
const name = params.get('name') ?? 'Ada';
const colour = params.get('colour') ?? '#d33682';
const plain = params.get('plain') === '1';
const WORKSPACE = params.get('workspace') ?? 'w1';
const DOC_ID = asEntityId(params.get('doc') ?? 'doc-1');

const tokenSource = (window as unknown as { editorSyncToken?: () => Promise<string> })
  .editorSyncToken;
const token = tokenSource ? { token: () => tokenSource() } : {};

const graphDoc = new Y.Doc();
const graphProvider = plain
  ? null
  : new HocuspocusProvider({ url: ws, name: `${WORKSPACE}/graph`, document: graphDoc, ...token });
const workspace = new Workspace(graphDoc, { user: memberId, id: WORKSPACE });
for (const kind of ['member', 'practice', 'artifact'])
  workspace.registerEntityKind({
    kind,
    label: kind,
    pluralLabel: `${kind}s`,
    icon: 'circle',
    colour: '#888888',
    fields: [],
  });
const index = new GraphIndex(graphDoc);
const workspaceDirectory = createWorkspaceDirectory({
  workspace,
  index,
  creatableKinds: [
    { kind: 'practice', label: 'practice' },
    { kind: 'artifact', label: 'artifact' },
  ],
});
// Creation answers later, as it does in the workbench where the graph is behind the plugin API.
const directory: EntityDirectory = {
  ...workspaceDirectory,
  create: (kind, title) =>
    new Promise((resolve) =>
      setTimeout(() => resolve(workspaceDirectory.create?.(kind, title) as EntityHit), 50),
    ),
};
const opened: string[] = [];

// Named versions kept in this page's memory, as the server's history routes keep them.
const savedVersions: { info: DocumentVersionInfo; update: Uint8Array }[] = [];
const versions: DocumentVersions = {
  list: async () => savedVersions.map((v) => v.info),
  save: async (versionName) => {
    const info = {
      id: `v${savedVersions.length + 1}`,
      name: versionName,
      createdAt: new Date().toISOString(),
      createdBy: memberId,
    };
    savedVersions.push({ info, update: Y.encodeStateAsUpdate(doc) });
    return info;
  },
  load: async (id) => {
    const found = savedVersions.find((v) => v.info.id === id);
    if (!found) throw new Error(`no version ${id}`);
    return found.update;
  },
};

let graphSynced = plain;
let lastMentions: MentionTarget[] = [];
const reconcile = () => {
  if (graphSynced && workspace.hasEntity(DOC_ID))
    reconcileMentions(
      workspace,
      DOC_ID,
      lastMentions.map((t) => asEntityId(t.entityId)),
    );
};
graphProvider?.on('synced', () => {
  graphSynced = true;
  if (params.get('seed') === '1' && !tokenSource) {
    const seed: [string, string, string][] = [
      ['m-ada', 'member', 'Ada'],
      ['m-bo', 'member', 'Bo'],
      ['p-walks', 'practice', 'Learning walks'],
      [DOC_ID, 'artifact', 'Meeting notes'],
    ];
    for (const [id, kind, title] of seed)
      if (!workspace.hasEntity(asEntityId(id))) workspace.createEntity({ id, kind, title });
  }
  reconcile();
});

const doc = new Y.Doc();
let docProvider: HocuspocusProvider | null = null;
let session: CollabSession | undefined;
const connectDocument = () => {
  if (plain) return;
  docProvider = new HocuspocusProvider({
    url: ws,
    name: `${WORKSPACE}/doc/${DOC_ID}`,
    document: doc,
    ...token,
  });
  session = fromHocuspocus(docProvider);
};

// Benchmark probes. Times are on one clock shared by every page of the browser
// (timeOrigin + now), so a keystroke in one page can be matched with its arrival in another.
const clock = () => performance.timeOrigin + performance.now();
const keydowns: number[] = [];
const mutations: [number, number][] = [];
// When each Yjs update from elsewhere reached this page's Y.Doc (before Lexical applies it).
const arrivals: number[] = [];
const editorElement = () => document.querySelector('[data-testid=editor]') as HTMLElement | null;

let editor: LexicalEditor | undefined;
let openedIn = Number.NaN;
const api = {
  synced: () => (docProvider ? !docProvider.hasUnsyncedChanges : true),
  /** Records keydowns here and every change to this page's editor DOM with the text length. */
  probe: () => {
    const element = editorElement();
    if (!element) throw new Error('probe: no editor');
    element.addEventListener(
      'keydown',
      (e) => keydowns.push(performance.timeOrigin + e.timeStamp),
      {
        capture: true,
      },
    );
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === docProvider) arrivals.push(clock());
    });
    new MutationObserver(() => mutations.push([clock(), element.textContent?.length ?? 0])).observe(
      element,
      { subtree: true, childList: true, characterData: true },
    );
  },
  probed: () => ({ keydowns, mutations, arrivals }),
  textLength: () => editorElement()?.textContent?.length ?? 0,
  /** Mounts the editor (pages opened with deferred=1) and resolves when `length` characters show. */
  open: (length: number, editorStateJson?: string) =>
    new Promise<number>((resolve) => {
      const start = performance.now();
      connectDocument();
      mount((e) => {
        if (editorStateJson) e.setEditorState(e.parseEditorState(editorStateJson));
      });
      const check = () => {
        if ((editorElement()?.textContent?.length ?? 0) >= length) {
          openedIn = performance.now() - start;
          resolve(openedIn);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }),
  editorStateJson: () => JSON.stringify(editor?.getEditorState().toJSON()),
  ready: () => editor !== undefined && (plain || (docProvider?.isSynced ?? false)),
  loaded: () => true,
  graphReady: () => graphSynced && workspace.hasEntity(DOC_ID),
  text: () => editor?.read(() => $getRoot().getTextContent()) ?? '',
  markdown: () => (editor ? exportMarkdown(editor) : ''),
  mentions: () => workspace.relations({ from: DOC_ID, type: 'mentions' }).map((r) => r.to),
  undo: () => editor?.dispatchCommand(UNDO_COMMAND, undefined),
  goOffline: () => docProvider?.disconnect(),
  goOnline: () => docProvider?.connect(),
  rename: (id: string, title: string) => workspace.updateEntity(asEntityId(id), { title }),
  opened: () => [...opened],
  entityByTitle: (title: string) => {
    const e = workspace.entities().find((x) => x.title === title);
    return e ? { id: e.id, kind: e.kind } : null;
  },
  paragraphs: () => editor?.read(() => $getRoot().getChildrenSize()) ?? 0,
  loadMarkdown: (markdown: string) => {
    if (editor) importMarkdown(editor, markdown);
  },
};
(window as unknown as { editorTest: typeof api }).editorTest = api;

function mount(onReady?: (editor: LexicalEditor) => void) {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <DocumentEditor
      documentId={`${WORKSPACE}/doc/${DOC_ID}`}
      {...(session ? { session } : {})}
      member={{ id: memberId, name, colour }}
      directory={directory}
      onOpenEntity={(id) => opened.push(id)}
      {...(plain ? {} : { versions })}
      shouldBootstrap={params.get('seed') === '1'}
      onMentionsChange={(targets) => {
        lastMentions = targets;
        reconcile();
      }}
      onEditor={(e) => {
        editor = e;
        onReady?.(e);
      }}
    />,
  );
}

if (params.get('deferred') !== '1') {
  connectDocument();
  mount();
}
