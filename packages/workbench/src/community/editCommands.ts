import type { Workspace } from '@repertoire/core';
import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';

/**
 * Undo and redo of the member's own changes to the graph, whichever view or plugin made them
 * (plugins' transactions are undo steps of the same history). The entity commands (rename, delete,
 * link) belong to the Entity pages plugin.
 */
export function registerEditCommands(services: WorkbenchServices, ws: Workspace): Disposable[] {
  const canEdit = () => !services.readOnly.get().readOnly;
  return contributeCommands(services, [
    {
      id: 'edit.undo',
      title: 'Undo my last change',
      category: 'Edit',
      run: () => ws.undo() || services.notifications.info('Nothing to undo.'),
      icon: 'undo',
      enabled: canEdit,
    },
    {
      id: 'edit.redo',
      title: 'Redo',
      category: 'Edit',
      run: () => ws.redo() || services.notifications.info('Nothing to redo.'),
      icon: 'refresh',
      enabled: canEdit,
    },
  ]);
}
