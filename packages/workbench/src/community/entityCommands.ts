import type { Workspace } from '@repertoire/core';
import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { contributeCommands } from './contributeCommand.ts';
import { entityIdOf } from './EntityPage.tsx';
import { createEntityFlow, deleteEntityFlow, linkFlow, renameEntityFlow } from './entityActions.ts';

/**
 * Commands on the community's entries: "New <kind>" for each kind, and rename, delete, link for
 * the entry whose page is open; undo and redo of the member's own changes.
 */
export function registerEntityCommands(services: WorkbenchServices, ws: Workspace): Disposable[] {
  const activeEntity = () => {
    const uri = services.editors.activeUri();
    return uri?.startsWith('entity:') ? entityIdOf(uri) : undefined;
  };
  const canEdit = () => !services.readOnly.get().readOnly;
  const onActive = () => canEdit() && !!activeEntity();
  return contributeCommands(services, [
    ...ws.kinds.entityKinds().map((def) => ({
      id: `entity.new.${def.kind}`,
      title: `New ${def.label.toLowerCase()}`,
      category: 'Community',
      run: () => createEntityFlow(services, ws, def.kind),
      icon: def.icon,
      enabled: canEdit,
    })),
    {
      id: 'entity.rename',
      title: 'Rename this entry',
      category: 'Community',
      run: () => {
        const id = activeEntity();
        if (id) return renameEntityFlow(services, ws, id);
      },
      icon: 'pencil',
      enabled: onActive,
    },
    {
      id: 'entity.delete',
      title: 'Delete this entry',
      category: 'Community',
      run: () => {
        const id = activeEntity();
        if (id) deleteEntityFlow(services, ws, id);
      },
      icon: 'trash',
      enabled: onActive,
    },
    {
      id: 'entity.link',
      title: 'Link this entry to…',
      category: 'Community',
      run: () => {
        const id = activeEntity();
        if (id) return linkFlow(services, ws, id);
      },
      icon: 'link',
      enabled: onActive,
    },
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
