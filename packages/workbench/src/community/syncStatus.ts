import type { WorkspaceSession } from '../account/workspaceSession.ts';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { StatusItem } from '../services/statusBar.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';

/** The connection item for a sync state: what the member reads, and what a click does. */
function connectionItem(s: ReturnType<WorkspaceSession['sync']['state']['get']>): StatusItem {
  const common = { id: 'sync.connection', alignment: 'left', priority: 90 } as const;
  if (s.status === 'connected')
    return {
      ...common,
      text: 'Connected',
      icon: 'wifi',
      tooltip: 'Connected: changes are shared live.',
      command: 'sync.showStatus',
    };
  if (s.status === 'unauthorized')
    return {
      ...common,
      text: 'Sign in again',
      icon: 'alert-circle',
      tone: 'error',
      tooltip: 'The sync server refused this session.',
      command: 'account.signOut',
    };
  if (s.status === 'connecting')
    return {
      ...common,
      text: 'Connecting…',
      icon: 'refresh',
      tooltip: 'Reaching the server; you can keep working.',
      command: 'sync.showStatus',
    };
  return {
    ...common,
    text: s.manualOffline ? 'Working offline' : 'Offline',
    icon: 'wifi-off',
    tone: 'warning',
    tooltip: 'Offline: your changes are kept on this device and merge when you reconnect.',
    command: s.manualOffline ? 'sync.goOnline' : 'sync.showStatus',
  };
}

/**
 * The sync session in the workbench: "Work offline", "Reconnect", "Show sync status", and the
 * status items for the connection and for unsaved changes (none for a viewer, who saves nothing).
 */
export function registerSyncStatus(
  services: WorkbenchServices,
  session: WorkspaceSession,
): Disposable {
  const items = new Map<string, Disposable>();
  const put = (item: StatusItem) => items.set(item.id, services.statusItems.register(item));
  const render = () => {
    const s = session.sync.state.get();
    put(connectionItem(s));
    // A viewer has nothing to save: the server refuses their updates, which would read as unsaved.
    if (session.readOnly) {
      items.get('sync.pending')?.dispose();
      items.delete('sync.pending');
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
  render();
  return combineDisposables(
    ...contributeCommands(services, [
      {
        id: 'sync.goOffline',
        title: 'Work offline',
        category: 'Sync',
        run: () => session.sync.goOffline(),
        icon: 'cloud-off',
        enabled: () => !session.sync.state.get().manualOffline,
      },
      {
        id: 'sync.goOnline',
        title: 'Reconnect',
        category: 'Sync',
        run: () => session.sync.goOnline(),
        icon: 'cloud',
        enabled: () => session.sync.state.get().manualOffline,
      },
      {
        id: 'sync.showStatus',
        title: 'Show sync status',
        category: 'Sync',
        run: () => {
          const s = session.sync.state.get();
          const state =
            s.status === 'connected'
              ? 'Connected'
              : s.status === 'offline'
                ? 'Offline'
                : s.status === 'unauthorized'
                  ? 'Signed out of the sync server'
                  : 'Connecting';
          const pending =
            s.pendingChanges === 0
              ? 'all changes saved on the server'
              : `${s.pendingChanges} change(s) waiting to be sent`;
          services.notifications.info(`${state} · ${pending}.`);
        },
      },
    ]),
    session.sync.state.onDidChange(render),
    {
      dispose: () => {
        for (const item of items.values()) item.dispose();
      },
    },
  );
}
