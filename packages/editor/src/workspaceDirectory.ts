import type { GraphIndex, Workspace } from '@repertoire/core';
import type { CreatableKind, EntityDirectory, EntityHit } from './entityDirectory.ts';

/** Options of {@link createWorkspaceDirectory}. */
export interface WorkspaceDirectoryOptions {
  workspace: Workspace;
  /** The graph index over the same graph doc (fuzzy title search, lookups). */
  index: GraphIndex;
  /** Kinds `[[New title]]` may create, e.g. practice, problem, artifact. */
  creatableKinds?: readonly CreatableKind[];
  /** Opens an entity (the workbench's editor area). */
  open?: (id: string) => void;
}

/**
 * The core's workspace and graph index seen as the editor's {@link EntityDirectory}: search and
 * lookups read the index, creation writes the workspace (validated by the kind's schema).
 */
export function createWorkspaceDirectory(options: WorkspaceDirectoryOptions): EntityDirectory {
  const { workspace, index } = options;
  const toHit = (e: { id: string; kind: string; title: string }): EntityHit => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
  });
  return {
    search: (query, searchOptions) =>
      query.trim() === ''
        ? Array.from(index.entities())
            .filter((e) => !searchOptions?.kinds || searchOptions.kinds.includes(e.kind))
            .slice(0, searchOptions?.limit ?? 20)
            .map(toHit)
        : index
            .search(query, {
              ...(searchOptions?.kinds ? { kinds: searchOptions.kinds } : {}),
              limit: searchOptions?.limit ?? 20,
            })
            .map(toHit),
    get: (id) => {
      const e = index.entity(id);
      return e ? toHit(e) : undefined;
    },
    onDidChange: (listener) => index.onDidChange(() => listener()),
    creatableKinds: () => options.creatableKinds ?? [],
    create: (kind, title) => toHit(workspace.createEntity({ kind, title })),
    ...(options.open ? { open: options.open } : {}),
  };
}
