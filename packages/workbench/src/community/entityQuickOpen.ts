import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import type { Community } from './communityContext.tsx';

/** Quick open (Ctrl/Cmd+P) over the community's entities, by fuzzy title. */
export function registerEntityQuickOpen(
  services: WorkbenchServices,
  community: Community,
): Disposable {
  const { session, catalog } = community;
  const ws = session.workspace;
  return services.quickOpen.register({
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
  });
}
