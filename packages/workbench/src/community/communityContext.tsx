import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { WorkspaceSession } from '../account/workspaceSession.ts';
import type { EntityCatalog } from './entityCatalog.ts';

/** The open workspace as the community views see it. */
export interface Community {
  readonly session: WorkspaceSession;
  readonly catalog: EntityCatalog;
}

const CommunityContext = createContext<Community | null>(null);

/** Provides the open workspace to the explorer, entity pages and member views. */
export function CommunityProvider(props: { community: Community; children: ReactNode }) {
  return (
    <CommunityContext.Provider value={props.community}>{props.children}</CommunityContext.Provider>
  );
}

/** The open workspace; throws outside a `CommunityProvider`. */
export function useCommunity(): Community {
  const c = useContext(CommunityContext);
  if (!c) throw new Error('useCommunity needs a <CommunityProvider> above it');
  return c;
}

/** Re-renders on every graph change; returns the catalog's version. */
export function useCatalogVersion(catalog: EntityCatalog): number {
  return useSyncExternalStore(
    (l) => {
      const d = catalog.onDidChange(l);
      return () => d.dispose();
    },
    () => catalog.version,
  );
}
