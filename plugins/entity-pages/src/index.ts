import {
  type Disposable,
  linkEntities,
  type PluginContext,
  toDisposable,
} from '@repertoire/plugin-api';
import { activeEntity, deleteEntity, renameEntity } from './entityActions.ts';

/** This plugin's package.json, whose `repertoire` field is its manifest. */
export { default as packageJson } from '../package.json' with { type: 'json' };
export { deleteEntity, renameEntity, saveField } from './entityActions.ts';
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
      onActive((id) => linkEntities(context, id)),
    ),
    context.views.registerCustomView('entityPages.page', {
      editorFor: { entities: '*' },
      mount(element, view) {
        // The page (React and its components) is its own chunk, fetched when a page is first
        // shown, so activating this plugin at start costs the workspace's opening almost nothing.
        let mounted: Disposable | undefined;
        let disposed = false;
        void import('./pageView.tsx').then(({ mountPageView }) => {
          if (!disposed) mounted = mountPageView(element, view, context);
        });
        return toDisposable(() => {
          disposed = true;
          mounted?.dispose();
        });
      },
    }),
  );
}
