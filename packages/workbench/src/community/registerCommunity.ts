import type { Entity } from '@repertoire/schema';
import { inviteFlow, MembersView } from '../account/MembersView.tsx';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { StatusItem } from '../services/statusBar.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import type { Community } from './communityContext.tsx';
import { DocumentTab, documentIdOf } from './DocumentPane.tsx';
import { EntityPage, entityIdOf } from './EntityPage.tsx';
import { createEntityFlow, deleteEntityFlow, linkFlow, renameEntityFlow } from './entityActions.ts';
import { JoinedWelcome, startingPoints } from './JoinedWelcome.tsx';

/** What the app does for account-level commands (they leave the workspace). */
export interface AccountActions {
  signOut(): void;
  switchWorkspace(): void;
  createWorkspace(): void;
}

/** The side bar container of the workspace's members (accounts, roles, who is here, invites). */
export const MEMBERS_CONTAINER = 'workspace.members';

const VIEWER_REASON = (name: string) =>
  `You are a viewer in ${name}: you can read everything but not change it. Ask an owner to make you an editor.`;

/**
 * Registers everything the open workspace shows that is still the shell's: the Members view, entity pages,
 * quick open over entities, the community commands, and the connection, sync and presence status
 * items. Dispose when the workspace closes.
 */
