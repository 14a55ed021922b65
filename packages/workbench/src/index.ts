export { Icon, iconNames } from '@repertoire/icons';
export { AuthScreen } from './account/AuthScreen.tsx';
export {
  colourFor,
  type Peer,
  WorkspaceSession,
  type WorkspaceSessionOptions,
} from './account/workspaceSession.ts';
export { RepertoireApp, type WorkspaceSetup } from './app/RepertoireApp.tsx';
export { type Community, CommunityProvider, useCommunity } from './community/communityContext.tsx';
export { EntityCatalog, fuzzyScore, type KindGroup } from './community/entityCatalog.ts';
export { type AccountActions, registerCommunity } from './community/registerCommunity.ts';
export { bindPluginHost } from './plugins/bindPluginHost.ts';
export { sessionLiveDocuments } from './plugins/liveDocuments.ts';
export { onEnablementSignal, serverEnablementStore } from './plugins/serverEnablement.ts';
export { sessionMembers } from './plugins/sessionMembers.ts';
export { createWorkbenchUi } from './plugins/workbenchUi.ts';
export { type Command, CommandService } from './services/commands.ts';
export { combineDisposables, type Disposable, toDisposable } from './services/disposable.ts';
export {
  type EditorAreaState,
  type EditorGroup,
  type EditorProvider,
  EditorService,
  type EditorTab,
} from './services/editors.ts';
export {
  chordOf,
  formatChord,
  type Keybinding,
  KeybindingService,
  normalizeChord,
} from './services/keybindings.ts';
export { LayoutService, type LayoutState } from './services/layout.ts';
export type { MenuItem, MenuLocation } from './services/menus.ts';
export { type Notification, NotificationService, type Severity } from './services/notifications.ts';
export { ObservableValue } from './services/observable.ts';
export { type PickItem, type QuickInputRequest, QuickInputService } from './services/quickInput.ts';
export type { QuickOpenItem, QuickOpenProvider } from './services/quickOpen.ts';
export { Registry } from './services/registry.ts';
export {
  localSettingsStorage,
  memoryStorage,
  type SettingContribution,
  SettingsService,
  type SettingsStorage,
} from './services/settings.ts';
export type { StatusItem } from './services/statusBar.ts';
export type { View, ViewContainer, ViewLocation } from './services/views.ts';
export {
  createWorkbenchServices,
  type ReadOnlyState,
  type ViewProviderEntry,
  type WorkbenchServices,
} from './services/workbenchServices.ts';
export {
  ServicesProvider,
  useObservable,
  useRegistry,
  useServices,
  useValue,
} from './shell/context.tsx';
export { registerShellContributions } from './shell/shellContributions.ts';
export { Workbench } from './shell/Workbench.tsx';
