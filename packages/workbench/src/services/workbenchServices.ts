import type { ViewProvider } from '@repertoire/plugin-api';
import { CommandService } from './commands.ts';
import type { CustomView } from './customViews.ts';
import { type EditorProvider, EditorService } from './editors.ts';
import { KeybindingService } from './keybindings.ts';
import { LayoutService } from './layout.ts';
import type { MenuItem } from './menus.ts';
import { NotificationService } from './notifications.ts';
import { ObservableValue } from './observable.ts';
import { QuickInputService } from './quickInput.ts';
import type { QuickOpenProvider } from './quickOpen.ts';
import { Registry } from './registry.ts';
import { memoryStorage, SettingsService, type SettingsStorage } from './settings.ts';
import type { StatusItem } from './statusBar.ts';
import type { View, ViewContainer } from './views.ts';

/** A data view's provider (the plugin API's view contract), keyed by view id. */
export interface ViewProviderEntry {
  readonly id: string;
  readonly provider: ViewProvider;
}

/** Why the workspace is read-only, shown on every editing surface (e.g. "You are a viewer"). */
export interface ReadOnlyState {
  readonly readOnly: boolean;
  readonly reason?: string;
}

/**
 * Every service of the shell. The shell only renders these registries; plugins (through the
 * plugin host) and the app fill them.
 */
export interface WorkbenchServices {
  readonly commands: CommandService;
  readonly keybindings: KeybindingService;
  readonly settings: SettingsService;
  readonly notifications: NotificationService;
  readonly editors: EditorService;
  readonly editorProviders: Registry<EditorProvider>;
  readonly containers: Registry<ViewContainer>;
  readonly views: Registry<View>;
  readonly viewProviders: Registry<ViewProviderEntry>;
  /** Views that render their own DOM (trusted plugins' editors, canvases). */
  readonly customViews: Registry<CustomView>;
  readonly statusItems: Registry<StatusItem>;
  readonly menus: Registry<MenuItem>;
  readonly quickOpen: Registry<QuickOpenProvider>;
  readonly quickInput: QuickInputService;
  readonly layout: LayoutService;
  readonly readOnly: ObservableValue<ReadOnlyState>;
}

/** Creates an empty set of services; the shell's own commands come from `registerShellContributions`. */
export function createWorkbenchServices(
  options: { settingsStorage?: SettingsStorage } = {},
): WorkbenchServices {
  return {
    commands: new CommandService(),
    keybindings: new KeybindingService(),
    settings: new SettingsService(options.settingsStorage ?? memoryStorage()),
    notifications: new NotificationService(),
    editors: new EditorService(),
    editorProviders: new Registry<EditorProvider>('editor provider'),
    containers: new Registry<ViewContainer>('view container'),
    views: new Registry<View>('view'),
    viewProviders: new Registry<ViewProviderEntry>('view provider'),
    customViews: new Registry<CustomView>('custom view'),
    statusItems: new Registry<StatusItem>('status item'),
    menus: new Registry<MenuItem>('menu item'),
    quickOpen: new Registry<QuickOpenProvider>('quick open provider'),
    quickInput: new QuickInputService(),
    layout: new LayoutService(),
    readOnly: new ObservableValue<ReadOnlyState>({ readOnly: false }),
  };
}
