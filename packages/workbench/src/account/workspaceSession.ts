import { createGraphDoc, graphDocName, Workspace } from '@repertoire/core';
import {
  type ApiClient,
  SyncClient,
  type SyncedDocument,
  type User,
  type WorkspaceSummary,
} from '@repertoire/sync';
import { ObservableValue } from '../services/observable.ts';

/** Someone else who has this workspace open now. */
export interface Peer {
  readonly clientId: number;
  /** Their account, when their window says (every current one does). */
  readonly userId?: string;
  readonly name: string;
  readonly colour: string;
  /** The URI of what they are looking at, e.g. `entity:<id>`. */
  readonly viewing?: string;
}

const COLOURS = [
  '#e5484d',
  '#f76b15',
  '#ffb224',
  '#30a46c',
  '#0d74ce',
  '#8e4ec6',
  '#d6409f',
  '#12a594',
];

/** A stable colour for a user, so each member keeps theirs across sessions and screens. */
export function colourFor(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length]!;
}

/** Options of `WorkspaceSession.open`. */
export interface WorkspaceSessionOptions {
  readonly api: ApiClient;
  readonly user: User;
  readonly workspace: WorkspaceSummary;
  /**
   * The Hocuspocus URL; by default `/sync/<workspaceId>` on the page's origin, which any instance
   * of a scaled-out server forwards to the instance that owns the workspace.
   */
  readonly syncUrl?: string;
}

/**
 * One open workspace: the connection, the graph document (synced, cached offline) and the core
 * `Workspace` over it, plus who else is here (Yjs awareness on the graph document).
 */
export class WorkspaceSession {
  readonly api: ApiClient;
  readonly user: User;
  readonly summary: WorkspaceSummary;
  readonly sync: SyncClient;
  readonly graph: SyncedDocument;
  readonly workspace: Workspace;
  /** Other members here now. */
  readonly peers = new ObservableValue<readonly Peer[]>([]);
  readonly #onAwareness: () => void;

  private constructor(options: WorkspaceSessionOptions) {
    this.api = options.api;
    this.user = options.user;
    this.summary = options.workspace;
    const url =
      options.syncUrl ??
      `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync/${encodeURIComponent(options.workspace.id)}`;
    this.sync = new SyncClient({
      url,
      token: async () => (await this.api.syncToken()).token,
      cacheNamespace: this.user.id,
    });
    this.graph = this.sync.open(graphDocName(this.summary.id), { doc: createGraphDoc() });
    this.workspace = new Workspace(this.graph.doc, { user: this.user.id, id: this.summary.id });
    const awareness = this.graph.provider.awareness;
    awareness?.setLocalStateField('user', {
      id: this.user.id,
      name: this.user.name,
      colour: colourFor(this.user.id),
    });
    this.#onAwareness = () => {
      if (!awareness) return;
      const peers: Peer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const u = (
          state as { user?: { id?: string; name?: string; colour?: string }; viewing?: string }
        ).user;
        if (!u?.name) continue;
        peers.push({
          clientId,
          ...(typeof u.id === 'string' ? { userId: u.id } : {}),
          name: u.name,
          colour: u.colour ?? '#888',
          ...((state as { viewing?: string }).viewing
            ? { viewing: (state as { viewing: string }).viewing }
            : {}),
        });
      }
      this.peers.set(peers);
    };
    awareness?.on('change', this.#onAwareness);
  }

  /** Opens a workspace; resolves once its graph shows something (offline cache or server). */
  static async open(options: WorkspaceSessionOptions): Promise<WorkspaceSession> {
    const session = new WorkspaceSession(options);
    await session.graph.whenLoaded;
    return session;
  }

  /** Whether this member may only read (a viewer), by role or as the server granted. */
  get readOnly(): boolean {
    return this.summary.role === 'viewer' || this.graph.readOnly.get();
  }

  /** Tells the others what this member is looking at. */
  setViewing(uri: string | undefined): void {
    this.graph.provider.awareness?.setLocalStateField('viewing', uri ?? null);
  }

  /** Closes the workspace and its connection. */
  dispose(): void {
    this.graph.provider.awareness?.off('change', this.#onAwareness);
    this.workspace.dispose();
    this.graph.release();
    this.sync.destroy();
  }
}
