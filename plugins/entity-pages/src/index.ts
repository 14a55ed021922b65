import { type PluginContext, toDisposable } from '@repertoire/plugin-api';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { EntityPage } from './EntityPage.tsx';
import { activeEntity, deleteEntity, linkEntity, renameEntity } from './entityActions.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { deleteEntity, linkEntity, renameEntity, saveField } from './entityActions.ts';
export { changesPage, groupRelations, loadPage, type PageModel } from './pageModel.ts';

/**
 * Activates entity pages: the editor of every entity kind (`editorFor: { entities: '*' }`), so
 * opening an entity anywhere shows its page here, rendered with React and fed only by the plugin
 * API; and the commands on the entry in front of the member (rename, delete, link).
 */
export function activate(context: PluginContext): void {
  const onActive = (run: (id: string) => Promise<unknown>) => async () => {
    const id = await activeEntity(context);
    if (id) await run(id);
  };
  context.subscriptions.push(
    context.commands.registerCommand(
      'entity.rename',
      onActive((id) => renameEntity(context, id)),
    ),
    context.commands.registerCommand(
      'entity.delete',
      onActive((id) => deleteEntity(context, id)),
    ),
    context.commands.registerCommand(
      'entity.link',
      onActive((id) => linkEntity(context, id)),
    ),
    context.views.registerCustomView('entityPages.page', {
      editorFor: { entities: '*' },
      mount(element, view) {
        // Render into a child of our own, so unmounting never fights the workbench over its element.
        const container = document.createElement('div');
        container.className = 'rp-entity-page-view';
        (element as unknown as HTMLElement).append(container);
        const root = createRoot(container);
        if (view.entityId === undefined) {
          container.innerHTML =
            '<div class="rp-page"><p class="rp-empty">Open an entry from the Explorer, the graph or quick open (Ctrl+P) to see its page here.</p></div>';
        } else {
          root.render(createElement(EntityPage, { context, view, entityId: view.entityId }));
        }
        return toDisposable(() => {
          // The workbench disposes views while React commits; unmount this root just after.
          queueMicrotask(() => {
            root.unmount();
            container.remove();
          });
        });
      },
    }),
  );
}
