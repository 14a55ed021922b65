import { createContext, useContext } from 'react';
import type { EntityDirectory } from '../entityDirectory.ts';

/** The directory chips and typeaheads read; null when the host gave none. */
export const EntityDirectoryContext = createContext<EntityDirectory | null>(null);

/** The entity directory of the surrounding editor, or null. */
export function useEntityDirectory(): EntityDirectory | null {
  return useContext(EntityDirectoryContext);
}
