export { sizeForDegree } from './elements.ts';
export type { Direction, SearchHit } from './explore.ts';
export {
  type ExplorerAction,
  type ExplorerState,
  explorerReducer,
  explorerStateSchema,
  initialExplorerState,
  parseExplorerState,
  serializeExplorerState,
} from './explorerState.ts';
export type { ExportOptions } from './exportImage.ts';
export {
  GRAPH_FIRST_FRAME_MARK,
  GRAPH_FIRST_RENDER_MEASURE,
  GRAPH_VIEW_CREATED_MARK,
} from './firstFrame.ts';
export { type Fold, type FoldOptions, foldKind } from './folding.ts';
export { GraphExplorer, type GraphExplorerProps } from './GraphExplorer.tsx';
export {
  bindGraph,
  type GraphBinding,
  type GraphBindingOptions,
  type ProgressiveLoad,
} from './graphBinding.ts';
export type {
  Disposable,
  GraphAtDate,
  GraphChange,
  GraphEntity,
  GraphIdChanges,
  GraphRelation,
  GraphSnapshot,
  GraphSource,
} from './graphSource.ts';
export {
  buildStylesheet,
  DEFAULT_GRAPH_STYLES,
  type GraphStyle,
  type GraphTheme,
} from './graphStyles.ts';
export {
  GraphView,
  type GraphViewOptions,
  type HoverInfo,
  type LoadProgress,
  type SizeMeasure,
} from './graphView.ts';
export {
  type DatedSnapshot,
  graphAtFromCreationDates,
  graphAtFromSnapshots,
  type ServerHistoryOptions,
  serverGraphAt,
  snapshotFromState,
  snapshotFromUpdate,
} from './historySource.ts';
export type { LayoutName } from './layoutOptions.ts';
export type { RunLayoutOptions } from './layouts.ts';
export { type GraphStyleContributor, stylesFromManifests } from './manifestStyles.ts';
export { MemoryGraphSource } from './memoryGraphSource.ts';
export {
  DEFAULT_GRAPH_MODES,
  EVERY_ENTITY,
  type GraphMode,
  MEETINGS_FOLDED,
  peopleMode,
} from './modes.ts';
export {
  COMMUNITY_COLOURS,
  communityColour,
  PEOPLE_TIE,
  type PeopleNetwork,
  TIE_TYPE,
} from './people.ts';
export {
  type KeyValueStorage,
  memoryPositionStore,
  type Position,
  type PositionStore,
  storagePositionStore,
} from './positionStore.ts';
export {
  chooseRenderMode,
  LARGE_GRAPH_THRESHOLD,
  type RendererPreference,
  type RenderMode,
  type WebglSupport,
  webglAvailable,
  webglSupport,
} from './renderMode.ts';
export { randomCommunity, sampleCommunity, sampleCommunityAt } from './sampleCommunity.ts';
export type { TimeDiff } from './timeTravel.ts';
export { workspaceGraphSource } from './workspaceSource.ts';