export function registerCommunity(
  services: WorkbenchServices,
  community: Community,
  account: AccountActions,
): Disposable {
  const { session, catalog } = community;
  const ws = session.workspace;
  const d: Disposable[] = [];
  const activeEntity = () => {
    const uri = services.editors.activeUri();
    return uri?.startsWith('entity:') ? entityIdOf(uri) : undefined;
  };
  const canEdit = () => !services.readOnly.get().readOnly;

  d.push(
    // `workspace.*`, not `community.*`: the community plugin owns that namespace (its roles view).
    services.containers.register({
      id: MEMBERS_CONTAINER,
      title: 'Members',
      icon: 'users',
      location: 'sidebar',
      order: 5,
    }),
    services.views.register({
      id: 'workspace.members',
      container: MEMBERS_CONTAINER,
      title: 'Members',
      component: MembersView,
    }),
  );

  const entityProvider = {
    id: 'entity',
    describe: (uri: string) => {
      const e = ws.getEntity(entityIdOf(uri) as Entity['id']);
      return {
        title: e?.title ?? 'Deleted',
        icon: (e && ws.kinds.entityKind(e.kind)?.definition.icon) || 'file-text',
      };
    },
    component: EntityPage,
  };
  let providerReg = services.editorProviders.register(entityProvider);
  // Re-registering makes the tabs re-read titles after a rename (here or by someone else).
  const titles = catalog.onDidChange(() => {
    const next = services.editorProviders.register({ ...entityProvider });
    providerReg = next;
  });
  d.push({ dispose: () => providerReg.dispose() }, titles);
  const documentProvider = {
    id: 'doc',
    describe: (uri: string) => ({
      title: ws.getEntity(documentIdOf(uri) as Entity['id'])?.title ?? 'Deleted',
      icon: 'file-text',
    }),
    component: DocumentTab,
  };
  let documentReg = services.editorProviders.register(documentProvider);
  const documentTitles = catalog.onDidChange(() => {
    documentReg = services.editorProviders.register({ ...documentProvider });
  });
  d.push({ dispose: () => documentReg.dispose() }, documentTitles);
  d.push(
    services.editorProviders.register({
      id: 'welcome',
      describe: () => ({ title: `Welcome to ${session.summary.name}`, icon: 'sparkles' }),
      component: JoinedWelcome,
    }),
  );

  d.push(
    services.quickOpen.register({
      id: 'entities',
      title: 'Community',
      search: (query, limit) =>
        catalog.search(query, limit).map((e) => {
          const kind = ws.kinds.entityKind(e.kind)?.definition;
          return {
            id: e.id,
            label: e.title,
            description: kind?.label ?? e.kind,
            icon: kind?.icon ?? 'circle',
            run: () => services.editors.open(`entity:${e.id}`),
          };
        }),
    }),
  );

  const command = (
    id: string,
    title: string,
    category: string,
    run: () => unknown,
    extra: { icon?: string; key?: string; enabled?: () => boolean } = {},
  ) => {
    d.push(
      services.commands.register({
        id,
        title,
        category,
        run,
        ...(extra.icon ? { icon: extra.icon } : {}),
        ...(extra.enabled ? { enabled: extra.enabled } : {}),
      }),
    );
    if (extra.key) d.push(services.keybindings.register({ id, key: extra.key, command: id }));
  };
  for (const def of ws.kinds.entityKinds()) {
    command(
      `entity.new.${def.kind}`,
      `New ${def.label.toLowerCase()}`,
      'Community',
      () => createEntityFlow(services, ws, def.kind),
      {
        icon: def.icon,
        enabled: canEdit,
      },
    );
  }
  command(
    'entity.rename',
    'Rename this entry',
    'Community',
    () => {
      const id = activeEntity();
      if (id) return renameEntityFlow(services, ws, id);
    },
    { icon: 'pencil', enabled: () => canEdit() && !!activeEntity() },
  );
  command(
    'entity.delete',
    'Delete this entry',
    'Community',
    () => {
      const id = activeEntity();
      if (id) deleteEntityFlow(services, ws, id);
    },
    { icon: 'trash', enabled: () => canEdit() && !!activeEntity() },
  );
  command(
    'entity.link',
    'Link this entry to…',
    'Community',
    () => {
      const id = activeEntity();
      if (id) return linkFlow(services, ws, id);
    },
    { icon: 'link', enabled: () => canEdit() && !!activeEntity() },
  );
  command(
    'edit.undo',
    'Undo my last change',
    'Edit',
    () => ws.undo() || services.notifications.info('Nothing to undo.'),
    {
      icon: 'undo',
      enabled: canEdit,
    },
  );
  command(
    'edit.redo',
    'Redo',
    'Edit',
    () => ws.redo() || services.notifications.info('Nothing to redo.'),
    { icon: 'refresh', enabled: canEdit },
  );
  command('workspace.invite', 'Invite people…', 'Workspace', () => inviteFlow(services, session), {
    icon: 'user-plus',
    enabled: () => session.summary.role === 'owner',
  });
  command(
    'workspace.showMembers',
    'Show members',
    'Workspace',
    () => services.layout.showSidebar(MEMBERS_CONTAINER),
    { icon: 'users' },
  );
  command('workspace.switch', 'Switch workspace…', 'Workspace', () => account.switchWorkspace(), {
    icon: 'layers',
  });
  command('workspace.create', 'Create a workspace…', 'Workspace', () => account.createWorkspace(), {
    icon: 'plus',
  });
  command('account.signOut', 'Sign out', 'Account', () => account.signOut(), { icon: 'log-out' });
  command('sync.goOffline', 'Work offline', 'Sync', () => session.sync.goOffline(), {
    icon: 'cloud-off',
    enabled: () => !session.sync.state.get().manualOffline,
  });
  command('sync.goOnline', 'Reconnect', 'Sync', () => session.sync.goOnline(), {
    icon: 'cloud',
    enabled: () => session.sync.state.get().manualOffline,
  });
  command('sync.showStatus', 'Show sync status', 'Sync', () => {
    const s = session.sync.state.get();
    services.notifications.info(
      `${s.status === 'connected' ? 'Connected' : s.status === 'offline' ? 'Offline' : s.status === 'unauthorized' ? 'Signed out of the sync server' : 'Connecting'} · ${s.pendingChanges === 0 ? 'all changes saved on the server' : `${s.pendingChanges} change(s) waiting to be sent`}.`,
    );
  });

  // Status bar: workspace, connection, sync, presence.
  const status = (item: StatusItem) => services.statusItems.register(item);
  const regs = new Map<string, Disposable>();
  const put = (item: StatusItem) => {
    regs.set(item.id, status(item));
  };
  put({
    id: 'workspace.name',
    alignment: 'left',
    priority: 100,
    text: session.summary.name,
    icon: 'layers',
    tooltip: `Your role: ${session.summary.role}. Click to switch workspace.`,
    command: 'workspace.switch',
  });
  const renderSync = () => {
    const s = session.sync.state.get();
    const connection: StatusItem =
      s.status === 'connected'
        ? {
            id: 'sync.connection',
            alignment: 'left',
            priority: 90,
            text: 'Connected',
            icon: 'wifi',
            tooltip: 'Connected: changes are shared live.',
            command: 'sync.showStatus',
          }
        : s.status === 'unauthorized'
          ? {
              id: 'sync.connection',
              alignment: 'left',
              priority: 90,
              text: 'Sign in again',
              icon: 'alert-circle',
              tone: 'error',
              tooltip: 'The sync server refused this session.',
              command: 'account.signOut',
            }
          : s.status === 'connecting'
            ? {
                id: 'sync.connection',
                alignment: 'left',
                priority: 90,
                text: 'Connecting…',
                icon: 'refresh',
                tooltip: 'Reaching the server; you can keep working.',
                command: 'sync.showStatus',
              }
            : {
                id: 'sync.connection',
                alignment: 'left',
                priority: 90,
                text: s.manualOffline ? 'Working offline' : 'Offline',
                icon: 'wifi-off',
                tone: 'warning',
                tooltip:
                  'Offline: your changes are kept on this device and merge when you reconnect.',
                command: s.manualOffline ? 'sync.goOnline' : 'sync.showStatus',
              };
    put(connection);
    // A viewer has nothing to save: the server refuses their updates, which would read as unsaved.
    if (session.readOnly) {
      regs.get('sync.pending')?.dispose();
      regs.delete('sync.pending');
      return;
    }
    put(
      s.pendingChanges > 0
        ? {
            id: 'sync.pending',
            alignment: 'left',
            priority: 80,
            text: `${s.pendingChanges} unsaved`,
            icon: 'cloud-off',
            tooltip: 'Changes not yet on the server.',
          }
        : {
            id: 'sync.pending',
            alignment: 'left',
            priority: 80,
            text: 'Saved',
            icon: 'check',
            tooltip: 'Everything is saved on the server.',
          },
    );
  };
  renderSync();
  d.push(session.sync.state.onDidChange(renderSync));
  const renderPeers = () => {
    const peers = session.peers.get();
    put({
      id: 'presence',
      alignment: 'right',
      priority: 50,
      text: peers.length === 0 ? 'Only you' : `${peers.length + 1} here`,
      icon: 'users',
      tooltip:
        peers.length === 0
          ? 'Nobody else has this workspace open.'
          : `Here now: you, ${peers.map((p) => p.name).join(', ')}`,
      command: 'workspace.showMembers',
    });
  };
  renderPeers();
  d.push(session.peers.onDidChange(renderPeers));

  const renderReadOnly = () =>
    services.readOnly.set(
      session.readOnly
        ? { readOnly: true, reason: VIEWER_REASON(session.summary.name) }
        : { readOnly: false },
    );
  renderReadOnly();
  d.push(session.graph.readOnly.onDidChange(renderReadOnly));
  d.push({
    dispose: () => {
      for (const r of regs.values()) r.dispose();
      services.readOnly.set({ readOnly: false });
    },
  });
  return combineDisposables(...d);
}

/** Opens the workspace's most connected entry so a newcomer meets a living workspace at once. */
export function openStartingPage(services: WorkbenchServices, session: WorkspaceSession): void {
  const best = startingPoints(session).mostConnected;
  if (best) services.editors.open(`entity:${best.id}`);
}
