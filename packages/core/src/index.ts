// The public API of @repertoire/core: the community's knowledge graph on Yjs.
export { type Disposable, Emitter, type Event, toDisposable } from './disposable.ts';
export { newEntityId } from './entityId.ts';
export {
  createGraphDoc,
  documentDocName,
  type GraphMaps,
  graphDocName,
  graphMaps,
  readEntity,
  readRelation,
  type Stamp,
  type StoredRelation,
} from './graphDoc.ts';
export { type CompiledEntityKind, KindRegistry, type KindsChangeEvent } from './kindRegistry.ts';
export { SettingsStore } from './settingsStore.ts';
export {
  type ChangeSet,
  type CreateEntityInput,
  type LinkOptions,
  type RelationQuery,
  type UpdateEntityInput,
  Workspace,
  type WorkspaceChangeEvent,
  type WorkspaceOptions,
} from './workspace.ts';
