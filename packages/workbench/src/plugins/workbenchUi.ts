import {
  type DocumentInfo,
  Emitter,
  PermissionDeniedError,
  type PluginPermission,
} from '@repertoire/plugin-api';
import type { WorkbenchUi } from '@repertoire/plugin-host';
import { formatChord } from '../services/keybindings.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { saveFile, showOpenDialog } from './browserFiles.ts';

/** The entity an editor tab's URI shows: an entity's page or its document. */
export const entityOfUri = (uri: string | undefined): string | undefined =>
  /^(entity|doc):(.+)$/.exec(uri ?? '')?.[2];

/**
 * The shell's commands a plugin may run (API 1.5), with the permission each needs: moving around
 * the workbench needs none; undo and redo change the graph, so they need `graph.write` (the entity
 * pages' "Undo" after a delete). The rest (sign out, plugin switches, the owners' repairs) act for
 * the member alone, so a plugin, maybe a sandboxed third party's, cannot run them.
 */
export const PLUGIN_RUNNABLE_COMMANDS: ReadonlyMap<string, PluginPermission | undefined> = new Map([
  ['workbench.quickOpen', undefined],
  ['workbench.showCommands', undefined],
  ['workbench.toggleSidebar', undefined],
  ['workbench.togglePanel', undefined],
  ['edit.undo', 'graph.write'],
  ['edit.redo', 'graph.write'],
]);

/** The plugin host's view of the workbench: notifications, quick input, opening things. */
export function createWorkbenchUi(services: WorkbenchServices): WorkbenchUi & {
  readonly documentOpened: Emitter<DocumentInfo>;
  readonly selectionChanged: Emitter<{ entityIds: string[] }>;
} {
  const documentOpened = new Emitter<DocumentInfo>();
  const selectionChanged = new Emitter<{ entityIds: string[] }>();
  return {
    documentOpened,
    selectionChanged,
    showNotification(source, message, options) {
      return new Promise((resolve) => {
        const actions = (options.actions ?? []).map((label) => ({
          label,
          run: () => resolve(label),
        }));
        services.notifications.notify({
          severity: options.severity ?? 'info',
          message,
          detail: source,
          ...(actions.length ? { actions } : {}),
        });
        if (actions.length === 0) resolve(undefined);
      });
    },
    showQuickPick(items, options) {
      return services.quickInput.pick(items, {
        ...(options.title ? { title: options.title } : {}),
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      });
    },
    showInputBox(options) {
      return services.quickInput.input({
        ...(options.title ? { title: options.title } : {}),
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
        ...(options.value ? { value: options.value } : {}),
      });
    },
    showOpenDialog,
    saveFile,
    showProgress(source, options) {
      const cancelled = new Emitter<void>();
      let percent = 0;
      let step: string | undefined;
      // Cancel is offered until chosen once; the task then winds down and closes the bar.
      let cancellable = options.cancellable;
      const cancel = () => {
        cancellable = false;
        step = 'Cancelling…';
        cancelled.fire(undefined);
        show();
      };
      const progress = () => ({
        percent,
        ...(step ? { step } : {}),
        ...(cancellable ? { cancel } : {}),
      });
      const id = services.notifications.notify({
        severity: 'info',
        message: options.title,
        detail: source,
        progress: progress(),
      });
      const show = () => services.notifications.updateProgress(id, progress());
      return {
        report(value) {
          if (value.increment !== undefined)
            percent = Math.min(100, Math.max(0, percent + value.increment));
          if (value.message !== undefined) step = value.message;
          show();
        },
        onDidCancel: cancelled.event,
        close() {
          services.notifications.remove(id);
          cancelled.dispose();
        },
      };
    },
    async openView(viewId, options) {
      // A side bar or panel view opens its container; any other view opens in its tab.
      const view = services.views.get(viewId);
      const { activeGroup } = services.editors.state.get();
      const before = services.editors.activeUri();
      const container = view ? services.containers.get(view.container) : undefined;
      if (container?.location === 'sidebar') services.layout.showSidebar(container.id);
      else if (container?.location === 'panel') {
        if (
          services.layout.state.get().activePanel !== container.id ||
          !services.layout.state.get().panelVisible
        )
          services.layout.togglePanel(container.id);
      } else {
        services.editors.open(`view:${viewId}`);
        // The member's tab keeps the front; the view waits in the tab beside it.
        if (options?.preserveFocus && before !== undefined)
          services.editors.focus(activeGroup, before);
      }
    },
    async executeCommand(id, args, caller) {
      if (!PLUGIN_RUNNABLE_COMMANDS.has(id)) throw new Error(`Command ${id} does not exist.`);
      const needs = PLUGIN_RUNNABLE_COMMANDS.get(id);
      if (needs && !caller.permissions.includes(needs))
        throw new PermissionDeniedError(caller.pluginId, needs, `commands.executeCommand('${id}')`);
      return services.commands.execute(id, ...args);
    },
    keybindingFor(id) {
      const key = services.keybindings.keyForCommand(id);
      return key ? formatChord(key) : undefined;
    },
    async openEntity(id) {
      services.editors.open(`entity:${id}`);
    },
    async openDocument(id) {
      services.editors.open(`doc:${id}`);
    },
    activeEntity: () => entityOfUri(services.editors.activeUri()),
    onDidChangeActiveEntity: (listener) => {
      let last = entityOfUri(services.editors.activeUri());
      return services.editors.state.onDidChange(() => {
        const next = entityOfUri(services.editors.activeUri());
        if (next === last) return;
        last = next;
        listener(next);
      });
    },
    async closeEntity(id) {
      services.editors.closeEverywhere(`entity:${id}`);
      services.editors.closeEverywhere(`doc:${id}`);
    },
    onDidOpenDocument: documentOpened.event,
    onDidChangeSelection: selectionChanged.event,
  };
}
