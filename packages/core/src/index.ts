// The public API of @repertoire/core: the community's knowledge graph on Yjs.

export { fromBase64 } from './base64.ts';
export { type Disposable, Emitter, type Event, toDisposable } from './disposable.ts';
export { DocumentRegistry } from './documentRegistry.ts';
export { newEntityId } from './entityId.ts';
export {
  currentEntity,
  kindVersion,
  type OutdatedEntity,
  storedVersion,
  VERSION_KEY,
} from './entityVersions.ts';
export {
  createGraphDoc,
  documentDocName,
  type GraphMaps,
  graphDocName,
  graphMaps,
  isStamp,
  readEntity,
  readRelation,
  type Stamp,
  type StoredRelation,
} from './graphDoc.ts';
export {
  type Direction,
  GraphIndex,
  type IndexChangeEvent,
  type IndexDelta,
  type IndexedEntity,
  type IndexedRelation,
  type Subgraph,
  type SubgraphFilter,
  type TraversalOptions,
} from './graphIndex.ts';
export {
  type Communities,
  GraphologyView,
  type GraphologyViewFilter,
  type ViewEdgeAttributes,
  type ViewNodeAttributes,
} from './graphologyView.ts';
export {
  describeValue,
  entityValueProblem,
  findInvalidGraphValues,
  type InvalidGraphValue,
  relationValueProblem,
  repairGraph,
} from './graphProblems.ts';
export {
  type Changed,
  currentGraphState,
  diffGraphStates,
  diffSnapshots,
  type GraphDiff,
  type GraphSnapshot,
  type GraphState,
  graphAtSnapshot,
  graphStateFromUpdate,
  readGraphState,
  snapshotGraph,
} from './history.ts';
export { type CompiledEntityKind, KindRegistry, type KindsChangeEvent } from './kindRegistry.ts';
export { MENTIONS, type MentionsReconciliation, reconcileMentions } from './mentions.ts';
export {
  currentAttributes,
  currentRelation,
  type OutdatedRelation,
  RELATION_VERSION_KEY,
  relationKindVersion,
  storedRelationVersion,
} from './relationVersions.ts';
export { SettingsStore } from './settingsStore.ts';
export type { TitleSearchHit, TitleSearchOptions } from './titleSearch.ts';
export {
  type ChangeSet,
  type CreateEntityInput,
  type EntityUpgrade,
  type LinkOptions,
  type RelationQuery,
  type RelationUpgrade,
  type UpdateEntityInput,
  Workspace,
  type WorkspaceChangeEvent,
  type WorkspaceOptions,
} from './workspace.ts';
