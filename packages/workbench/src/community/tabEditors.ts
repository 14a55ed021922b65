import type { Entity } from '@repertoire/schema';
import { DocumentTab, documentIdOf } from '../plugins/DocumentTab.tsx';
import { EntityEditorTab, entityIdOf } from '../plugins/EntityEditorTab.tsx';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { EditorProvider } from '../services/editors.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import type { Community } from './communityContext.tsx';

/**
 * The tabs of the community's URIs: entity pages (`entity:<id>`, rendered by the plugin that
 * registered the page for the entity's kind), documents in their own tab (`doc:<id>`, the
 * document editor plugin's view, which draws the whole tab). Tab titles follow renames.
 */
export function registerTabEditors(services: WorkbenchServices, community: Community): Disposable {
  const { session, catalog } = community;
  const ws = session.workspace;
  const titleOf = (id: string) => ws.getEntity(id as Entity['id'])?.title ?? 'Deleted';
  const followed = (provider: EditorProvider): Disposable => {
    let registered = services.editorProviders.register(provider);
    // Re-registering makes the tabs re-read titles after a rename (here or by someone else).
    const titles = catalog.onDidChange(() => {
      registered = services.editorProviders.register({ ...provider });
    });
    return combineDisposables(titles, { dispose: () => registered.dispose() });
  };
  return combineDisposables(
    followed({
      id: 'entity',
      describe: (uri) => {
        const e = ws.getEntity(entityIdOf(uri) as Entity['id']);
        return {
          title: e?.title ?? 'Deleted',
          icon: (e && ws.kinds.entityKind(e.kind)?.definition.icon) || 'file-text',
        };
      },
      component: EntityEditorTab,
    }),
    followed({
      id: 'doc',
      describe: (uri) => ({ title: titleOf(documentIdOf(uri)), icon: 'file-text' }),
      component: DocumentTab,
    }),
  );
}
