import type { Entity } from '@repertoire/schema';
import { combineDisposables, type Disposable } from '../services/disposable.ts';
import type { EditorProvider } from '../services/editors.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import type { Community } from './communityContext.tsx';
import { DocumentTab, documentIdOf } from './DocumentPane.tsx';
import { EntityPage, entityIdOf } from './EntityPage.tsx';
import { JoinedWelcome } from './JoinedWelcome.tsx';

/**
 * The editors of the community's URIs: entity pages (`entity:<id>`), documents in their own tab
 * (`doc:<id>`) and the welcome after joining (`welcome:joined`). Tab titles follow renames.
 */
export function registerEntityEditors(
  services: WorkbenchServices,
  community: Community,
): Disposable {
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
      component: EntityPage,
    }),
    followed({
      id: 'doc',
      describe: (uri) => ({ title: titleOf(documentIdOf(uri)), icon: 'file-text' }),
      component: DocumentTab,
    }),
    services.editorProviders.register({
      id: 'welcome',
      describe: () => ({ title: `Welcome to ${session.summary.name}`, icon: 'sparkles' }),
      component: JoinedWelcome,
    }),
  );
}
